import Foundation
import Testing

@testable import PolicyIndex

#if canImport(Glibc)
    import Glibc
#endif

/// A snapshot is never trusted blindly: each change below makes it stale, the
/// workspace is rebuilt (and equals a fresh build), and a fresh snapshot is
/// written that the next start loads.
@Suite struct SnapshotInvalidationTests {
    /// A corpus with a snapshot already written.
    final class Setup: @unchecked Sendable {
        let corpus = TempCorpus()
        let notices = NoticeLog()
        var snapshotPath: String { corpus.path(".polex/index.snapshot") }

        init() throws {
            SnapshotFixtures.write(into: corpus, articles: 8)
            let first = try open()
            #expect(first.snapshot.status == .written)
        }

        func options(_ mode: SnapshotMode = .auto, version: String = "polex test", actorFiles: [String] = [], detectBoilerplate: Bool = true)
            -> WorkspaceOptions
        {
            var o = SnapshotFixtures.options(mode, version: version)
            o.actorFiles = actorFiles
            o.loader.detectBoilerplate = detectBoilerplate
            o.snapshot.minimumBuildSeconds = 0
            let log = notices
            o.snapshot.notice = { log.add($0) }
            return o
        }

        func open(_ options: WorkspaceOptions? = nil) throws -> Workspace {
            try Workspace.open(paths: [corpus.root], options: options ?? self.options(.always))
        }

        /// Opens after a change: the snapshot must be stale for `reason`, the
        /// result equal to a build from scratch, and the next open a load.
        func expectRebuilt(because reason: String, _ options: WorkspaceOptions? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let o = options ?? self.options()
            let ws = try open(o)
            #expect(ws.snapshot.status == .rebuilt, sourceLocation: sourceLocation)
            #expect(ws.snapshot.detail?.contains(reason) == true, "\(ws.snapshot.detail ?? "nil")", sourceLocation: sourceLocation)
            #expect(notices.lines.last == "index snapshot out of date (\(ws.snapshot.detail ?? "")); rebuilding", sourceLocation: sourceLocation)
            var fresh = o
            fresh.snapshot.mode = .never
            WorkspaceComparison.expectEqual(ws, try Workspace.open(paths: [corpus.root], options: fresh), sourceLocation: sourceLocation)
            #expect(try open(o).snapshot.status == .loaded, sourceLocation: sourceLocation)
        }

        func patchSnapshot(_ body: (inout [UInt8]) -> Void) throws {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshotPath)))
            body(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: snapshotPath))
        }

        /// Sets a file's modification time, to the nanosecond.
        func setModified(_ path: String, _ time: timespec) {
            var times = [time, time]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        }

        func modified(_ path: String) -> timespec {
            var s = stat()
            _ = stat(path, &s)
            return s.st_mtim
        }
    }

    final class NoticeLog: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func add(_ s: String) { lock.withLock { stored.append(s) } }
        var lines: [String] { lock.withLock { stored } }
    }

    @Test func anUnchangedCorpusLoads() throws {
        let s = try Setup()
        let ws = try s.open(s.options())
        #expect(ws.snapshot.status == .loaded)
        #expect(s.notices.lines.isEmpty)
    }

    @Test func aFileAdded() throws {
        let s = try Setup()
        s.corpus.write("md/new.md", "---\ntitle: New\n---\n\nSeoul held talks with Tokyo on March 3, 2021.\n")
        try s.expectRebuilt(because: "1 file added")
    }

    @Test func aFileRemoved() throws {
        let s = try Setup()
        try FileManager.default.removeItem(atPath: s.corpus.path("md/article-0.md"))
        try s.expectRebuilt(because: "1 file removed")
    }

    @Test func aFileTouched() throws {
        let s = try Setup()
        let path = s.corpus.path("md/article-0.md")
        var t = s.modified(path)
        t.tv_sec += 5
        s.setModified(path, t)
        try s.expectRebuilt(because: "1 file changed")
    }

    @Test func aFileChangedWithTheSameSizeAndTime() throws {
        let s = try Setup()
        let path = s.corpus.path("md/article-5.md")
        let before = s.modified(path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let i = bytes.lastIndex(of: UInt8(ascii: "S"))!
        bytes[i] = UInt8(ascii: "T")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        s.setModified(path, before)
        try s.expectRebuilt(because: "1 file changed")
    }

    @Test func theRootDictionaryAppears() throws {
        let s = try Setup()
        s.corpus.write(".polex/actors.yaml", "- id: lena-marsh\n  name: Lena Marsh\n  kind: person\n")
        try s.expectRebuilt(because: "actor dictionary changed")
    }

    @Test func anExtraDictionaryChanges() throws {
        let s = try Setup()
        let extra = s.corpus.write("../polex-extra-\(UUID().uuidString).yaml", "- id: ledger\n  name: Coastal Ledger\n  kind: organization\n")
        defer { try? FileManager.default.removeItem(atPath: extra) }
        try s.expectRebuilt(because: "actor dictionary changed", s.options(actorFiles: [extra]))
        try Data("- id: ledger\n  name: Coastal Ledger Group\n  kind: organization\n".utf8).write(to: URL(fileURLWithPath: extra))
        try s.expectRebuilt(because: "actor dictionary changed", s.options(actorFiles: [extra]))
    }

    @Test func loaderOptionsChange() throws {
        let s = try Setup()
        try s.expectRebuilt(because: "made with other options", s.options(detectBoilerplate: false))
    }

    @Test func anotherVersionWroteIt() throws {
        let s = try Setup()
        try s.expectRebuilt(because: "made by polex test", s.options(version: "polex 9.9.9"))
    }

    @Test func theFormatVersionChanged() throws {
        let s = try Setup()
        try s.patchSnapshot { $0[8] &+= 1 }
        try s.expectRebuilt(because: "format")
    }

    @Test func aTruncatedSnapshot() throws {
        let s = try Setup()
        try s.patchSnapshot { $0.removeLast($0.count / 3) }
        try s.expectRebuilt(because: "damaged")
        try s.patchSnapshot { $0.removeLast($0.count - 20) }
        try s.expectRebuilt(because: "damaged: truncated")
        try s.patchSnapshot { $0 = [] }
        try s.expectRebuilt(because: "damaged")
    }

    @Test func aCorruptPayloadOrKey() throws {
        let s = try Setup()
        try s.patchSnapshot { $0[$0.count - 100] ^= 0x40 }
        try s.expectRebuilt(because: "checksum mismatch")
        try s.patchSnapshot { $0[60] ^= 0x01 }
        try s.expectRebuilt(because: "key checksum mismatch")
        try s.patchSnapshot { $0.append(0) }
        try s.expectRebuilt(because: "damaged")
    }

    /// The snapshot is checked beside the corpus's key; which reason is given
    /// does not depend on which finished first: a changed corpus is named
    /// before a damaged payload, as the key comes first in the file.
    @Test func aChangedFileIsNamedBeforeADamagedPayload() throws {
        let s = try Setup()
        try s.patchSnapshot { $0[$0.count - 100] ^= 0x40 }
        s.corpus.write("md/new.md", "---\ntitle: New\n---\n\nSeoul held talks with Tokyo on March 3, 2021.\n")
        try s.expectRebuilt(because: "1 file added")
    }

    /// Past the checksums (which a forger can recompute), every section is
    /// checked on its own: flipping any byte either fails to decode or decodes
    /// to something that does not crash. No flip may trap.
    @Test func damagedSectionsFailCleanly() throws {
        let s = try Setup()
        let ws = try s.open(s.options(.never))
        let payload = WorkspaceCoding.encode(ws)
        var failures = 0
        var position = 0
        while position < payload.count {
            var bad = payload
            bad[position] ^= 0xFF
            do {
                _ = try bad.withUnsafeBytes { try WorkspaceCoding.decode($0) }
            } catch {
                failures += 1
            }
            position += max(1, payload.count / 1500)
        }
        #expect(failures > 0)
        for cut in stride(from: 0, to: payload.count, by: max(1, payload.count / 300)) {
            #expect(throws: SnapshotProblem.self) { try Array(payload[0..<cut]).withUnsafeBytes { try WorkspaceCoding.decode($0) } }
        }
    }

    @Test func anUnwritableFolderOnlyCostsTheSnapshot() throws {
        let corpus = TempCorpus()
        SnapshotFixtures.write(into: corpus, articles: 4)
        // `.polex` taken by a plain file: the folder cannot be made (root ignores permission bits).
        corpus.write(".polex", "not a folder")
        let log = NoticeLog()
        var o = SnapshotFixtures.options(.always)
        o.snapshot.notice = { log.add($0) }
        let ws = try Workspace.open(paths: [corpus.root], options: o)
        #expect(ws.snapshot.status == .none)
        #expect(ws.snapshot.detail?.hasPrefix("not written") == true)
        #expect(log.lines.count == 1)
        #expect(log.lines.first?.hasPrefix("index snapshot not written") == true)
        #expect(try String(contentsOfFile: corpus.path(".polex"), encoding: .utf8) == "not a folder")
        #expect(ws.documents.count > 0)
    }

    @Test func autoWritesOnlyAfterASlowBuild() throws {
        let corpus = TempCorpus()
        SnapshotFixtures.write(into: corpus, articles: 4)
        var o = SnapshotFixtures.options(.auto)
        o.snapshot.minimumBuildSeconds = 1_000
        let ws = try Workspace.open(paths: [corpus.root], options: o)
        #expect(ws.snapshot.status == .none)
        #expect(!FileManager.default.fileExists(atPath: corpus.path(".polex")))
        o.snapshot.minimumBuildSeconds = 0
        #expect(try Workspace.open(paths: [corpus.root], options: o).snapshot.status == .written)
        #expect(try Workspace.open(paths: [corpus.root], options: o).snapshot.status == .loaded)
    }

    @Test func neverLeavesTheFolderAlone() throws {
        let s = try Setup()
        let before = try Data(contentsOf: URL(fileURLWithPath: s.snapshotPath))
        s.corpus.write("md/another.md", "---\ntitle: Another\n---\n\nText.\n")
        let ws = try s.open(s.options(.never))
        #expect(ws.snapshot.status == .none)
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.snapshotPath)) == before)
        // Nothing under `.polex` is read as an article, snapshot or not.
        #expect(!ws.documents.contains { $0.path.hasPrefix(".polex") })
        #expect(!ws.issues.contains { $0.path.contains(".polex/index") })
    }

    @Test func onlyASingleFolderHasASnapshot() throws {
        let corpus = TempCorpus()
        SnapshotFixtures.write(into: corpus, articles: 4)
        let o = SnapshotFixtures.options(.always)
        let file = try Workspace.open(paths: [corpus.path("md/article-0.md")], options: o)
        let two = try Workspace.open(paths: [corpus.path("md"), corpus.path("txt")], options: o)
        #expect(file.snapshot.status == .none && two.snapshot.status == .none)
        #expect(!FileManager.default.fileExists(atPath: corpus.path("md/.polex")))
    }
}
