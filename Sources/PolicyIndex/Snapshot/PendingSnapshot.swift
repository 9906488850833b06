import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A snapshot write that `Workspace.open` left to its caller (`SnapshotPolicy.writeLater`),
/// so the explorer can show its panes first and save the index while the user reads.
///
/// `write` runs once, on any thread. `abandon` may be called from another thread at
/// any time: it removes the half-written files at once, so a quit in the middle of a
/// write leaves nothing behind but the previous snapshot, if there was one.
public final class PendingSnapshot: @unchecked Sendable {
    private let store: SnapshotStore
    private let key: SnapshotKey
    /// Why the old snapshot could not be used, when there was one.
    private let stale: String?
    private let notice: (@Sendable (String) -> Void)?
    private let lock = NSLock()
    private var abandoned = false
    private var outcome: SnapshotOutcome?

    init(store: SnapshotStore, key: SnapshotKey, stale: String?, notice: (@Sendable (String) -> Void)?) {
        self.store = store
        self.key = key
        self.stale = stale
        self.notice = notice
    }

    /// Encodes `workspace` and writes it. Returns what became of the snapshot.
    @discardableResult
    public func write(_ workspace: Workspace) -> SnapshotOutcome {
        var result = SnapshotOutcome(status: stale == nil ? .written : .rebuilt, detail: stale, path: store.path)
        do {
            try store.write(workspace, key: key) { [self] in !isAbandoned }
        } catch {
            result = SnapshotOutcome(status: .none, detail: "not written: \(error)", path: store.path)
            if !isAbandoned { notice?("index snapshot not written (\(error))") }
        }
        lock.lock()
        outcome = result
        lock.unlock()
        return result
    }

    /// Stops a write in progress (or one not yet begun) and removes its temporary file.
    public func abandon() {
        lock.lock()
        abandoned = true
        lock.unlock()
        SnapshotFile.removeTemporaries(of: store.path)
    }

    /// What the write did, nil while it has not finished.
    public var finished: SnapshotOutcome? {
        lock.lock()
        defer { lock.unlock() }
        return outcome
    }

    private var isAbandoned: Bool {
        lock.lock()
        defer { lock.unlock() }
        return abandoned
    }
}
