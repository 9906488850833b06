@testable import PolicyIndex

/// Small documents and a small dictionary written for the actor tests.
enum ActorFixtures {
    static let dictionaryYAML = """
        - id: kr
          name: South Korea
          kind: country
          aliases: [Republic of Korea, ROK, Seoul, the Blue House, Korea]
          demonyms: [South Korean]
          not: [Seoul Olympics]
        - id: kp
          name: North Korea
          kind: country
          aliases: [DPRK, Pyongyang]
          demonyms: [North Korean]
        - id: us
          name: United States
          kind: country
          aliases: [US, U.S., America, Washington]
          demonyms: [American]
          not: [Washington Post]
        - id: cn
          name: China
          kind: country
          aliases: [PRC, Beijing]
          demonyms: [Chinese]
        - id: jp
          name: Japan
          kind: country
          aliases: [Tokyo]
          demonyms: [Japanese]
          not: [Tokyo Olympics]
        - id: moon-jae-in
          name: Moon Jae-in
          kind: person
          aliases: [President Moon]
          affiliation: kr
          roles:
            - {title: President, from: 2017-05-10, to: 2022-05-09}
        - id: kim-jong-un
          name: Kim Jong-un
          kind: person
          affiliation: kp
        - id: joe-biden
          name: Joe Biden
          kind: person
          affiliation: us
          roles:
            - {title: Vice President, from: 2009-01-20, to: 2017-01-20}
            - {title: President, from: 2021-01-20}
        - id: xi-jinping
          name: Xi Jinping
          kind: person
          affiliation: cn
        - id: kim-yo-jong
          name: Kim Yo-jong
          kind: person
          affiliation: kp
        - id: denuclearisation
          name: denuclearisation
          kind: topic
        """

    static var dictionary: ActorDictionary { ActorDictionary.parse(yaml: dictionaryYAML).dictionary }

    /// A document from paragraphs of sentences; sentences are joined by one space,
    /// paragraphs by a blank line. `boilerplate` marks whole paragraphs.
    static func document(
        _ paragraphs: [[String]], id: Int = 0, date: PartialDate? = nil, boilerplate: Set<Int> = []
    ) -> Document {
        var text = ""
        var paras: [Paragraph] = []
        var sentences: [Sentence] = []
        let did = DocumentID(id)
        for (pi, p) in paragraphs.enumerated() {
            if pi > 0 { text += "\n\n" }
            let pStart = text.utf8.count
            let first = sentences.count
            for (si, s) in p.enumerated() {
                if si > 0 { text += " " }
                let start = text.utf8.count
                text += s
                sentences.append(
                    Sentence(
                        id: SentenceID(document: did, index: sentences.count), span: TextSpan(start, text.utf8.count),
                        paragraph: pi, isBoilerplate: boilerplate.contains(pi), wordCount: s.split(separator: " ").count))
            }
            paras.append(
                Paragraph(
                    span: TextSpan(pStart, text.utf8.count), boilerplate: boilerplate.contains(pi) ? .shareButtons : nil,
                    sentences: first..<sentences.count))
        }
        return Document(
            id: did, path: "fixture-\(id).txt", format: .text, title: "fixture \(id)",
            date: date.map { DocumentDate($0, origin: .frontMatter) }, text: text, paragraphs: paras, sentences: sentences,
            byteCount: text.utf8.count)
    }

    /// One paragraph, one document.
    static func document(_ sentences: String..., id: Int = 0, date: PartialDate? = nil) -> Document {
        document([sentences], id: id, date: date)
    }

    static func analyze(_ docs: [Document], options: ActorOptions = ActorOptions(), cues: RelationCues = .standard) -> ActorAnalysis {
        ActorAnalyzer(dictionary: dictionary, options: options, cues: cues).analyze(docs)
    }
}

extension ActorAnalysis {
    /// Mentions as `(actor id, covered text)` in text order, for compact expectations.
    func coded(_ docs: [Document]) -> [(String, String)] {
        mentions.map { m in (actors[m.actor.index].id, String(docs[m.sentence.document.index].text(m.span))) }
    }

    func ids(_ docs: [Document]) -> [String] { coded(docs).map(\.0) }

    func ref(_ id: String) -> ActorRef? { actors.firstIndex { $0.id == id }.map { ActorRef($0) } }
}
