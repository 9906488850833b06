@testable import PolicyIndex

/// Builds documents straight from sentences, the way the loader would.
enum Fixture {
    /// A document whose sentences are joined by one space. A sentence written
    /// with a leading `~` is marked as boilerplate (the `~` is dropped).
    static func document(
        _ id: Int, _ sentences: [String], title: String? = nil, source: String? = nil, date: PartialDate? = nil
    ) -> Document {
        var text = ""
        var built: [Sentence] = []
        for (k, raw) in sentences.enumerated() {
            let boilerplate = raw.hasPrefix("~")
            let body = boilerplate ? String(raw.dropFirst()) : raw
            if !text.isEmpty { text += " " }
            let start = text.utf8.count
            text += body
            built.append(
                Sentence(
                    id: SentenceID(document: DocumentID(id), index: k), span: TextSpan(start, text.utf8.count), paragraph: 0,
                    isBoilerplate: boilerplate, wordCount: Tokenizer.terms(in: body).count))
        }
        return Document(
            id: DocumentID(id), path: "doc\(id).txt", format: .text, title: title ?? "Document \(id)", source: source,
            date: date.map { DocumentDate($0, origin: .frontMatter) }, text: text,
            paragraphs: [Paragraph(span: TextSpan(0, text.utf8.count), sentences: 0..<built.count)], sentences: built,
            byteCount: text.utf8.count)
    }

    static func documents(_ texts: [[String]]) -> [Document] {
        texts.enumerated().map { document($0.offset, $0.element) }
    }

    static func index(_ texts: [[String]], parallelism: Int = 2) -> TextIndex {
        TextIndex(documents: documents(texts), parallelism: parallelism)
    }

    /// The text of each match of a hit.
    static func matched(_ hit: SearchHit, in docs: [Document]) -> [String] {
        hit.matches.map { String(docs[hit.document.index].text($0)) }
    }

    /// A deterministic corpus of `count` documents of varied prose.
    static func generated(_ count: Int, sentencesPerDocument: Int = 12) -> [Document] {
        let words = [
            "minister", "envoy", "summit", "talks", "sanctions", "trade", "alliance", "north", "south", "korea",
            "japan", "china", "united", "states", "security", "council", "agreement", "nuclear", "missile", "border",
            "economy", "growth", "budget", "election", "parliament", "president", "treaty", "tariff", "exports", "visit",
            "delegation", "statement", "ceasefire", "peace", "defence", "exercise", "pledge", "aid", "vaccine", "energy",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { d in
            let sentences = (0..<sentencesPerDocument).map { _ -> String in
                let n = 8 + next() % 12
                var s = (0..<n).map { _ in words[Int(Double(next() % 1000) / 1000.0 * Double(next() % words.count + 1))] }
                s[0] = s[0].prefix(1).uppercased() + s[0].dropFirst()
                return s.joined(separator: " ") + "."
            }
            return document(d, sentences, source: d % 3 == 0 ? "The Daily Ledger" : "Harbour Times", date: PartialDate(year: 2015 + d % 8, month: 1 + d % 12))
        }
    }
}
