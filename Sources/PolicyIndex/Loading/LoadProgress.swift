import Synchronization

/// How far `Workspace.open` has come, for a progress display while a large
/// corpus loads (the explorer draws it on its first frames).
public struct LoadProgress: Sendable, Hashable {
    public enum Stage: String, Sendable, CaseIterable {
        /// Reading, decoding, cleaning and splitting files; `done`/`total` count files.
        case reading
        /// The text index and the actor analysis, side by side; `total` counts documents.
        case analysing
        /// Dating sentences and building the timeline; `total` counts documents.
        case timeline
        /// Writing the index snapshot after a build (`<folder>/.polex/`); at
        /// 50,000 articles this takes seconds. `total` counts documents.
        case saving
        /// After the workspace: a front end building its own views of it (the
        /// explorer's sorted lists). `Workspace.open` never reports it.
        case presenting

        /// What the stage is doing, in a few words.
        public var label: String {
            switch self {
            case .reading: return "Reading files"
            case .analysing: return "Indexing text and actors"
            case .timeline: return "Building the timeline"
            case .saving: return "Saving the index snapshot"
            case .presenting: return "Preparing the panes"
            }
        }
    }

    public var stage: Stage
    public var done: Int
    public var total: Int

    public init(stage: Stage, done: Int, total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }

    /// The share of the stage that is done (0…1); 0 when the total is unknown.
    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }
}

/// A progress report callback. It may be called from any thread.
public typealias LoadProgressHandler = @Sendable (LoadProgress) -> Void

/// Counts finished units of parallel work and reports them, so workers on
/// several threads can report into one handler without a report per file
/// (which would cost more than the work at 50,000 small files).
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let stage: LoadProgress.Stage
    private let total: Int
    private let handler: LoadProgressHandler?

    init(stage: LoadProgress.Stage, total: Int, handler: LoadProgressHandler?) {
        self.stage = stage
        self.total = total
        self.handler = handler
        handler?(LoadProgress(stage: stage, done: 0, total: total))
    }

    func add(_ n: Int) {
        guard let handler else { return }
        let now = done.add(n, ordering: .relaxed).newValue
        handler(LoadProgress(stage: stage, done: now, total: total))
    }
}
