import Foundation
import Testing

@testable import PolicyIndex

#if canImport(Glibc)
    import Glibc
#endif

/// The snapshot is streamed to disk as it is encoded: its bytes must be those
/// of the same encoding kept in memory, wherever the handovers fall, with
/// lengths patched into bytes already written.
@Suite struct SnapshotStreamingTests {
    /// One writer call, applied alike to a writer in memory and a streaming one.
    enum Step {
        case value(UInt32)
        case string(String)
        case run(Int)
        case records(Int)
        case section([Step])
    }

    /// `maxRecords` above 8,192 lets a run of records span two batches of 64 KB.
    static func randomSteps(_ rng: inout SplitMix, maxRecords: Int, depth: Int = 0) -> [Step] {
        (0..<(depth == 0 ? 40 : 6)).map { _ in
            switch rng.next() % 6 {
            case 0: return .value(UInt32(truncatingIfNeeded: rng.next()))
            case 1: return .string(String(repeating: "é", count: Int(rng.next() % 90)))
            case 2: return .run(Int(rng.next() % 700))
            case 3: return .records(Int(rng.next() % UInt64(maxRecords)))
            default: return depth < 3 ? .section(randomSteps(&rng, maxRecords: maxRecords, depth: depth + 1)) : .value(7)
            }
        }
    }

    /// Where two byte strings first differ (a short failure message, not a dump of megabytes).
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        if a == b { return nil }
        return zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }

    static func apply(_ steps: [Step], to w: inout SnapshotWriter) {
        for step in steps {
            switch step {
            case .value(let v): w.append(v)
            case .string(let s): w.append(s)
            case .run(let n):
                let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) }
                bytes.withUnsafeBytes { w.append(raw: $0) }
            case .records(let n): w.append(count: n) { put in for i in 0..<n { put(Int64(i * i - n)) } }
            case .section(let inner): w.section { apply(inner, to: &$0) }
            }
        }
    }

    /// With a chunk of a few dozen bytes nearly every value crosses a handover,
    /// runs go straight through and most section lengths are patched in the file.
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func aStreamingWriterWritesWhatAWriterInMemoryHolds(seed: UInt64) throws {
        let chunk = [37, 64, 256, 4096, 1 << 20, 7, 100][Int(seed) % 7]
        var rng = SplitMix(seed: seed)
        // Runs of many records only through the larger chunks: through a chunk of
        // a few bytes they would cost tens of thousands of writes each.
        let steps = Self.randomSteps(&rng, maxRecords: chunk >= 256 ? 10_000 : 300)
        var memory = SnapshotWriter()
        Self.apply(steps, to: &memory)

        let corpus = TempCorpus()
        let path = corpus.path("stream.bin")
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        let sink = SnapshotSink(fd: fd, base: 5, chunk: chunk) { true }
        var streaming = SnapshotWriter(streamingTo: sink)
        Self.apply(steps, to: &streaming)
        streaming.spill()
        close(fd)
        #expect(sink.failure == nil && !sink.stopped)
        #expect(streaming.count == memory.bytes.count)
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(file.count == 5 + memory.bytes.count)
        #expect(Self.firstDifference(Array(file.dropFirst(5)), memory.bytes) == nil, "chunk \(chunk)")
    }

    /// A generated corpus opened with `.always`, so its snapshot is on disk,
    /// with the store and the key a second write needs.
    static func openedWithSnapshot() throws -> (TempCorpus, Workspace, SnapshotStore, SnapshotKey) {
        let corpus = TempCorpus()
        SnapshotFixtures.write(into: corpus, articles: 10)
        let options = SnapshotFixtures.options(.always)
        let ws = try Workspace.open(paths: [corpus.root], options: options)
        let store = try #require(SnapshotStore(paths: [corpus.root]))
        return (corpus, ws, store, try SnapshotKey.current(paths: [corpus.root], options: options))
    }

    /// A whole workspace written to the file through small chunks: the payload
    /// is the in-memory encoding byte for byte, and the file loads back.
    @Test func aSnapshotFileHoldsThePayloadOfTheEncodingInMemory() throws {
        let (corpus, ws, store, key) = try Self.openedWithSnapshot()
        try SnapshotFile.write(key: key, parts: WorkspaceCoding.parts(ws), to: store.path, chunk: 4096)

        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: store.path)))
        let payload = WorkspaceCoding.encode(ws)
        #expect(payload.count > 8 * 4096)
        #expect(Self.firstDifference(Array(file.suffix(payload.count)), payload) == nil)
        let (_, stored, _) = try file.withUnsafeBytes { b throws(SnapshotProblem) in try SnapshotFile.unpack(b) }
        #expect(stored.count == payload.count)
        guard case .loaded(let parts) = store.read(store.check(), matching: key) else {
            Issue.record("the streamed snapshot did not load")
            return
        }
        #expect(parts.documents.count == ws.documents.count)
        #expect(parts.actors.mentions.count == ws.actors.mentions.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.path(".polex")) == ["index.snapshot"])
    }

    /// A write stopped while the parts stream leaves neither the main
    /// temporary file nor a part's file behind, and the old snapshot as it was.
    @Test func aWriteStoppedWhileThePartsStreamLeavesNoFiles() throws {
        let (corpus, ws, store, key) = try Self.openedWithSnapshot()
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let asked = Counter()
        #expect(throws: SnapshotWriteError.self) {
            try SnapshotFile.write(key: key, parts: WorkspaceCoding.parts(ws), to: store.path, chunk: 4096) {
                asked.next() < 6
            }
        }
        #expect(asked.value >= 6)
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.path(".polex")) == ["index.snapshot"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }
}

/// Records are read where they lie in the snapshot, at any alignment, and
/// their pages can be handed back once they are decoded.
@Suite struct SnapshotRecordsTests {
    @Test func recordsReadInPlaceAtAnyOffsetAreTheRecordsWritten() throws {
        let records: [EntryRecord] = (0..<1_000).map { (i: Int) -> EntryRecord in
            let n = Int32(i)
            return EntryRecord(expression: n, document: n * 7, sentence: -n, firstActor: UInt32(i * 3), actorCount: 2)
        }
        func same(_ a: EntryRecord, _ b: EntryRecord) -> Bool {
            a.expression == b.expression && a.document == b.document && a.sentence == b.sentence && a.firstActor == b.firstActor
                && a.actorCount == b.actorCount
        }
        for pad in 0..<8 {
            var w = SnapshotWriter()
            for _ in 0..<pad { w.append(UInt8(0xEE)) }
            w.append(array: records)
            let read = try w.bytes.withUnsafeBytes { b throws(SnapshotProblem) -> [EntryRecord] in
                var r = SnapshotReader(b, at: pad)
                let inPlace = try r.readRecords(EntryRecord.self)
                try r.expectEnd()
                return Array(inPlace)
            }
            #expect(read.count == records.count)
            #expect(zip(read, records).allSatisfy { same($0, $1) }, "offset \(pad)")
        }
    }

    @Test func givingBackHandsOverExactlyTheRecordsBytes() throws {
        var w = SnapshotWriter()
        w.append(UInt32(5))
        w.append(array: [Int64](repeating: 9, count: 300))
        let handed = Counter()
        let count = try w.bytes.withUnsafeBytes { b throws(SnapshotProblem) -> Int in
            var r = SnapshotReader(b)
            let base = Int(bitPattern: b.baseAddress)
            r.release = { part in
                #expect(Int(bitPattern: part.baseAddress) - base == 4 + 8)
                #expect(part.count == 300 * 8)
                _ = handed.next()
            }
            _ = try r.read(UInt32.self)
            let values = try r.readRecords(Int64.self)
            r.giveBack(values)
            return values.count
        }
        #expect(count == 300)
        #expect(handed.value == 1)
    }

    /// What `release` was handed, and how many records had been read by then.
    final class ReleaseLog: @unchecked Sendable {
        var offsets: [Int] = []
        var counts: [Int] = []
        var readBefore: [Int] = []
        var read = 0
        var inOrder = true
    }

    /// Read in order, a run goes back in chunks of at least 4 MB as it is
    /// read, each once its last record was read and before the next one is,
    /// and then whole; every record is read once, in order.
    @Test func aRunReadInOrderGoesBackInChunksAsItIsRead() throws {
        let count = 1_300_000  // 10.4 MB of Int64: two chunks and a tail
        var w = SnapshotWriter()
        w.append(array: (0..<count).map { Int64($0) })
        let log = ReleaseLog()
        let total = try w.bytes.withUnsafeBytes { b throws(SnapshotProblem) -> Int in
            var r = SnapshotReader(b)
            let base = Int(bitPattern: b.baseAddress)
            r.release = { part in
                log.offsets.append(Int(bitPattern: part.baseAddress) - base)
                log.counts.append(part.count)
                log.readBefore.append(log.read)
            }
            let values = try r.readRecords(Int64.self)
            try r.forEachGivingBack(values) { v throws(SnapshotProblem) in
                if v != Int64(log.read) { log.inOrder = false }
                log.read += 1
            }
            try r.expectEnd()
            return values.count
        }
        #expect(total == count)
        #expect(log.read == count)
        #expect(log.inOrder)
        #expect(log.offsets.count == 3)
        guard log.offsets.count == 3 else { return }
        var next = 8  // after the count
        for k in 0..<2 {
            #expect(log.offsets[k] == next)
            #expect(log.counts[k] >= 4 << 20)
            // Handed back once its last record was read, not later than the next one.
            #expect(log.readBefore[k] == (log.offsets[k] + log.counts[k] - 8) / 8)
            next = log.offsets[k] + log.counts[k]
        }
        #expect(log.offsets[2] == 8)
        #expect(log.counts[2] == count * 8)
    }
}
