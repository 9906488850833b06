import Foundation
import Testing
@testable import PolicyIndex

/// `actor:` answers from per-actor document lists built with the workspace;
/// these pin what the lists and the on-demand mention lookup must agree on.
@Suite struct ActorFilterIndexTests {
    // Sentences starting with `~` are boilerplate (see Fixture.document).
    let docs = [
        Fixture.document(0, ["Ministers met.", "Seoul backed the plan."]),
        Fixture.document(1, ["Nothing about anyone here."]),
        Fixture.document(2, ["Rain fell.", "~Share this story from Seoul."]),
        Fixture.document(3, ["Seoul and Tokyo talked.", "Later Seoul left."]),
    ]

    private func span(_ doc: Int, _ word: String, after: Int = 0) -> TextSpan {
        let text = docs[doc].text
        let u = Array(text.utf8)
        let w = Array(word.utf8)
        let start = (after...(u.count - w.count)).first { Array(u[$0..<($0 + w.count)]) == w }!
        return TextSpan(start, start + w.count)
    }

    private func mention(_ actor: Int, _ doc: Int, _ sentence: Int, _ word: String, after: Int = 0) -> Mention {
        Mention(
            actor: ActorRef(actor), sentence: SentenceID(document: DocumentID(doc), index: sentence),
            span: span(doc, word, after: after), reason: .alias(word))
    }

    /// Mentions in sentence order; `mentionsByActor` for Japan deliberately out of order.
    private func workspace() -> Workspace {
        let later = span(3, "Seoul").end
        let mentions = [
            mention(0, 0, 1, "Seoul"), mention(0, 2, 1, "Seoul"), mention(0, 3, 0, "Seoul"), mention(1, 3, 0, "Tokyo"),
            mention(0, 3, 1, "Seoul", after: Int(later)), mention(1, 0, 0, "Ministers"),
        ].sorted { ($0.sentence, $0.span) < ($1.sentence, $1.span) }
        var byActor: [[Int]] = [[], []]
        for (i, m) in mentions.enumerated() { byActor[m.actor.index].append(i) }
        byActor[1].reverse()
        let analysis = ActorAnalysis(
            actors: [
                Actor(id: "kr", name: "South Korea", kind: .country, aliases: ["Seoul"]),
                Actor(id: "jp", name: "Japan", kind: .country, aliases: ["Tokyo"]),
            ], mentions: mentions, mentionsByActor: byActor)
        return Workspace(
            roots: [], documents: docs, issues: [], textIndex: TextIndex(documents: docs), actors: analysis,
            timeline: Timeline(documents: docs, actors: analysis), timings: StageTimings())
    }

    @Test func boilerplateMentionsCountOnlyWhenAskedFor() throws {
        let ws = workspace()
        let content = try ws.searchResults("actor:kr")
        #expect(content.totalDocuments == 2)
        #expect(content.hits.map(\.document.index) == [0, 3])
        let all = try ws.searchResults("actor:kr", options: SearchOptions(includeBoilerplate: true))
        #expect(all.totalDocuments == 3)
        #expect(all.hits.map(\.sentence.description) == ["d0:s1", "d2:s1", "d3:s0"])
    }

    @Test func hitSentenceAndMarksComeFromTheMentionsOfThatDocument() throws {
        let ws = workspace()
        let hits = try ws.search("actor:kr")
        #expect(hits.map(\.sentence.description) == ["d0:s1", "d3:s0"])
        #expect(hits.map { hit in hit.matches.map { String(docs[hit.document.index].text($0)) } } == [["Seoul"], ["Seoul"]])
        // With a term, the sentence holding both the term and a mention wins.
        let later = try ws.search("later actor:kr")
        #expect(later.map(\.sentence.description) == ["d3:s1"])
        #expect(later[0].matches.map { String(docs[3].text($0)) } == ["Later", "Seoul"])
        let marks = ws.matches(of: try Query("actor:kr"), in: DocumentID(3))
        #expect(marks.map { String(docs[3].text($0)) } == ["Seoul", "Seoul"])
    }

    @Test func mentionListsOutOfOrderStillFindEveryDocument() throws {
        let ws = workspace()
        #expect(try ws.searchResults("actor:jp").hits.map(\.sentence.description) == ["d0:s0", "d3:s0"])
        #expect(try ws.search("talked actor:jp")[0].matches.map { String(docs[3].text($0)) } == ["Tokyo", "talked"])
        #expect(try ws.search("actor:jp -actor:kr").isEmpty)
        #expect(try ws.search("actor:kr OR actor:jp").map(\.document.index) == [0, 3])
    }

    /// Enough actors for the lists to be built in two halves on both cores: each
    /// actor's lists equal the documents worked out from its mentions directly.
    @Test func manyActorsGetTheDocumentsOfTheirMentions() {
        let docs = (0..<40).map { Fixture.document($0, ["Plain words here.", "~Share this page."]) }
        let actorCount = 150
        var mentions: [Mention] = []
        for d in docs.indices {
            for a in 0..<actorCount {
                for k in 0..<2 where (k == 0 && (d * 7 + a) % 5 == 0) || (k == 1 && (d + a) % 4 == 0) {
                    let sentence = SentenceID(document: DocumentID(d), index: k)
                    mentions.append(Mention(actor: ActorRef(a), sentence: sentence, span: docs[d].sentences[k].span, reason: .alias("x")))
                }
            }
        }
        var byActor = [[Int]](repeating: [], count: actorCount)
        for (i, m) in mentions.enumerated() { byActor[m.actor.index].append(i) }
        let analysis = ActorAnalysis(
            actors: (0..<actorCount).map { Actor(id: "a\($0)", name: "Actor \($0)", kind: .country, aliases: []) }, mentions: mentions,
            mentionsByActor: byActor)
        let index = ActorFilterIndex(analysis, documents: docs)
        for a in 0..<actorCount {
            let content = docs.indices.filter { (Int($0) * 7 + a) % 5 == 0 }.map(UInt32.init)
            let any = docs.indices.filter { (Int($0) * 7 + a) % 5 == 0 || (Int($0) + a) % 4 == 0 }.map(UInt32.init)
            #expect(index.documents(of: [ActorRef(a)], includeBoilerplate: false) == content, "actor \(a)")
            #expect(index.documents(of: [ActorRef(a)], includeBoilerplate: true) == any, "actor \(a)")
        }
    }

    /// The lists cost a third of a second at 50,000 articles: a command that
    /// never filters must not build them, and a filter builds them on demand.
    @Test func theListsAreBuiltWhenStartedOrFirstAskedFor() throws {
        let idle = workspace()
        Thread.sleep(forTimeInterval: 0.05)
        #expect(!idle.actorFilter.isReady)
        #expect(try idle.searchResults("actor:kr").totalDocuments == 2)
        #expect(idle.actorFilter.isReady)

        let started = workspace()
        started.startBackgroundWork()
        let deadline = Date().addingTimeInterval(10)
        while !started.actorFilter.isReady, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(started.actorFilter.isReady)
    }
}
