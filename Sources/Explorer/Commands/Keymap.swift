import Foundation
import TextUI

/// Where a binding applies. `global` bindings work everywhere unless a more
/// specific context binds the same key.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global, reader, actors, help, results, jump

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .reader: "Reader"
        case .actors: "Actors pane"
        case .help: "Help"
        case .results: "Search results"
        case .jump: "Quick jump"
        }
    }
}

public struct KeyBinding: Hashable, Sendable {
    public var command: Command
    public var keys: [Key]
    public var help: String
    public var contexts: [KeyContext]
}

/// The one table of key bindings: dispatch, the `?` overlay and docs/keys.md
/// are all generated from it.
public struct Keymap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public static let standard = Keymap(bindings: [
        b(.moveDown, [.char("j"), .down], "next row; in the reader, next sentence"),
        b(.moveUp, [.char("k"), .up], "previous row; in the reader, previous sentence"),
        b(.pageDown, [.pageDown, .char(" "), .ctrl("f")], "one page down"),
        b(.pageUp, [.pageUp, .char("b"), .ctrl("b")], "one page up"),
        b(.halfPageDown, [.ctrl("d")], "half a page down"),
        b(.halfPageUp, [.ctrl("u")], "half a page up"),
        b(.goTop, [.char("g"), .home], "first row"),
        b(.goBottom, [.char("G"), .end], "last row"),
        b(.focusNextPane, [.tab], "focus the next pane"),
        b(.focusPrevPane, [.backTab], "focus the previous pane"),
        b(.focusPane1, [.char("1")], "focus Articles"),
        b(.focusPane2, [.char("2")], "focus Actors"),
        b(.focusPane3, [.char("3")], "focus Timeline"),
        b(.sectionPrev, [.char("h"), .left], "previous section (list ← reader, relations ← evidence)"),
        b(.sectionNext, [.char("l"), .right], "next section (list → reader, actors → relations → evidence)"),
        b(.followLink, [.enter], "follow: article → reader, mention → actor, actor → relations → evidence → article"),
        b(.nextLink, [.char("]")], "next actor mention in the reader", [.reader]),
        b(.prevLink, [.char("[")], "previous actor mention in the reader", [.reader]),
        b(.goBack, [.backspace, .ctrl("o"), .char("H")], "go back to where the last jump started"),
        b(.goForward, [.char("L"), .ctrl("n")], "go forward again after going back"),
        b(.followNumber, [.char("#")], "type a number then Enter: follow that numbered evidence"),
        b(.setMark, [.char("m")], "then a letter: mark this place"),
        b(.jumpToMark, [.char("'")], "then a letter: return to the mark ('' goes back)"),
        b(.search, [.char("/")], "search the corpus (query language as in `polex search`)"),
        b(.searchNext, [.char("n")], "next search hit in the reader"),
        b(.searchPrev, [.char("N")], "previous search hit in the reader"),
        b(.quickJump, [.ctrl("p"), .char(":")], "jump to an actor, article or date by typing part of its name"),
        b(.setFilter, [.char("f")], "filter all panes to the selected actor, relation, period or article"),
        b(.clearFilter, [.char("F")], "clear the filter"),
        b(.toggleFreeze, [.char("z")], "freeze the focused pane: it stops following the filter"),
        b(.toggleRollup, [.char("r")], "roll persons up to their countries", [.actors]),
        b(.cycleActorSort, [.char("s")], "sort actors by mentions, relation weight, centrality", [.actors]),
        b(.filterKind, [.char("t")], "show one kind of actor: all, countries, persons, organisations, topics", [.actors]),
        b(.help, [.char("?"), .function(1)], "show or hide this help"),
        b(.cancel, [.escape], "close the overlay, cancel typing, or clear the filter"),
        b(.redraw, [.ctrl("l")], "repaint the screen"),
        b(.quit, [.char("q")], "close the overlay, or quit"),
        b(.quitNow, [.ctrl("c")], "quit at once"),
        b(.followLink, [.enter], "open the selected hit in the reader", [.results]),
        b(.followLink, [.enter], "go to the selected target", [.jump]),
    ])

    private static func b(_ c: Command, _ keys: [Key], _ help: String, _ contexts: [KeyContext] = [.global]) -> KeyBinding {
        KeyBinding(command: c, keys: keys, help: help, contexts: contexts)
    }

    /// The command bound to `key` in `context`; a context's own binding wins over a global one.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if context != .global, let b = bindings.first(where: { $0.contexts.contains(context) && $0.keys.contains(key) }) {
            return b.command
        }
        return bindings.first { $0.contexts.contains(.global) && $0.keys.contains(key) }?.command
    }

    /// Keys bound to a command, for hints in the status bar.
    public func keys(for command: Command) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    /// Applies `command = key key…` overrides (one a line); returns lines it could not use.
    public mutating func apply(overrides text: String) -> [String] {
        var problems: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if line.allSatisfy(\.isWhitespace) { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let command = Command(name: parts[0]) else {
                problems.append(String(raw))
                continue
            }
            let keys = parts[1].split(separator: " ").compactMap { Key(name: String($0)) }
            guard !keys.isEmpty, let i = bindings.firstIndex(where: { $0.command == command }) else {
                problems.append(String(raw))
                continue
            }
            // A key moved to a new command leaves its old one.
            for j in bindings.indices { bindings[j].keys.removeAll { keys.contains($0) } }
            bindings[i].keys = keys
        }
        return problems
    }
}

extension Key {
    /// Parses the names `description` prints: `j`, `Enter`, `C-o`, `S-Tab`, `F1`, `Space`.
    public init?(name: String) {
        switch name {
        case "Space", "space": self = .char(" ")
        case "Enter", "Return", "enter": self = .enter
        case "Esc", "Escape", "esc": self = .escape
        case "Tab", "tab": self = .tab
        case "S-Tab", "BackTab": self = .backTab
        case "Backspace", "BS": self = .backspace
        case "Delete", "Del": self = .delete
        case "Up": self = .up
        case "Down": self = .down
        case "Left": self = .left
        case "Right": self = .right
        case "PgUp", "PageUp": self = .pageUp
        case "PgDn", "PageDown": self = .pageDown
        case "Home": self = .home
        case "End": self = .end
        default:
            if name.hasPrefix("C-"), name.count == 3, let c = name.last { self = .ctrl(Character(c.lowercased())); return }
            if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...24).contains(n) { self = .function(n); return }
            guard name.count == 1, let c = name.first else { return nil }
            self = .char(c)
        }
    }
}
