import Foundation

/// Everything polex knows about a corpus, built once in memory: the documents,
/// the text index, actors with their relations and quotes, and the timeline.
///
/// A `Workspace` is immutable after `open`; the explorer and every subcommand
/// read from the same value.
public final class Workspace: Sendable {
    public let documents: [Document]
    public let issues: [LoadIssue]
    public let textIndex: TextIndex
    public let actors: ActorAnalysis
    public let timeline: Timeline
    /// Seconds spent in each stage, for `polex stats` and the benchmarks.
    public let timings: StageTimings
    /// The roots that were opened, as given.
    public let roots: [String]
    /// Whether the workspace came from an index snapshot, or one was written.
    public let snapshot: SnapshotOutcome
    /// The snapshot write left to the caller (`SnapshotPolicy.writeLater`), if one is due.
    public let pendingSnapshot: PendingSnapshot?
    /// Each actor's documents, for the `actor:` filter (derived from `actors`).
    /// Built on another core once `startBackgroundWork()` is called (the
    /// explorer does, 0.35 s at 50,000 articles): opening and the first frames
    /// do not wait for it; an `actor:` query asked before it is done does. A
    /// command that never filters (`polex stats`) never builds it.
    let actorFilter: Deferred<ActorFilterIndex>
    var actorFilterIndex: ActorFilterIndex { actorFilter.value }
    /// What a workspace handed to `WorkspaceOptions.preview` during a build does
    /// not hold yet (left empty); nothing for a finished workspace.
    public let unbuilt: Parts
    /// True for a preview: some parts are still being built.
    public var isPreview: Bool { !unbuilt.isEmpty }

    /// The parts of a workspace that a build finishes one after another.
    public struct Parts: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let textIndex = Parts(rawValue: 1)
        public static let actors = Parts(rawValue: 2)
        public static let timeline = Parts(rawValue: 4)
    }

    public init(
        roots: [String], documents: [Document], issues: [LoadIssue], textIndex: TextIndex, actors: ActorAnalysis,
        timeline: Timeline, timings: StageTimings, snapshot: SnapshotOutcome = SnapshotOutcome(status: .none),
        pendingSnapshot: PendingSnapshot? = nil, unbuilt: Parts = []
    ) {
        self.unbuilt = unbuilt
        self.roots = roots
        self.documents = documents
        self.issues = issues
        self.textIndex = textIndex
        self.actors = actors
        self.timeline = timeline
        self.timings = timings
        self.snapshot = snapshot
        self.pendingSnapshot = pendingSnapshot
        self.actorFilter = Deferred(startingNow: false) { ActorFilterIndex(actors, documents: documents) }
    }

    /// Starts building, on another core, the tables that interactive use asks
    /// for soon (the `actor:` lists). Calling it again does nothing.
    public func startBackgroundWork() { actorFilter.start() }

    /// Waits for what is built on other cores after opening (the `actor:`
    /// lists), building it now if nobody started it. Benchmarks call it so that
    /// they time the queries, not the queries beside that work.
    public func settle() { _ = actorFilter.value }

    public func document(_ id: DocumentID) -> Document { documents[id.index] }
    public func sentence(_ id: SentenceID) -> Sentence? { documents[id.document.index].sentence(id) }
    /// A timeline entry's one-line label, cut from its document.
    public func label(of entry: TimelineEntry) -> String { entry.label(in: document(entry.document)) }
    public func text(of id: SentenceID) -> Substring {
        guard let s = sentence(id) else { return "" }
        return documents[id.document.index].text(s.span)
    }

    /// Loads and indexes the given files and folders, or reads them from a
    /// valid index snapshot when `options.snapshot` allows (see `Workspace+Snapshot`).
    public static func open(
        paths: [String], options: WorkspaceOptions = WorkspaceOptions(), progress: LoadProgressHandler? = nil
    ) throws -> Workspace {
        guard options.snapshot.mode != .never, let store = SnapshotStore(paths: paths) else {
            return try build(paths: paths, options: options, progress: progress)
        }
        return try open(paths: paths, options: options, store: store, progress: progress)
    }

    /// Loads and indexes the given files and folders from scratch.
    static func build(
        paths: [String], options: WorkspaceOptions, progress: LoadProgressHandler?
    ) throws -> Workspace {
        var timings = StageTimings()
        let clock = ContinuousClock()
        // The actor dictionaries do not depend on the corpus: read them while it loads.
        nonisolated(unsafe) var dictionary: (dictionary: ActorDictionary, cues: RelationCues, issues: [LoadIssue])?
        nonisolated(unsafe) var loadResult: Result<LoadResult, LoadError>?
        nonisolated(unsafe) var dictionarySeconds = 0.0
        let loadStart = clock.now
        SideBySide.run([
            {
                loadResult = Result { () throws(LoadError) in
                    try CorpusLoader(options: options.loader).load(paths: paths, progress: progress)
                }
            },
            {
                let start = clock.now
                let dict = ActorDictionary.load(
                    bundled: options.dataDirectory.map { $0 + "/actors.yaml" }, files: options.actorFiles, corpusRoots: paths)
                let cues = RelationCues.load(path: options.dataDirectory.map { $0 + "/relations.yaml" })
                dictionary = (dict.dictionary, cues.cues, dict.issues + cues.issues)
                dictionarySeconds = (clock.now - start).seconds
            },
        ])
        timings.record("load", (clock.now - loadStart).seconds)
        let loaded = try loadResult!.get()
        progress?(LoadProgress(stage: .analysing, done: 0, total: loaded.documents.count))
        // Documents whose metadata gave no date may still state one in a dateline or `Published` line.
        let docs = DocumentDater.filled(loaded.documents)
        let issues = loaded.issues + dictionary!.issues
        options.preview?(preview(roots: paths, documents: docs, issues: issues))
        // The text index, the actor analysis and the timeline's tagging are independent:
        // build them side by side on all cores (each is parallel inside too). Only the
        // timeline's last step, giving each entry its sentence's actors, waits for the actors.
        nonisolated(unsafe) var textIndex: TextIndex?
        nonisolated(unsafe) var analysis: ActorAnalysis?
        nonisolated(unsafe) var tagging: Timeline.Tagging?
        nonisolated(unsafe) var indexSeconds = 0.0
        nonisolated(unsafe) var actorSeconds = dictionarySeconds
        nonisolated(unsafe) var taggingSeconds = 0.0
        let dict = dictionary!
        // All three start at once and share the cores; each is parallel inside.
        SideBySide.run([
            {
                let start = clock.now
                let index = TextIndex(documents: docs)
                textIndex = index
                indexSeconds = (clock.now - start).seconds
                // The index is done long before the actors: search can start.
                options.preview?(preview(roots: paths, documents: docs, issues: issues, textIndex: index))
            },
            {
                let start = clock.now
                analysis = ActorAnalyzer(dictionary: dict.dictionary, options: options.actors, cues: dict.cues).analyze(docs)
                actorSeconds += (clock.now - start).seconds
            },
            {
                let start = clock.now
                tagging = Timeline.tag(docs)
                taggingSeconds = (clock.now - start).seconds
            },
        ])
        let dictionaryIssues = dict.issues
        timings.record("index", indexSeconds)
        timings.record("actors", actorSeconds)
        progress?(LoadProgress(stage: .timeline, done: 0, total: docs.count))
        let linkStart = clock.now
        let timeline = Timeline(tagged: tagging.take()!, documents: docs, actors: analysis!)
        timings.record("timeline", taggingSeconds + (clock.now - linkStart).seconds)
        return Workspace(
            roots: paths, documents: docs, issues: loaded.issues + dictionaryIssues, textIndex: textIndex!,
            actors: analysis!, timeline: timeline, timings: timings)
    }
}

public struct WorkspaceOptions: Sendable {
    /// The folder holding the bundled `actors.yaml` and `relations.yaml`.
    public var dataDirectory: String?
    public var loader: LoaderOptions
    /// Extra actor dictionaries (`--actors FILE`), read after the bundled one.
    public var actorFiles: [String]
    public var actors: ActorOptions
    /// Whether to read and write `<folder>/.polex/index.snapshot` (off unless asked for).
    public var snapshot: SnapshotPolicy
    /// Called twice while a workspace is built or read from a snapshot, each
    /// time with a workspace that is a preview (`Workspace.isPreview`): first as
    /// soon as the files are read (or the snapshot's documents decoded), with the
    /// documents alone, then when the text index is built (or decoded), with the
    /// documents and the index; the actors and the timeline take longest (most
    /// of the time at 50,000 articles). A front end shows what it can meanwhile.
    /// The work waits for the call: keep it short. The second call comes from
    /// another thread than the first, always after it. A snapshot found damaged
    /// while decoding is rebuilt, which calls it twice more with the same documents.
    public var preview: (@Sendable (Workspace) -> Void)?
    public init(
        dataDirectory: String? = nil, loader: LoaderOptions = LoaderOptions(), actorFiles: [String] = [],
        actors: ActorOptions = ActorOptions(), snapshot: SnapshotPolicy = SnapshotPolicy(),
        preview: (@Sendable (Workspace) -> Void)? = nil
    ) {
        self.preview = preview
        self.dataDirectory = dataDirectory
        self.loader = loader
        self.actorFiles = actorFiles
        self.actors = actors
        self.snapshot = snapshot
    }
}

/// Wall-clock seconds per stage, in the order they ran.
public struct StageTimings: Sendable, Codable {
    public private(set) var stages: [Stage] = []
    public struct Stage: Sendable, Codable {
        public var name: String
        public var seconds: Double
    }
    public init() {}
    public mutating func record(_ name: String, _ seconds: Double) { stages.append(Stage(name: name, seconds: seconds)) }
    public mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        record(name, (clock.now - start).seconds)
        return value
    }
    public subscript(name: String) -> Double? { stages.first { $0.name == name }?.seconds }
    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }
}

extension Duration {
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
