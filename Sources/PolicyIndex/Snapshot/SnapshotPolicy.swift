/// When `Workspace.open` reads and writes an index snapshot.
public enum SnapshotMode: String, Sendable, CaseIterable {
    /// Read a valid snapshot; write one when the build took at least
    /// `SnapshotPolicy.minimumBuildSeconds` (so small corpora stay untouched).
    case auto
    /// Read a valid snapshot; always write one after a build.
    case always
    /// Neither read nor write.
    case never
}

public struct SnapshotPolicy: Sendable {
    public var mode: SnapshotMode
    /// Part of the snapshot key: a snapshot from another version is rebuilt.
    public var programVersion: String
    public var minimumBuildSeconds: Double
    /// Leave the write of a due snapshot to the caller (`Workspace.pendingSnapshot`)
    /// instead of making `open` wait for it: the explorer shows its panes first.
    public var writeLater: Bool
    /// Called with one line (no `polex:` prefix) when a snapshot is stale or cannot
    /// be written, as it happens, so the user knows why a start is slow.
    public var notice: (@Sendable (String) -> Void)?

    public init(
        mode: SnapshotMode = .never, programVersion: String = "polex", minimumBuildSeconds: Double = 1.0,
        writeLater: Bool = false, notice: (@Sendable (String) -> Void)? = nil
    ) {
        self.mode = mode
        self.writeLater = writeLater
        self.programVersion = programVersion
        self.minimumBuildSeconds = minimumBuildSeconds
        self.notice = notice
    }
}

/// What happened to the snapshot when a workspace was opened.
public struct SnapshotOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The workspace came from a valid snapshot.
        case loaded
        /// There was no snapshot; one was written after the build.
        case written
        /// A snapshot was out of date or damaged; it was rebuilt and replaced.
        case rebuilt
        /// A snapshot is due and left to `Workspace.pendingSnapshot` to write.
        case pending
        /// No snapshot was read or written.
        case none
    }
    public var status: Status
    /// Why a snapshot was not used or not written, in a few words (nil when all went well).
    public var detail: String?
    /// The snapshot file, when the corpus has a place for one.
    public var path: String?

    public init(status: Status, detail: String? = nil, path: String? = nil) {
        self.status = status
        self.detail = detail
        self.path = path
    }
}
