import Foundation

/// The actors polex knows by name: the bundled dictionary, then `--actors`
/// files, then each corpus root's `.polex/actors.yaml`, merged in that order.
public struct ActorDictionary: Sendable {
    public var entries: [Actor] = []
    public init(entries: [Actor] = []) { self.entries = entries }

    /// Reads the bundled dictionary, then `files`, then each root's `.polex/actors.yaml`.
    ///
    /// A later file may extend an entry of an earlier one by repeating its id:
    /// lists (aliases, demonyms, roles, `not`) are appended and single values
    /// replaced. A file that cannot be read or parsed is reported and skipped; a
    /// bad entry is reported with its line and skipped; the others still load.
    public static func load(bundled: String?, files: [String], corpusRoots: [String]) -> (
        dictionary: ActorDictionary, issues: [LoadIssue]
    ) {
        var sources: [(path: String, required: Bool)] = []
        if let bundled { sources.append((bundled, false)) }
        sources += files.map { ($0, true) }
        for root in corpusRoots {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue {
                sources.append((root + "/.polex/actors.yaml", false))
            }
        }
        var builder = DictionaryBuilder()
        for (path, required) in sources {
            guard FileManager.default.fileExists(atPath: path) else {
                if required { builder.issues.append(LoadIssue(path: path, severity: .skipped, reason: "no such file")) }
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                builder.issues.append(LoadIssue(path: path, severity: .skipped, reason: "cannot be read"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                builder.issues.append(LoadIssue(path: path, severity: .skipped, reason: "not UTF-8 text"))
                continue
            }
            builder.add(yaml: text, path: path)
        }
        return builder.finish()
    }

    /// Parses dictionary text directly (tests, and callers holding the text).
    public static func parse(yaml: String, path: String = "actors.yaml") -> (dictionary: ActorDictionary, issues: [LoadIssue]) {
        var builder = DictionaryBuilder()
        builder.add(yaml: yaml, path: path)
        return builder.finish()
    }

    /// The index of the entry with this id.
    public func index(of id: String) -> Int? { entries.firstIndex { $0.id == id } }
}

/// Merges parsed files into one dictionary and checks it as a whole.
struct DictionaryBuilder {
    var entries: [Actor] = []
    var byId: [String: Int] = [:]
    var issues: [LoadIssue] = []

    mutating func add(yaml: String, path: String) {
        var parser = DictionaryParser(path: path)
        let parsed = parser.parse(yaml)
        issues += parser.issues
        for e in parsed { merge(e, path: path) }
    }

    private mutating func merge(_ e: DictionaryEntry, path: String) {
        let origin = "\(path):\(e.line)"
        if let i = byId[e.id] {
            var a = entries[i]
            if let n = e.name { a.name = n }
            if let k = e.kind { a.kind = k }
            if let f = e.affiliation { a.affiliation = f }
            if let s = e.surname { a.surname = s }
            a.aliases += e.aliases.filter { !a.aliases.contains($0) }
            a.demonyms += e.demonyms.filter { !a.demonyms.contains($0) }
            a.notMentions += e.notMentions.filter { !a.notMentions.contains($0) }
            a.roles += e.roles
            a.origin = (a.origin ?? "") + ", " + origin
            entries[i] = a
            return
        }
        guard let name = e.name else {
            issues.append(LoadIssue(path: path, line: e.line, severity: .warning, reason: "entry \"\(e.id)\" has no `name`; ignored"))
            return
        }
        guard let kind = e.kind else {
            issues.append(LoadIssue(path: path, line: e.line, severity: .warning, reason: "entry \"\(e.id)\" has no `kind`; ignored"))
            return
        }
        byId[e.id] = entries.count
        entries.append(
            Actor(
                id: e.id, name: name, kind: kind, aliases: e.aliases, affiliation: e.affiliation, roles: e.roles,
                notMentions: e.notMentions, origin: origin, demonyms: e.demonyms, surname: e.surname))
    }

    func finish() -> (dictionary: ActorDictionary, issues: [LoadIssue]) {
        var all = issues
        for (i, a) in entries.enumerated() {
            if let f = a.affiliation, byId[f] == nil {
                all.append(issue(a, "affiliation \"\(f)\" of \"\(a.id)\" is not a known id"))
            }
            for r in a.roles {
                if let from = r.from, let to = r.to, to < from {
                    all.append(issue(a, "role \"\(r.title)\" of \"\(a.id)\" ends before it starts"))
                }
            }
            _ = i
        }
        let dictionary = ActorDictionary(entries: entries)
        all += AliasTable(dictionary: dictionary).clashes.map { c in
            issue(entries[c.loser], "\(c.what) \"\(c.alias)\" of \"\(entries[c.loser].id)\" is already \(c.what == "alias" ? "an alias" : "a \(c.what)") of \"\(entries[c.winner].id)\" (\(entries[c.winner].origin ?? "?")); kept for \"\(entries[c.winner].id)\"")
        }
        return (dictionary, all)
    }

    private func issue(_ a: Actor, _ reason: String) -> LoadIssue {
        // `origin` is `path:line` (the first file that defined the entry).
        let first = (a.origin ?? "").split(separator: ",").first.map(String.init) ?? ""
        let parts = first.split(separator: ":")
        let line = parts.last.flatMap { Int($0) }
        let path = line == nil ? first : parts.dropLast().joined(separator: ":")
        return LoadIssue(path: path, line: line, severity: .warning, reason: reason)
    }
}
