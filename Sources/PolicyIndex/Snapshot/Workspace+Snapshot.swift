import Dispatch

extension Workspace {
    /// Opens a single folder through its snapshot: loads it when it is valid
    /// for the corpus as it is now; otherwise builds, says why on
    /// `notice`, and writes a fresh one (in `auto` mode only when the build was
    /// slow or a snapshot was already there). A snapshot that cannot be written
    /// costs one notice, never the workspace. With `policy.writeLater` the write is
    /// left to the caller as `Workspace.pendingSnapshot`.
    static func open(
        paths: [String], options: WorkspaceOptions, store: SnapshotStore, progress: LoadProgressHandler?
    ) throws -> Workspace {
        let policy = options.snapshot
        let clock = ContinuousClock()
        let start = clock.now
        // The key is taken before any build, so a file edited during the build
        // leaves a snapshot that the next start finds out of date. Walking and
        // hashing the corpus for it takes a while, so the snapshot is checked
        // and decoded beside it on the guess that it is still valid; the
        // verdict, as soon as both key and check are in, stops a stale decode
        // and lets the documents' preview through only when the key matched.
        let verdict = KeyVerdict(passing: options.preview)
        nonisolated(unsafe) var current: Result<SnapshotKey, LoadError>?
        nonisolated(unsafe) var checked: SnapshotStore.Checked?
        nonisolated(unsafe) var decoded: SnapshotStore.Decoded?
        let checkedIn = DispatchSemaphore(value: 0)
        SideBySide.run([
            {
                current = Result { () throws(LoadError) in try SnapshotKey.current(paths: paths, options: options) }
                checkedIn.wait()
                verdict.settle(valid: (try? current!.get()).map { store.refusal(checked!, for: $0) == nil } ?? false)
            },
            {
                checked = store.check()
                checkedIn.signal()
                var early: (@Sendable ([Document], [LoadIssue], TextIndex?) -> Void)?
                if options.preview != nil {
                    early = { documents, issues, index in
                        verdict.offer(Workspace.preview(roots: paths, documents: documents, issues: issues, textIndex: index))
                    }
                }
                decoded = store.decode(
                    checked!, ifMadeFor: SnapshotKey.Origin(paths: paths, options: options), stop: { verdict.isStale },
                    early: early)
            },
        ])
        let key = try current!.get()
        let reading = store.read(checked!, matching: key, decoded: decoded)
        // A stale decode is let go before any build, which needs the memory.
        decoded = nil
        var timings = StageTimings()
        if case .loaded(let parts) = reading {
            timings.record("snapshot", (clock.now - start).seconds)
            return Workspace(
                roots: paths, documents: parts.documents, issues: parts.issues, textIndex: parts.textIndex, actors: parts.actors,
                timeline: parts.timeline, timings: timings, snapshot: SnapshotOutcome(status: .loaded, path: store.path))
        }
        var stale: String?
        if case .stale(let why) = reading {
            stale = why
            policy.notice?("index snapshot out of date (\(why)); rebuilding")
        }
        let checkSeconds = (clock.now - start).seconds
        let built = try build(paths: paths, options: options, progress: progress)
        for stage in built.timings.stages { timings.record(stage.name, stage.seconds) }
        var outcome = SnapshotOutcome(status: .none, detail: stale, path: store.path)
        let worthWriting = policy.mode == .always || stale != nil || built.timings.total >= policy.minimumBuildSeconds
        let writeStart = clock.now
        var pending: PendingSnapshot?
        if worthWriting && policy.writeLater {
            pending = PendingSnapshot(store: store, key: key, stale: stale, notice: policy.notice)
            outcome.status = .pending
        } else if worthWriting {
            progress?(LoadProgress(stage: .saving, done: 0, total: built.documents.count))
            do {
                try store.write(built, key: key)
                outcome.status = stale == nil ? .written : .rebuilt
            } catch {
                outcome.detail = "not written: \(error)"
                policy.notice?("index snapshot not written (\(error))")
            }
        } else if stale == nil {
            outcome.detail = "build took under \(policy.minimumBuildSeconds) s"
        }
        timings.record("snapshot", checkSeconds + (clock.now - writeStart).seconds)
        return Workspace(
            roots: built.roots, documents: built.documents, issues: built.issues, textIndex: built.textIndex, actors: built.actors,
            timeline: built.timeline, timings: timings, snapshot: outcome, pendingSnapshot: pending)
    }
}
