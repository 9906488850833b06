import TextUI

/// A replay script: one step a line, by command long name or key name, so a
/// session can be re-run headless and its final screen compared.
///
/// ```
/// # comments and blank lines are skipped
/// focus-pane-2            # a command by its long name
/// search alliance         # search, quick-jump, follow-number take the text to type
/// key j j Enter           # keys by name (as in docs/keys.md)
/// type Seoul              # characters typed one by one
/// resize 80x24
/// click 10 5              # also double-click, wheel-up, wheel-down
/// ```
public enum ScriptStep: Hashable, Sendable {
    case command(Command)
    case event(InputEvent)
}

public struct ScriptError: Error, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "script line \(line): \(message)" }
}

public enum Script {
    public static func parse(_ text: String) throws -> [ScriptStep] {
        var steps: [ScriptStep] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.range(of: " #") { line = line[..<hash.lowerBound] }
            line = line.drop { $0 == " " || $0 == "\t" }
            while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") && line.count > 1 && line.dropFirst().first == " " || line == "#" { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            let head = String(parts[0])
            let rest = parts.count > 1 ? String(parts[1]) : ""
            do {
                steps += try step(head, rest)
            } catch {
                throw ScriptError(line: n + 1, message: error.message)
            }
        }
        return steps
    }

    static func step(_ head: String, _ rest: String) throws(ScriptError) -> [ScriptStep] {
        func fail(_ m: String) -> ScriptError { ScriptError(line: 0, message: m) }
        func typed(_ s: String) -> [ScriptStep] { s.map { .event(.key(.char($0))) } }
        if let c = Command(name: head) {
            switch c {
            case .search, .followNumber, .quickJump:
                return rest.isEmpty ? [.command(c)] : [.command(c)] + typed(rest) + [.event(.key(.enter))]
            case .setMark, .jumpToMark:
                return [.command(c)] + typed(rest)
            default:
                guard rest.isEmpty else { throw fail("\(head) takes no argument") }
                return [.command(c)]
            }
        }
        switch head {
        case "key", "keys":
            var keys: [ScriptStep] = []
            for name in rest.split(separator: " ") {
                guard let k = Key(name: String(name)) else { throw fail("unknown key \(name)") }
                keys.append(.event(.key(k)))
            }
            return keys
        case "type":
            return typed(rest)
        case "resize":
            guard let size = Size(rest) else { throw fail("resize wants WIDTHxHEIGHT") }
            return [.event(.resize(size))]
        case "click", "double-click", "wheel-up", "wheel-down":
            let xy = rest.split(separator: " ").compactMap { Int($0) }
            guard xy.count == 2 else { throw fail("\(head) wants X Y") }
            let kind: MouseEvent.Kind = head == "click" ? .press : head == "double-click" ? .doubleClick : head == "wheel-up" ? .wheelUp : .wheelDown
            return [.event(.mouse(MouseEvent(kind: kind, x: xy[0], y: xy[1])))]
        default:
            if rest.isEmpty, let k = Key(name: head) { return [.event(.key(k))] }
            throw fail("unknown command or key \(head)")
        }
    }

    /// Runs steps against a state; stops early when a step quits.
    @discardableResult
    public static func run(_ steps: [ScriptStep], state: inout AppState, model: ExplorerModel) -> [Effect] {
        var all: [Effect] = []
        for step in steps {
            let effects: [Effect]
            switch step {
            case .command(let c): effects = App.update(&state, command: c, model: model)
            case .event(let e): effects = App.update(&state, event: e, model: model)
            }
            all += effects
            if effects.contains(.quit) { break }
        }
        return all
    }
}
