import Foundation
import Yams

/// YAML front matter at the top of a Markdown file, between `---` lines.
///
/// Front matter is untrusted input, so it is bounded before any YAML parser
/// sees it: at most `maxBytes`, at most `maxDepth` levels of nesting, and no
/// aliases (`*name`), which can expand exponentially. Whatever goes wrong, the
/// body still loads and the file gets one warning.
struct FrontMatter: Equatable {
    var fields: [String: String] = [:]
    var tags: [String] = []
    var date: PartialDate?
    var warning: String?

    static let maxBytes = 64 * 1024
    static let maxDepth = 32
    /// How much text one unknown value may become (nested values are flattened).
    static let maxValueLength = 1000

    /// Splits front matter off the top of `t`; returns the offset where the body starts.
    static func split(_ t: UnsafeBufferPointer<UInt8>) -> (yaml: Range<Int>?, bodyStart: Int, warning: String?) {
        guard startsWithFence(t, at: 0, fence: 0x2D) || startsWithFence(t, at: 0, fence: 0x2B) else { return (nil, 0, nil) }
        let fence = t[0]
        var i = 0
        while i < t.count, t[i] != 0x0A { i += 1 }
        let start = min(i + 1, t.count)
        var lineStart = start
        while lineStart < t.count {
            var e = lineStart
            while e < t.count, t[e] != 0x0A { e += 1 }
            if startsWithFence(t, at: lineStart, fence: fence) || (fence == 0x2D && startsWithFence(t, at: lineStart, fence: 0x2E)) {
                let body = min(e + 1, t.count)
                if fence == 0x2B { return (nil, body, "TOML front matter (+++) is not read") }
                return (start..<lineStart, body, nil)
            }
            lineStart = e + 1
        }
        // No closing fence: the opening `---` was a rule, not front matter.
        return (nil, 0, fence == 0x2D ? "front matter has no closing ---; read as text" : nil)
    }

    /// A line that is exactly three fence characters (`---`, `+++`, `...`), perhaps with trailing spaces.
    private static func startsWithFence(_ t: UnsafeBufferPointer<UInt8>, at i: Int, fence: UInt8) -> Bool {
        guard i + 3 <= t.count, t[i] == fence, t[i + 1] == fence, t[i + 2] == fence else { return false }
        var k = i + 3
        while k < t.count, t[k] == 0x20 || t[k] == 0x09 { k += 1 }
        return k == t.count || t[k] == 0x0A
    }

    /// Reads the fields; `fastPath: false` always asks Yams (the differential tests compare both).
    static func parse(_ yaml: UnsafeBufferPointer<UInt8>, fastPath: Bool = true) -> FrontMatter {
        var fm = FrontMatter()
        if yaml.count > maxBytes {
            fm.warning = "front matter larger than \(maxBytes / 1024) KB ignored"
            return fm
        }
        if let problem = structuralProblem(yaml) {
            fm.warning = "front matter ignored: \(problem)"
            return fm
        }
        // Flat front matter is read on bytes; Yams takes whatever is not flat.
        let entries: [Entry]
        if fastPath, let flat = FlatYAML.entries(yaml) {
            entries = flat
        } else {
            do {
                guard let read = try yamsEntries(yaml) else {
                    fm.warning = "front matter is not a key: value mapping"
                    return fm
                }
                entries = read
            } catch {
                fm.warning = "front matter is not valid YAML (\(Self.firstLine(String(describing: error))))"
                return fm
            }
        }
        for e in entries { fm.take(e.key, e.value) }
        return fm
    }

    /// The mapping's entries as Yams reads them, in order; nil when the root is not a mapping.
    static func yamsEntries(_ yaml: UnsafeBufferPointer<UInt8>) throws -> [Entry]? {
        guard let root = try Yams.compose(yaml: String(decoding: yaml, as: UTF8.self)) else { return [] }
        guard let mapping = root.mapping else { return nil }
        return mapping.compactMap { k, v in k.scalar.map { Entry(key: $0.string, value: Value(v)) } }
    }

    struct Entry: Equatable {
        var key: String
        var value: Value
    }

    /// A value as the fields need it: scalars and lists of scalars (all that flat
    /// front matter holds) apart from any other node.
    enum Value: Equatable {
        case scalar(String)
        case list([String])
        case node(Node)

        init(_ node: Node) {
            if let s = node.scalar {
                self = .scalar(s.string)
            } else if let seq = node.sequence, seq.allSatisfy({ $0.scalar != nil }) {
                self = .list(seq.map { $0.scalar!.string })
            } else {
                self = .node(node)
            }
        }
    }

    private mutating func take(_ rawKey: String, _ v: Value) {
        let key = rawKey.lowercased()
        switch key {
        case "tags", "tag", "keywords", "categories":
            tags += Self.tagList(v)
        case "date", "published", "pubdate", "publishdate", "published_at", "date_published":
            if date == nil, case .scalar(let s) = v { date = DateField.parse(s) }
            if date == nil { fields[key] = Self.flatten(v) }
        default:
            fields[key] = Self.flatten(v)
        }
    }

    /// Rejects what could make a YAML parser recurse deeply or expand aliases: a
    /// cheap scan that errs on the side of refusing odd front matter.
    static func structuralProblem(_ t: UnsafeBufferPointer<UInt8>) -> String? {
        var flow = 0
        var quote: UInt8 = 0
        var lineStart = true
        var indent = 0
        var i = 0
        while i < t.count {
            let b = t[i]
            if quote != 0 {
                if b == quote { quote = 0 }
                if b == 0x0A { lineStart = true; indent = 0 }
                i += 1
                continue
            }
            switch b {
            case 0x0A:
                lineStart = true
                indent = 0
            case 0x20 where lineStart:
                indent += 1
                if indent > maxDepth * 4 { return "nested more than \(maxDepth) levels (indented \(indent) columns)" }
            case 0x2D where lineStart:
                // `- - - x` nests one sequence per dash.
                indent += 2
                if indent > maxDepth * 4 { return "nested more than \(maxDepth) levels" }
            case 0x22, 0x27:
                quote = b
                lineStart = false
            case 0x5B, 0x7B:
                flow += 1
                lineStart = false
                if flow > maxDepth { return "nested more than \(maxDepth) levels" }
            case 0x5D, 0x7D:
                flow = max(0, flow - 1)
                lineStart = false
            case 0x2A:
                // `*name` after a space, `[`, `{`, `,` or `:` is an alias.
                let prev = i > 0 ? t[i - 1] : 0x20
                if prev == 0x20 || prev == 0x5B || prev == 0x7B || prev == 0x2C || prev == 0x3A || prev == 0x0A {
                    if i + 1 < t.count, t[i + 1] != 0x20, t[i + 1] != 0x0A { return "YAML aliases (*name) are not allowed" }
                }
                lineStart = false
            case 0x23:
                // A comment runs to the end of the line and may hold anything.
                while i < t.count, t[i] != 0x0A { i += 1 }
                continue
            default:
                lineStart = false
            }
            i += 1
        }
        return nil
    }

    private static func tagList(_ v: Value) -> [String] {
        switch v {
        case .scalar(let s): return s.split(separator: ",").compactMap { TitleText.clean(String($0), limit: 80) }
        case .list(let items): return items.prefix(100).compactMap { TitleText.clean($0, limit: 80) }
        case .node(let n): return tagList(n)
        }
    }

    private static func tagList(_ v: Node) -> [String] {
        if let seq = v.sequence {
            return seq.prefix(100).compactMap { $0.scalar?.string }.compactMap { TitleText.clean($0, limit: 80) }
        }
        if let s = v.scalar?.string {
            return s.split(separator: ",").compactMap { TitleText.clean(String($0), limit: 80) }
        }
        return []
    }

    /// A value as one line of text within `maxValueLength`, as `flatten(Node)` would give it.
    static func flatten(_ v: Value) -> String {
        switch v {
        case .scalar(let s): return TitleText.clean(s, limit: maxValueLength) ?? ""
        case .list(let items):
            var out = ""
            for s in items.prefix(200) {
                guard out.count < maxValueLength else { break }
                if !out.isEmpty { out += ", " }
                out += s
            }
            return TitleText.clean(out, limit: maxValueLength) ?? ""
        case .node(let n): return flatten(n)
        }
    }

    /// A value as one line of text, without recursion and within `maxValueLength`.
    static func flatten(_ v: Node) -> String {
        enum Item {
            case node(Node)
            case key(String)
        }
        var out = ""
        var afterKey = false
        var stack: [Item] = [.node(v)]
        while let item = stack.popLast(), out.count < maxValueLength {
            switch item {
            case .key(let k):
                if !out.isEmpty, !afterKey { out += ", " }
                out += k + ": "
                afterKey = true
            case .node(.scalar(let s)):
                if !out.isEmpty, !afterKey { out += ", " }
                out += s.string
                afterKey = false
            case .node(.sequence(let seq)):
                stack.append(contentsOf: seq.prefix(200).reversed().map { .node($0) })
            case .node(.mapping(let m)):
                for (k, val) in m.prefix(200).reversed() {
                    stack.append(.node(val))
                    stack.append(.key(k.scalar?.string ?? "?"))
                }
            case .node(.alias):
                break
            }
        }
        return TitleText.clean(out, limit: maxValueLength) ?? ""
    }

    private static func firstLine(_ s: String) -> String {
        String(s.split(separator: "\n").first ?? "").trimmingCharacters(in: .whitespaces)
    }
}
