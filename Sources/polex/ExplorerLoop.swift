import Explorer
import Foundation
import PolicyIndex
import Terminal
import TextUI

/// Runs the explorer on the terminal: a "loading…" frame at once, the
/// workspace built on another thread, then event → update → effects → view →
/// draw until quit or a signal. The terminal is restored on every way out.
struct ExplorerLoop {
    var corpus: CorpusOptions
    var sessions: SessionStore?

    func run(options: TerminalScreen.Options) -> Int32 {
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(options: options)
        } catch {
            Stderr.print("polex: \(error)")
            return 1
        }
        defer { screen.close() }
        var state = AppState(size: screen.size)
        state.loading = true
        state.theme = Theme.forDepth(screen.colorDepth)
        let (keymap, keyProblems) = KeyConfig.load()
        state.keymap = keymap
        screen.draw(App.view(state, model: nil))

        let loader = BackgroundLoad(corpus: corpus)
        loader.start()
        let saved = sessions?.load()
        // Preview models may come first (the articles alone, then with the text
        // index); `model` is replaced by each one further along, keeping the user's place.
        var model: ExplorerModel?
        var building: Bool { model?.workspace.isPreview ?? true }
        func present(_ m: ExplorerModel) {
            let theme = state.theme
            state = App.initialState(size: screen.size, model: m)
            state.theme = theme
            state.keymap = keymap
            saved?.apply(to: &state, m)
        }
        func save(_ session: Session) {
            guard let model else { return }
            sessions?.save(model.workspace.isPreview ? session.keepingIndexedParts(of: saved) : session)
        }
        while true {
            if let sig = screen.pendingSignal {
                if let model { save(Session(state, model)) }
                loader.abandonSnapshot()
                return TerminalScreen.exitStatus(forSignal: sig)
            }
            var changed = false
            if building, let p = loader.progress, p != state.loadProgress {
                state.loadProgress = p
                changed = true
            }
            if building, let preview = loader.preview, preview !== model {
                if model == nil {
                    let progress = state.loadProgress
                    present(preview)
                    state.loadProgress = progress
                    state.message = readNote(preview)
                } else {
                    let shown = state.message
                    App.adopt(&state, preview)
                    if shown == nil || shown == model.map(readNote) { state.message = readNote(preview) }
                }
                model = preview
                changed = true
            }
            if building, let result = loader.result {
                switch result {
                case .success(let m):
                    if model == nil {
                        present(m)
                    } else {
                        App.adopt(&state, m)
                        saved?.applyIndexed(to: &state, m)
                    }
                    model = m
                    state.message = startMessage(m, notices: screen.notices + keyProblems)
                case .failure(let error):
                    screen.close()
                    Stderr.print("polex: \(error)")
                    return 1
                }
                changed = true
            }
            if changed { screen.draw(App.view(state, model: model)) }
            guard let event = screen.nextEvent(timeout: building ? .milliseconds(30) : .milliseconds(250)) else { continue }
            // Keys typed ahead of a slow frame are all applied before the next one is drawn.
            for event in [event] + screen.pendingEvents() {
                let effects = App.update(&state, event: event, model: model)
                for effect in effects {
                    switch effect {
                    case .quit: return finishSnapshot(loader, screen: screen, state: &state, model: model)
                    case .repaint: screen.invalidate()
                    case .saveSession(let s): save(s)
                    }
                }
            }
            screen.draw(App.view(state, model: model))
        }
    }

    /// On quit while the index snapshot is still being written, says so and waits
    /// for it, since the next start would otherwise build everything again; any
    /// key or signal quits at once and drops the half-written file.
    func finishSnapshot(_ loader: BackgroundLoad, screen: TerminalScreen, state: inout AppState, model: ExplorerModel?) -> Int32 {
        guard loader.isSavingSnapshot else { return 0 }
        let note = "Saving the index so the next start is fast … any key quits now"
        state.message = note
        screen.draw(App.view(state, model: model))
        while loader.isSavingSnapshot {
            if let sig = screen.pendingSignal {
                loader.abandonSnapshot()
                return TerminalScreen.exitStatus(forSignal: sig)
            }
            switch screen.nextEvent(timeout: .milliseconds(100)) {
            case nil: continue
            case .resize(let size)?:
                // A resize is not a key: redraw the note at the new size and keep waiting.
                _ = App.update(&state, event: .resize(size), model: model)
                state.message = note
                screen.draw(App.view(state, model: model))
            case .key?, .mouse?:
                loader.abandonSnapshot()
                return 0
            }
        }
        return 0
    }

    /// The note while a preview is shown: what is there and what is to come.
    func readNote(_ m: ExplorerModel) -> String {
        m.workspace.unbuilt.contains(.textIndex)
            ? "\(m.documentCount) articles read · actors, timeline and search follow when indexed"
            : "\(m.documentCount) articles read · search is ready; actors and the timeline follow"
    }

    func startMessage(_ m: ExplorerModel, notices: [String]) -> String {
        if let n = notices.first { return n }
        let skipped = m.workspace.issues.count
        let base = "\(m.documentCount) articles, \(m.workspace.actors.actors.count) actors, \(m.events.count) events"
        return skipped > 0 ? base + " · \(skipped) files skipped (listed on exit)" : base + " · ? shows the keys"
    }
}

/// Builds the workspace and its explorer model on a background thread.
final class BackgroundLoad: @unchecked Sendable {
    private let corpus: CorpusOptions
    private let lock = NSLock()
    private var value: Result<ExplorerModel, Error>?
    private var early: ExplorerModel?
    private var latest: LoadProgress?

    init(corpus: CorpusOptions) { self.corpus = corpus }

    /// Builds the model, hands it over, then writes the index snapshot if one is
    /// due: the panes appear without waiting for it (seconds at 50,000 articles).
    /// A build first hands over preview models: the articles alone, then with the text index.
    func start() {
        let thread = Thread { [self] in
            let r = Result {
                let ws = try corpus.openWorkspace(
                    writeSnapshotLater: true, keptUntilExit: false,
                    preview: { [self] ws in
                        // Built here, before the indexing starts: a sort of the
                        // documents by date, milliseconds even at 50,000 articles.
                        let m = ExplorerModel(workspace: ws)
                        lock.lock()
                        early = m
                        lock.unlock()
                    }
                ) { [self] p in report(p) }
                report(LoadProgress(stage: .presenting, done: 0, total: ws.documents.count))
                return ExplorerModel(workspace: ws)
            }
            lock.lock()
            value = r
            lock.unlock()
            if case .success(let model) = r, let pending = model.workspace.pendingSnapshot {
                pending.write(model.workspace)
            }
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func report(_ p: LoadProgress) {
        lock.lock()
        // Reading threads report out of order: keep the furthest count of the latest stage.
        if latest == nil || latest!.stage != p.stage || latest!.done < p.done { latest = p }
        lock.unlock()
    }

    /// The latest progress report, nil before the first.
    var progress: LoadProgress? {
        lock.lock()
        defer { lock.unlock() }
        return latest
    }

    /// The latest preview model of a build: the articles once the files are
    /// read, then with the text index (nil when the workspace came from a
    /// snapshot, or before then).
    var preview: ExplorerModel? {
        lock.lock()
        defer { lock.unlock() }
        return early
    }

    var result: Result<ExplorerModel, Error>? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    private var pendingSnapshot: PendingSnapshot? {
        guard case .success(let model) = result else { return nil }
        return model.workspace.pendingSnapshot
    }

    /// True while an index snapshot is due or being written.
    var isSavingSnapshot: Bool {
        guard let p = pendingSnapshot else { return false }
        return p.finished == nil
    }

    /// Stops the snapshot write, if one is under way, leaving no partial file; says so on stderr.
    func abandonSnapshot() {
        guard let p = pendingSnapshot, p.finished == nil else { return }
        p.abandon()
        Stderr.print("polex: index snapshot not saved (quit while it was being written); the next start builds the index again")
    }
}

/// User key overrides from `$XDG_CONFIG_HOME/polex/keys.conf` (or `~/.config`).
enum KeyConfig {
    static func load() -> (Keymap, [String]) {
        var map = Keymap.standard
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        guard let text = try? String(contentsOfFile: base + "/polex/keys.conf", encoding: .utf8) else { return (map, []) }
        let problems = map.apply(overrides: text)
        return (map, problems.isEmpty ? [] : ["keys.conf: could not use \(problems.count) line(s), e.g. \(problems[0])"])
    }
}
