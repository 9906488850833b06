import PolicyIndex
import TextUI

/// The explorer's pure core: `update` changes the state for an event or a
/// command and returns effects for the executable; `view` draws a frame.
public enum App {
    /// The first state for a loaded workspace: the newest article in the reader.
    public static func initialState(size: Size, model: ExplorerModel) -> AppState {
        var s = AppState(size: size)
        refresh(&s, model)
        s.reader = ReaderState(document: s.selectedDocument)
        return s
    }

    /// Handles one input event. Keys go through pending input and overlays
    /// first, then the key table.
    public static func update(_ s: inout AppState, event: InputEvent, model: ExplorerModel?) -> [Effect] {
        let keymap = s.keymap
        switch event {
        case .resize(let size):
            s.size = size
            if let model { clampAll(&s, model) }
            return []
        case .mouse(let m):
            guard let model, !s.loading else { return [] }
            return mouse(&s, m, model)
        case .key(let key):
            if key == .ctrl("c") { return update(&s, command: .quitNow, model: model) }
            s.message = nil
            guard let model, !s.loading else {
                if let c = keymap.command(for: key, in: .global), c == .quit || c == .quitNow { return [.quit] }
                return []
            }
            if let effects = typing(&s, key, model) { return effects }
            let context = keyContext(s)
            guard let command = keymap.command(for: key, in: context) else {
                s.message = "\(key) is not bound here; ? shows the keys"
                return []
            }
            return update(&s, command: command, model: model)
        }
    }

    static func keyContext(_ s: AppState) -> KeyContext {
        switch s.overlay {
        case .help: return .help
        case .results: return .results
        case .jump: return .jump
        case nil:
            switch s.section {
            case .reader: return .reader
            case .actorList, .relations, .evidence: return .actors
            default: return .global
            }
        }
    }

    /// Runs one command by name.
    public static func update(_ s: inout AppState, command: Command, model: ExplorerModel?) -> [Effect] {
        guard let model, !s.loading else {
            return command == .quit || command == .quitNow ? [.quit] : []
        }
        if model.workspace.isPreview, waitsForIndex(command, s, model) {
            s.message = indexingNote(model)
            return []
        }
        switch command {
        case .moveDown: move(&s, .by(1), model)
        case .moveUp: move(&s, .by(-1), model)
        case .pageDown: move(&s, .page(1), model)
        case .pageUp: move(&s, .page(-1), model)
        case .halfPageDown: move(&s, .halfPage(1), model)
        case .halfPageUp: move(&s, .halfPage(-1), model)
        case .goTop: move(&s, .top, model)
        case .goBottom: move(&s, .bottom, model)
        case .focusNextPane: focus(&s, pane: Pane(rawValue: (s.pane.rawValue + 1) % 3)!)
        case .focusPrevPane: focus(&s, pane: Pane(rawValue: (s.pane.rawValue + 2) % 3)!)
        case .focusPane1: focus(&s, pane: .articles)
        case .focusPane2: focus(&s, pane: .actors)
        case .focusPane3: focus(&s, pane: .timeline)
        case .sectionPrev: stepSection(&s, -1, model)
        case .sectionNext: stepSection(&s, 1, model)
        case .followLink: followLink(&s, model)
        case .nextLink: stepLink(&s, 1, model)
        case .prevLink: stepLink(&s, -1, model)
        case .goBack: goBack(&s, model)
        case .goForward: goForward(&s, model)
        case .followNumber: s.pending = .number("")
        case .setMark: s.pending = .setMark
        case .jumpToMark: s.pending = .jumpToMark
        case .search: s.pending = .search(TextInputState())
        case .searchNext: searchStep(&s, 1, model)
        case .searchPrev: searchStep(&s, -1, model)
        case .quickJump: s.overlay = .jump(TextInputState(), position: ListPosition())
        case .setFilter: setFilter(&s, model)
        case .clearFilter: clearFilter(&s, model)
        case .toggleFreeze: toggleFreeze(&s, model)
        case .toggleRollup: toggleRollup(&s, model)
        case .cycleActorSort:
            s.sort = s.sort.next
            refresh(&s, model)
            s.message = "actors \(s.sort.label)"
        case .filterKind: cycleKind(&s, model)
        case .help:
            if case .help = s.overlay { s.overlay = nil } else { s.overlay = .help(ListPosition()) }
        case .cancel:
            if s.overlay != nil {
                s.overlay = nil
            } else if s.filter != nil {
                clearFilter(&s, model)
            }
        case .redraw: return [.repaint]
        case .quit:
            if s.overlay != nil {
                s.overlay = nil
                return []
            }
            return [.saveSession(Session(s, model)), .quit]
        case .quitNow: return [.saveSession(Session(s, model)), .quit]
        }
        return []
    }

    /// Keys that are text while something is being typed. Returns nil when the
    /// key should go through the key table instead.
    static func typing(_ s: inout AppState, _ key: Key, _ model: ExplorerModel) -> [Effect]? {
        switch s.pending {
        case .search(var input):
            switch input.handle(key) {
            case .submitted:
                s.pending = .none
                runSearch(&s, input.text, model)
            case .cancelled: s.pending = .none
            case .ignored where key == .backspace: s.pending = .none  // Backspace on an empty line closes it
            default: s.pending = .search(input)
            }
            return []
        case .number(let digits):
            switch key {
            case .char(let c) where c.isASCII && c.isNumber: s.pending = .number(digits + String(c))
            case .backspace: s.pending = digits.isEmpty ? .none : .number(String(digits.dropLast()))
            case .enter:
                s.pending = .none
                followNumber(&s, Int(digits), model)
            default: s.pending = .none
            }
            return []
        case .setMark, .jumpToMark:
            let setting = s.pending == .setMark
            s.pending = .none
            guard case .char(let c) = key, c.isLetter || (!setting && c == "'") else {
                if key != .escape { s.message = "marks are letters" }
                return []
            }
            if setting {
                s.marks[c] = s.location
                s.message = "mark \(c) set"
            } else {
                jumpToMark(&s, c, model)
            }
            return []
        case .none:
            break
        }
        if case .jump(var input, let position) = s.overlay {
            switch key {
            case .ctrl("j"), .ctrl("n"), .down: return update(&s, command: .moveDown, model: model)
            case .ctrl("k"), .ctrl("p"), .up: return update(&s, command: .moveUp, model: model)
            case .enter, .escape, .pageUp, .pageDown, .tab, .backTab: return nil
            default:
                let outcome = input.handle(key)
                guard outcome != .ignored else { return nil }
                s.overlay = .jump(input, position: outcome == .edited ? ListPosition() : position)
                return []
            }
        }
        return nil
    }
}
