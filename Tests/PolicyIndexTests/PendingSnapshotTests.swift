import Foundation
import Testing

@testable import PolicyIndex

#if canImport(Glibc)
    import Glibc
#endif

/// `SnapshotPolicy.writeLater`: `open` returns without writing, the caller writes
/// when it likes, and an abandoned write leaves no file behind.
@Suite struct PendingSnapshotTests {
    let corpus = TempCorpus()
    var snapshotPath: String { corpus.path(".polex/index.snapshot") }

    init() { SnapshotFixtures.write(into: corpus, articles: 8) }

    func options(later: Bool) -> WorkspaceOptions {
        var o = SnapshotFixtures.options(.always)
        o.snapshot.writeLater = later
        return o
    }

    func folderEntries() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: corpus.path(".polex")))?.sorted() ?? []
    }

    @Test func openLeavesTheWriteToTheCallerAndTheNextStartLoadsIt() throws {
        let ws = try Workspace.open(paths: [corpus.root], options: options(later: true))
        #expect(ws.snapshot.status == .pending)
        #expect(!FileManager.default.fileExists(atPath: snapshotPath))
        let pending = try #require(ws.pendingSnapshot)
        #expect(pending.finished == nil)
        let outcome = pending.write(ws)
        #expect(outcome.status == .written)
        #expect(pending.finished == outcome)
        #expect(folderEntries() == ["index.snapshot"])
        let again = try Workspace.open(paths: [corpus.root], options: options(later: true))
        #expect(again.snapshot.status == .loaded)
        #expect(again.pendingSnapshot == nil)
        WorkspaceComparison.expectEqual(again, ws)
    }

    @Test func withoutWriteLaterOpenWritesItselfAndLeavesNothingPending() throws {
        let ws = try Workspace.open(paths: [corpus.root], options: options(later: false))
        #expect(ws.snapshot.status == .written)
        #expect(ws.pendingSnapshot == nil)
        #expect(folderEntries() == ["index.snapshot"])
    }

    @Test func anAbandonedWriteLeavesNoFile() throws {
        let ws = try Workspace.open(paths: [corpus.root], options: options(later: true))
        let pending = try #require(ws.pendingSnapshot)
        pending.abandon()
        let outcome = pending.write(ws)
        #expect(outcome.status == .none)
        #expect(outcome.detail?.contains("abandoned") == true)
        #expect(folderEntries().isEmpty)
        #expect(try Workspace.open(paths: [corpus.root], options: options(later: true)).snapshot.status == .pending)
    }

    /// The explorer abandons from its main thread while the loading thread writes:
    /// whichever comes first, the folder then holds a whole snapshot or nothing.
    @Test func abandoningFromAnotherThreadLeavesAWholeSnapshotOrNothing() throws {
        for delay in [0, 200, 2_000, 20_000] {
            try? FileManager.default.removeItem(atPath: corpus.path(".polex"))
            let ws = try Workspace.open(paths: [corpus.root], options: options(later: true))
            let pending = try #require(ws.pendingSnapshot)
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                pending.write(ws)
                done.signal()
            }
            usleep(useconds_t(delay))
            pending.abandon()
            done.wait()
            let outcome = try #require(pending.finished)
            if outcome.status == .written {
                #expect(folderEntries() == ["index.snapshot"])
                #expect(try Workspace.open(paths: [corpus.root], options: options(later: true)).snapshot.status == .loaded)
            } else {
                #expect(outcome.status == .none)
                #expect(folderEntries().isEmpty, "\(folderEntries())")
            }
        }
    }

    /// A write stopped between chunks removes its own temporary file; the old
    /// snapshot stays as it was.
    @Test func aWriteStoppedHalfwayKeepsTheOldSnapshot() throws {
        let ws = try Workspace.open(paths: [corpus.root], options: options(later: false))
        let before = try Data(contentsOf: URL(fileURLWithPath: snapshotPath))
        let key = try SnapshotKey.current(paths: [corpus.root], options: options(later: false))
        let payload = [UInt8](repeating: 7, count: 20 << 20)
        let asked = Counter()
        #expect(throws: SnapshotWriteError.self) {
            try SnapshotFile.write(key: key, parts: [{ w in payload.withUnsafeBytes { w.appendBytes($0) } }], to: snapshotPath) {
                asked.next() < 3  // yes before the files are made and after the first chunk, then no
            }
        }
        #expect(asked.value == 3)
        #expect(folderEntries() == ["index.snapshot"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: snapshotPath)) == before)
        _ = ws
    }

    /// A polex killed during a write leaves `index.snapshot.tmp-PID` and its
    /// parts' `index.snapshot.tmp-PID.N`; the next write removes them when that
    /// process is gone, and leaves a live one's and unrelated names alone.
    @Test func orphanedTemporaryFilesAreRemovedByTheNextWrite() throws {
        _ = try Workspace.open(paths: [corpus.root], options: options(later: false))
        let dead = deadProcessID()
        let orphans = [snapshotPath + ".tmp-\(dead)", snapshotPath + ".tmp-\(dead).1"]
        // pid 1 always runs; the last name only looks like a temporary file.
        let kept = [snapshotPath + ".tmp-1", snapshotPath + ".tmp-1.1", snapshotPath + ".tmp-\(dead)x"]
        for p in orphans + kept { FileManager.default.createFile(atPath: p, contents: Data([1, 2, 3])) }
        try FileManager.default.removeItem(atPath: snapshotPath)
        let ws = try Workspace.open(paths: [corpus.root], options: options(later: false))
        #expect(ws.snapshot.status == .written)
        for p in orphans { #expect(!FileManager.default.fileExists(atPath: p), "\(p)") }
        for p in kept { #expect(FileManager.default.fileExists(atPath: p), "\(p)") }
    }

    /// The id of a process that has exited: a child that ran `true` and was reaped.
    func deadProcessID() -> Int32 {
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { for a in argv { free(a) } }
        guard posix_spawn(&pid, "/bin/true", nil, nil, &argv, environ) == 0 else { return Int32.max }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }
}

/// A count that writers on several threads can step.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0

    /// Steps the count and returns the new value.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        n += 1
        return n
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return n
    }
}
