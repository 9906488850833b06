import Foundation
import Testing

@testable import PolicyIndex

/// A snapshot is decoded beside the corpus's key, before the key is known; the
/// key still decides whether the decoded workspace is used.
struct SnapshotDecodeAheadTests {
    final class Calls: @unchecked Sendable {
        let lock = NSLock()
        var indexes: [Bool] = []
        func add(hasIndex: Bool) { lock.withLock { indexes.append(hasIndex) } }
        var all: [Bool] { lock.withLock { indexes } }
    }

    @Test func aDecodeAheadLoadsWhatAPlainReadLoads() throws {
        let (corpus, ws, store, key) = try SnapshotStreamingTests.openedWithSnapshot()
        defer { withExtendedLifetime(corpus) {} }
        let checked = store.check()
        let ahead = try #require(store.decode(checked, ifMadeFor: SnapshotKey.Origin(of: key)))
        guard case .loaded(let parts) = store.read(checked, matching: key, decoded: ahead) else {
            Issue.record("the decoded snapshot was not used")
            return
        }
        #expect(parts.documents.map(\.text) == ws.documents.map(\.text))
        #expect(parts.actors.mentions.count == ws.actors.mentions.count && !ws.actors.mentions.isEmpty)
        #expect(parts.timeline.events.count == ws.timeline.events.count && !ws.timeline.events.isEmpty)
        #expect(parts.textIndex.distinctTerms == ws.textIndex.distinctTerms)
        #expect(parts.textIndex.documentFrequency(of: "the") == ws.textIndex.documentFrequency(of: "the"))
    }

    /// A key that no longer matches wins over a payload already decoded.
    @Test func theKeyStillDecidesAfterADecodeAhead() throws {
        let (corpus, _, store, key) = try SnapshotStreamingTests.openedWithSnapshot()
        defer { withExtendedLifetime(corpus) {} }
        let checked = store.check()
        let ahead = try #require(store.decode(checked, ifMadeFor: SnapshotKey.Origin(of: key)))
        var changed = key
        changed.files[0].hash ^= 1
        guard case .stale(let why) = store.read(checked, matching: changed, decoded: ahead) else {
            Issue.record("a decoded snapshot was used for a changed corpus")
            return
        }
        #expect(why == "1 file changed")
    }

    /// No work is spent on a snapshot that another program, build, path list
    /// or option set made, nor on one whose checksum fails.
    @Test func onlyASnapshotOfTheSameOriginIsDecodedAhead() throws {
        let (corpus, _, store, key) = try SnapshotStreamingTests.openedWithSnapshot()
        defer { withExtendedLifetime(corpus) {} }
        var other = SnapshotKey.Origin(of: key)
        other.program = "polex 0.0.0"
        #expect(store.decode(store.check(), ifMadeFor: other) == nil)
        other = SnapshotKey.Origin(of: key)
        other.options += " x"
        #expect(store.decode(store.check(), ifMadeFor: other) == nil)

        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.path)))
        bytes[bytes.count - 100] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: store.path))
        #expect(store.decode(store.check(), ifMadeFor: SnapshotKey.Origin(of: key)) == nil)
    }

    /// A decode told to stop ends once the documents are handed over and does
    /// not decode the index, the actors or the timeline.
    @Test func aStoppedDecodeEndsAfterTheDocuments() throws {
        let (corpus, _, store, key) = try SnapshotStreamingTests.openedWithSnapshot()
        defer { withExtendedLifetime(corpus) {} }
        let calls = Calls()
        let result = store.decode(
            store.check(), ifMadeFor: SnapshotKey.Origin(of: key), stop: { true },
            early: { _, _, index in calls.add(hasIndex: index != nil) })
        guard case .failure(let problem)? = result else {
            Issue.record("a stopped decode did not stop")
            return
        }
        #expect(problem == .stopped)
        #expect(calls.all == [false])
    }
}
