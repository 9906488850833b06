import Testing
@testable import PolicyIndex

@Suite struct QueryFilterTests {
    let docs = [
        Fixture.document(0, ["Trade talks began."], source: "The Korea Herald", date: PartialDate(year: 2019, month: 6, day: 3)),
        Fixture.document(1, ["Trade talks resumed."], source: "Harbour Times", date: PartialDate(year: 2020)),
        Fixture.document(2, ["Trade talks collapsed."], source: "Korea Times", date: PartialDate(year: 2021, month: 2)),
        Fixture.document(3, ["Trade talks, undated."]),
    ]

    private func docs(_ q: String) throws -> [Int] {
        try TextIndex(documents: docs).search(q).map(\.document.index).sorted()
    }

    @Test func sourceMatchesWordsOfTheName() throws {
        #expect(try docs("trade source:korea") == [0, 2])
        #expect(try docs("trade source:\"Korea Herald\"") == [0])
        #expect(try docs("trade source:HERALD") == [0])
        #expect(try docs("trade -source:korea") == [1, 3])
    }

    @Test func datesFilterByOverlapAtTheDocumentsPrecision() throws {
        #expect(try docs("trade after:2020") == [1, 2])
        #expect(try docs("trade after:2020-06") == [1, 2])  // d1 is dated only "2020"
        #expect(try docs("trade before:2020") == [0])
        #expect(try docs("trade after:2019-06-04 before:2021") == [1])
        #expect(try docs("after:2021-02-28") == [2])
    }

    @Test func filterOnlyQueryPointsAtTheFirstSentence() throws {
        let hits = try TextIndex(documents: docs).search("source:times")
        #expect(hits.map(\.sentence.description) == ["d1:s0", "d2:s0"])
        #expect(hits.allSatisfy { $0.score == 0 && $0.matches.isEmpty })
    }

    @Test func actorWithoutAnalysisIsTheNameAsAPhrase() throws {
        let d = [
            Fixture.document(0, ["Moon Jae-in met the envoy."]),
            Fixture.document(1, ["The moon rose over the envoy."]),
        ]
        let index = TextIndex(documents: d)
        #expect(try index.search("envoy actor:\"Moon Jae-in\"").map(\.document.index) == [0])
    }

    @Test func actorResolverSuppliesDocumentsAndMarks() throws {
        let d = [
            Fixture.document(0, ["The minister spoke.", "Seoul agreed to talks."]),
            Fixture.document(1, ["Talks about talks."]),
        ]
        let index = TextIndex(documents: d)
        let seoul = TextSpan(20, 25)
        #expect(d[0].text(seoul) == "Seoul")
        let results = index.search(try Query("talks actor:kr"), filters: { f in
            guard case .actor("kr") = f else { return nil }
            return FilterMatch(documents: [DocumentID(0)], spans: [FilterSpan(sentence: SentenceID(document: DocumentID(0), index: 1), span: seoul)])
        })
        #expect(results.hits.map(\.sentence.description) == ["d0:s1"])
        #expect(results.hits[0].matches.map { String(d[0].text($0)) } == ["Seoul", "talks"])
    }

    @Test func workspaceResolvesActorsByIdNameOrAlias() throws {
        let d = [
            Fixture.document(0, ["The minister spoke.", "Seoul agreed to talks."]),
            Fixture.document(1, ["Talks about talks in Tokyo."]),
        ]
        let analysis = ActorAnalysis(
            actors: [
                Actor(id: "kr", name: "South Korea", kind: .country, aliases: ["Seoul", "ROK"]),
                Actor(id: "jp", name: "Japan", kind: .country, aliases: ["Tokyo"]),
            ],
            mentions: [
                Mention(actor: ActorRef(0), sentence: SentenceID(document: DocumentID(0), index: 1), span: TextSpan(20, 25), reason: .alias("Seoul")),
                Mention(actor: ActorRef(1), sentence: SentenceID(document: DocumentID(1), index: 0), span: TextSpan(21, 26), reason: .alias("Tokyo")),
            ],
            mentionsByActor: [[0], [1]])
        let ws = Workspace(
            roots: [], documents: d, issues: [], textIndex: TextIndex(documents: d), actors: analysis,
            timeline: Timeline(documents: d, actors: analysis), timings: StageTimings())
        #expect(try ws.search("talks actor:KR").map(\.document.index) == [0])
        #expect(try ws.search("talks actor:\"south korea\"").map(\.document.index) == [0])
        #expect(try ws.search("talks actor:rok").map(\.document.index) == [0])
        #expect(try ws.search("actor:jp").map(\.sentence.description) == ["d1:s0"])
        #expect(try ws.search("talks -actor:jp").map(\.document.index) == [0])
        // Not an actor: the name is looked up as a phrase.
        #expect(try ws.search("actor:minister").map(\.document.index) == [0])
        let spans = ws.matches(of: try Query("actor:jp talks"), in: DocumentID(1))
        #expect(spans.map { String(d[1].text($0)) } == ["Talks", "talks", "Tokyo"])
    }
}
