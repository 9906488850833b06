import Foundation
import Testing

@testable import PolicyIndex

/// Decoding never trusts its input: a payload with any byte flipped, cut short
/// anywhere, or damaged in many places at once either decodes to a workspace
/// that can be searched and drawn from, or throws `SnapshotProblem`. A trap
/// here stops the whole test run, which is the failure this guards against.
@Suite struct SnapshotDamageTests {
    /// The smallest generated corpus with every section populated (issues,
    /// actors, candidates, relations, quotes, timeline events), so damage
    /// reaches every decoder while the payload stays small.
    static let fixture: (workspace: Workspace, payload: [UInt8]) = {
        for articles in 2...12 {
            let corpus = TempCorpus()
            SnapshotFixtures.write(into: corpus, articles: articles)
            let ws = try! Workspace.open(paths: [corpus.root], options: SnapshotFixtures.options())
            if isPopulated(ws) || articles == 12 { return (ws, WorkspaceCoding.encode(ws)) }
        }
        fatalError("unreachable")
    }()

    static func isPopulated(_ ws: Workspace) -> Bool {
        !ws.documents.isEmpty && !ws.issues.isEmpty && !ws.actors.actors.isEmpty && !ws.actors.mentions.isEmpty
            && !ws.actors.relations.isEmpty && !ws.actors.quotes.isEmpty && !ws.actors.candidates.isEmpty
            && !ws.timeline.expressions.isEmpty && !ws.timeline.events.isEmpty
            && ws.documents.contains { $0.date == nil } == !ws.timeline.undatedDocuments.isEmpty
    }

    /// Decodes `bytes`; when that succeeds, every reference in the result is
    /// exercised so a bad id cannot hide until a view or a query uses it.
    /// Returns whether the bytes were accepted.
    @discardableResult
    static func decodeAndUse(_ bytes: [UInt8]) -> Bool {
        guard let parts = try? bytes.withUnsafeBytes({ try WorkspaceCoding.decode($0) }) else { return false }
        let ws = Workspace(
            roots: fixture.workspace.roots, documents: parts.documents, issues: parts.issues, textIndex: parts.textIndex,
            actors: parts.actors, timeline: parts.timeline, timings: StageTimings())
        ReferenceWalk.touch(ws)
        return true
    }

    @Test func fixtureHasEverySectionPopulated() {
        #expect(Self.isPopulated(Self.fixture.workspace))
        #expect(Self.decodeAndUse(Self.fixture.payload))
        print("damage fixture: \(Self.fixture.workspace.documents.count) documents, \(Self.fixture.payload.count) payload bytes")
    }

    @Test func everyFlippedByteIsRejectedOrHarmless() {
        let payload = Self.fixture.payload
        var accepted = 0
        var rejected = 0
        // Every byte of the first section headers, then a fixed stride through the rest, keeps a debug run short.
        for position in Array(0..<64) + Array(stride(from: 64, to: payload.count, by: 211)) {
            for mask: UInt8 in [0xFF, 0x01, 0x80, 0x40] {
                var bad = payload
                bad[position] ^= mask
                if Self.decodeAndUse(bad) { accepted += 1 } else { rejected += 1 }
            }
        }
        // Most single flips land in a count, an id or a length and are caught.
        #expect(rejected > 0)
        #expect(accepted + rejected > 0)
    }

    @Test func everyTruncationIsRejected() {
        let payload = Self.fixture.payload
        for cut in Array(0..<64) + Array(stride(from: 64, to: payload.count, by: 97)) {
            #expect(!Self.decodeAndUse(Array(payload[0..<cut])), "cut at \(cut)")
        }
    }

    @Test func randomDamageFromAFixedSeedIsRejectedOrHarmless() {
        let payload = Self.fixture.payload
        var rng = SplitMix(seed: 0x5EED_0F_DA_4A6E)
        var rejected = 0
        for _ in 0..<300 {
            var bad = payload
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let position = Int(rng.next() % UInt64(bad.count))
                bad[position] = UInt8(truncatingIfNeeded: rng.next())
            }
            if !Self.decodeAndUse(bad) { rejected += 1 }
        }
        #expect(rejected > 0)
    }
}

/// A small deterministic generator, so a failure names a reproducible case.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Follows every cross-reference of a workspace the way views and queries do,
/// so an id that decoding let through but points nowhere traps here.
enum ReferenceWalk {
    static func touch(_ ws: Workspace) {
        var sink = 0
        func sentence(_ id: SentenceID) -> Sentence { ws.documents[id.document.index].sentences[Int(id.index)] }
        func words(_ id: SentenceID) -> Int { Int(sentence(id).wordCount) }
        func text(_ id: SentenceID, _ span: TextSpan) -> Int { Array(ws.documents[id.document.index].text.utf8)[span.range].count }
        for d in ws.documents {
            let utf8 = Array(d.text.utf8)
            for p in d.paragraphs {
                sink &+= utf8[p.span.range].count
                for s in p.sentences { sink &+= Int(d.sentences[s].wordCount) }
            }
            for s in d.sentences {
                sink &+= utf8[s.span.range].count
                sink &+= Int(sentence(s.id).span.start)
                if !d.paragraphs.isEmpty { sink &+= Int(d.paragraphs[Int(s.paragraph)].span.start) }
            }
        }
        for m in ws.actors.mentions {
            sink &+= ws.actors.actors[m.actor.index].name.count + words(m.sentence) + text(m.sentence, m.span)
        }
        for list in ws.actors.mentionsByActor { for i in list { sink &+= Int(ws.actors.mentions[i].span.start) } }
        for r in ws.actors.relations {
            sink &+= ws.actors.actors[r.a.index].name.count + ws.actors.actors[r.b.index].name.count
            for e in r.evidence {
                sink &+= words(e.sentence)
                if let c = e.cueSpan { sink &+= text(e.sentence, c) }
            }
        }
        for q in ws.actors.quotes {
            if let s = q.speaker { sink &+= ws.actors.actors[s.index].name.count }
            sink &+= words(q.sentence) + text(q.sentence, q.span)
        }
        for c in ws.actors.candidates { sink &+= words(c.example) }
        for e in ws.timeline.expressions { sink &+= words(e.sentence) + text(e.sentence, e.span) }
        for event in ws.timeline.events {
            for e in event.entries {
                sink &+= words(e.sentence)
                for a in e.actors { sink &+= ws.actors.actors[a.index].name.count }
            }
        }
        for d in ws.timeline.undatedDocuments { sink &+= ws.documents[d.index].sentences.count }
        for d in ws.documents { sink &+= ws.timeline.expressions(in: d.id).count }
        for q in WorkspaceComparison.queries(ws) { sink &+= (try? ws.searchResults(q, limit: 20))?.hits.count ?? 0 }
        #expect(sink != Int.min)
    }
}
