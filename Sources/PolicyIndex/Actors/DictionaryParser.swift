import Yams

/// One entry of a dictionary file as written, before files are merged.
struct DictionaryEntry: Sendable {
    var id: String
    var line: Int
    var name: String?
    var kind: ActorKind?
    var aliases: [String] = []
    var demonyms: [String] = []
    var affiliation: String?
    var roles: [ActorRole] = []
    var notMentions: [String] = []
    var surname: String?
}

/// Reads one actor dictionary file. Each bad entry is reported with its line and
/// skipped; the rest of the file still counts.
struct DictionaryParser {
    let path: String
    private(set) var issues: [LoadIssue] = []

    init(path: String) { self.path = path }

    static let knownKeys: Set<String> = [
        "id", "name", "kind", "aliases", "demonyms", "affiliation", "role", "roles", "not", "surname", "note",
    ]

    mutating func parse(_ yaml: String) -> [DictionaryEntry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            report(Self.line(of: error), "not valid YAML: \(Self.problem(of: error))", .skipped)
            return []
        } catch {
            report(nil, "not valid YAML", .skipped)
            return []
        }
        guard let root else { return [] }
        let list: Node.Sequence
        switch root {
        case .sequence(let s):
            list = s
        case .mapping(let m):
            // Also accept `actors: [...]` so a file can grow other top-level keys later.
            guard case .sequence(let s)? = m["actors"] else {
                report(root.mark?.line, "expected a list of actor entries (or `actors:` with a list)", .skipped)
                return []
            }
            list = s
        default:
            report(root.mark?.line, "expected a list of actor entries", .skipped)
            return []
        }
        var out: [DictionaryEntry] = []
        var seen: [String: Int] = [:]
        for node in list {
            guard let entry = entry(node) else { continue }
            if let first = seen[entry.id] {
                report(entry.line, "duplicate id \"\(entry.id)\" (first at line \(first)); entry ignored", .warning)
                continue
            }
            seen[entry.id] = entry.line
            out.append(entry)
        }
        return out
    }

    private mutating func entry(_ node: Node) -> DictionaryEntry? {
        let line = node.mark?.line
        guard case .mapping(let m) = node else {
            report(line, "an actor entry must be a mapping with at least `id`", .warning)
            return nil
        }
        guard let idNode = m["id"], let id = scalar(idNode)?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
            report(line, "entry without `id`; ignored", .warning)
            return nil
        }
        var e = DictionaryEntry(id: id, line: line ?? 0)
        for (keyNode, value) in m {
            guard let key = scalar(keyNode) else { continue }
            let at = value.mark?.line ?? line
            switch key {
            case "id", "note": break
            case "name": e.name = text(value, key, at)
            case "kind":
                guard let k = text(value, key, at) else { break }
                if let kind = ActorKind(rawValue: k.lowercased()) {
                    e.kind = kind
                } else {
                    let allowed = ActorKind.allCases.map(\.rawValue).joined(separator: ", ")
                    report(at, "unknown kind \"\(k)\" for \"\(id)\" (expected \(allowed)); entry ignored", .warning)
                    return nil
                }
            case "aliases": e.aliases = list(value, key, at)
            case "demonyms": e.demonyms = list(value, key, at)
            case "not": e.notMentions = list(value, key, at)
            case "affiliation": e.affiliation = text(value, key, at)
            case "surname": e.surname = text(value, key, at)
            case "role": if let t = text(value, key, at) { e.roles.append(ActorRole(title: t)) }
            case "roles": e.roles += roles(value, at)
            default:
                report(at, "unknown key \"\(key)\" in entry \"\(id)\" ignored", .warning)
            }
        }
        return e
    }

    private func scalar(_ node: Node) -> String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    private mutating func text(_ node: Node, _ key: String, _ line: Int?) -> String? {
        guard let s = scalar(node)?.trimmingCharacters(in: .whitespaces), !s.isEmpty else {
            report(line, "`\(key)` must be a single text value", .warning)
            return nil
        }
        return s
    }

    /// A list of strings; a single string is accepted as a list of one.
    private mutating func list(_ node: Node, _ key: String, _ line: Int?) -> [String] {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? [] : [s.string]
        case .sequence(let seq):
            var out: [String] = []
            for item in seq {
                if let s = scalar(item), !s.trimmingCharacters(in: .whitespaces).isEmpty {
                    out.append(s.trimmingCharacters(in: .whitespaces))
                } else {
                    report(item.mark?.line ?? line, "`\(key)` items must be text", .warning)
                }
            }
            return out
        default:
            report(line, "`\(key)` must be a list of text values", .warning)
            return []
        }
    }

    /// `roles:` items are `{title, from, to}` mappings or plain titles.
    private mutating func roles(_ node: Node, _ line: Int?) -> [ActorRole] {
        guard case .sequence(let seq) = node else {
            report(line, "`roles` must be a list", .warning)
            return []
        }
        var out: [ActorRole] = []
        for item in seq {
            let at = item.mark?.line ?? line
            if let title = scalar(item) {
                out.append(ActorRole(title: title))
                continue
            }
            guard case .mapping(let m) = item, let titleNode = m["title"], let title = scalar(titleNode) else {
                report(at, "a role needs a `title`", .warning)
                continue
            }
            var role = ActorRole(title: title)
            for key in ["from", "to"] {
                guard let v = m[key], let s = scalar(v), !s.isEmpty else { continue }
                guard let d = PartialDate(iso: s) else {
                    report(at, "role `\(key)` date \"\(s)\" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored", .warning)
                    continue
                }
                if key == "from" { role.from = d } else { role.to = d }
            }
            out.append(role)
        }
        return out
    }

    private mutating func report(_ line: Int?, _ reason: String, _ severity: LoadIssue.Severity) {
        issues.append(LoadIssue(path: path, line: line, severity: severity, reason: reason))
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .reader(let problem, _, _, _): return problem
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}
