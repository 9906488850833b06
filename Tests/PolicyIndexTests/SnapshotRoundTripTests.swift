import Foundation
import Testing

@testable import PolicyIndex

/// A workspace read back from its snapshot is the workspace that was built:
/// every stored field of documents, issues, actors and timeline, the index's
/// arrays, and the answers to queries.
@Suite struct SnapshotRoundTripTests {
    @Test func bundledCorpusRoundTripsInMemory() throws {
        let built = try Workspace.open(paths: [SnapshotFixtures.bundledCorpus], options: SnapshotFixtures.options())
        let payload = WorkspaceCoding.encode(built)
        let parts = try payload.withUnsafeBytes { try WorkspaceCoding.decode($0) }
        let read = Workspace(
            roots: built.roots, documents: parts.documents, issues: parts.issues, textIndex: parts.textIndex, actors: parts.actors,
            timeline: parts.timeline, timings: StageTimings())
        #expect(built.documents.count > 20)
        #expect(!built.actors.mentions.isEmpty && !built.actors.relations.isEmpty && !built.actors.quotes.isEmpty)
        WorkspaceComparison.expectEqual(built, read)
    }

    @Test func generatedCorpusRoundTripsThroughTheFile() throws {
        let corpus = TempCorpus()
        SnapshotFixtures.write(into: corpus)
        let built = try Workspace.open(paths: [corpus.root], options: SnapshotFixtures.options(.always))
        #expect(built.snapshot.status == .written)
        #expect(FileManager.default.fileExists(atPath: corpus.path(".polex/index.snapshot")))
        let read = try Workspace.open(paths: [corpus.root], options: SnapshotFixtures.options(.auto))
        #expect(read.snapshot.status == .loaded)
        #expect(read.timings["snapshot"] != nil && read.timings["load"] == nil)
        // The fixture has to exercise what it claims to, or equality proves little.
        #expect(Set(built.documents.map(\.format)).count == 4)
        #expect(built.issues.contains { $0.path.hasSuffix("scan.txt") })
        #expect(built.documents.contains { !$0.tags.isEmpty } && built.documents.contains { !$0.extra.isEmpty })
        #expect(built.documents.contains { $0.sentences.contains { $0.isBoilerplate } })
        #expect(built.actors.actors.contains { $0.isDiscovered })
        #expect(built.actors.relations.contains { $0.evidence.contains { $0.cue != nil } })
        #expect(!built.actors.quotes.isEmpty && !built.timeline.events.isEmpty)
        #expect(built.timeline.events.contains { $0.entries.count > 1 })
        WorkspaceComparison.expectEqual(built, read)
        // The built workspace must not have indexed anything under `.polex`.
        #expect(!read.documents.contains { $0.path.contains(".polex") })
    }

    /// Entries of a built timeline are stored under their own expression
    /// numbers. A timeline whose list was replaced (here reversed, so every
    /// number is wrong for it) must be stored by looking each expression up,
    /// and an entry whose expression is in no list keeps it as an extra.
    @Test func timelinesChangedAfterTheBuildRoundTrip() throws {
        let built = try Workspace.open(paths: [SnapshotFixtures.bundledCorpus], options: SnapshotFixtures.options())
        var timeline = built.timeline
        timeline.expressions = timeline.expressions.reversed()
        let first = timeline.events[0].entries[0]
        var odd = first.expression
        odd.text = "a day nobody wrote"
        timeline.events[0].entries[0] = TimelineEntry(expression: odd, sentence: first.sentence, actors: first.actors)
        let changed = Workspace(
            roots: built.roots, documents: built.documents, issues: built.issues, textIndex: built.textIndex, actors: built.actors,
            timeline: timeline, timings: StageTimings())
        let parts = try WorkspaceCoding.encode(changed).withUnsafeBytes { try WorkspaceCoding.decode($0) }
        #expect(parts.timeline.events[0].entries[0].expression.text == "a day nobody wrote")
        #expect(parts.timeline.expressions.count == built.timeline.expressions.count)
        #expect(parts.timeline.events == timeline.events)
        #expect(parts.timeline.expressions == timeline.expressions)
    }

    @Test func rolledUpAndEmptyPartsRoundTrip() throws {
        let corpus = TempCorpus()
        SnapshotFixtures.write(into: corpus, articles: 6)
        let built = try Workspace.open(paths: [corpus.root], options: SnapshotFixtures.options())
        var writer = SnapshotWriter()
        var strings = StringTable()
        let rolled = built.actors.rolledUp()
        ActorCoding.encode(rolled, strings: &strings, into: &writer)
        var sw = SnapshotWriter()
        strings.encode(into: &sw)
        let table = try sw.bytes.withUnsafeBytes { b throws(SnapshotProblem) -> [String] in
            var r = SnapshotReader(b)
            return try StringTable.decode(&r)
        }
        let back = try writer.bytes.withUnsafeBytes { b throws(SnapshotProblem) -> ActorAnalysis in
            var r = SnapshotReader(b)
            return try ActorCoding.decode(&r, strings: table, sentences: SentenceCheck(built.documents))
        }
        #expect(back.isRolledUp)
        #expect(StructuralDump.of(back) == StructuralDump.of(rolled))
    }

    @Test func everyEnumCodeReadsBackAsItsCase() throws {
        func check<T: SnapshotCoded>(_: T.Type) throws {
            for (i, c) in T.snapshotCases.enumerated() {
                #expect(Int(c.snapshotCode) == i)
                #expect(try T.fromSnapshot(c.snapshotCode) == c)
            }
            #expect(throws: SnapshotProblem.self) { try T.fromSnapshot(UInt8(T.snapshotCases.count)) }
        }
        try check(Document.Format.self)
        try check(DocumentDate.Origin.self)
        try check(Paragraph.Kind.self)
        try check(BoilerplateReason.self)
        try check(LoadIssue.Severity.self)
        try check(ActorKind.self)
        try check(RelationClass.self)
        try check(TimeGrain.self)
        try check(TimeModifier.self)
        #expect(ActorKind.snapshotCases.count == ActorKind.allCases.count)
        #expect(RelationClass.snapshotCases.count == RelationClass.allCases.count)
        #expect(TimeGrain.snapshotCases.count == TimeGrain.allCases.count)
    }

    /// Hashing a mapped file gives each chunk back once it is hashed: the
    /// releasing hash must be the plain one and hand back every byte exactly once.
    @Test func releasingHashIsThePlainHashAndHandsBackEveryChunk() {
        for count in [0, 5, ContentHash.chunk, 2 * ContentHash.chunk + 3] {
            var bytes = [UInt8](repeating: 0, count: count)
            for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
            let handed = Ranges()
            let (plain, releasing) = bytes.withUnsafeBytes { b in
                let base = Int(bitPattern: b.baseAddress)
                return (
                    ContentHash.parallel(b),
                    ContentHash.parallel(b) { part in
                        let start = Int(bitPattern: part.baseAddress) - base
                        if part.count > 0 { handed.add(start..<(start + part.count)) }
                    }
                )
            }
            #expect(plain == releasing, "\(count) bytes")
            let covered = handed.sorted
            #expect(covered.reduce(0) { $0 + $1.count } == count, "\(count) bytes")
            #expect(zip(covered, covered.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }

    @Test func contentHashDependsOnEveryByteAndNotOnCores() {
        var bytes = [UInt8](repeating: 0, count: 20 << 20)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
        let whole = bytes.withUnsafeBytes { ContentHash.parallel($0) }
        let again = bytes.withUnsafeBytes { ContentHash.parallel($0) }
        #expect(whole == again)
        for position in [0, 31, 32, 8 << 20, bytes.count - 1] {
            var changed = bytes
            changed[position] ^= 1
            #expect(changed.withUnsafeBytes { ContentHash.parallel($0) } != whole, "byte \(position)")
        }
        var seen = Set<UInt64>()
        for n in 0..<80 { seen.insert(bytes.withUnsafeBytes { ContentHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }) }
        #expect(seen.count == 80)
    }
}

/// Ranges handed back from several threads.
private final class Ranges: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [Range<Int>] = []

    func add(_ r: Range<Int>) {
        lock.lock()
        all.append(r)
        lock.unlock()
    }

    var sorted: [Range<Int>] {
        lock.lock()
        defer { lock.unlock() }
        return all.sorted { $0.lowerBound < $1.lowerBound }
    }
}
