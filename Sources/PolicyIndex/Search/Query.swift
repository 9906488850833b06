/// A parsed search query. See docs/cli.md, "The query language".
///
/// Terms are stored folded (as the tokenizer folds document text), so the
/// evaluator compares bytes and never folds again.
public struct Query: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    public let root: QueryNode

    public init(_ text: String) throws(QueryError) {
        self.text = text
        var parser = QueryParser(text)
        self.root = try parser.parse()
    }

    public init(root: QueryNode, text: String = "") {
        self.root = root
        self.text = text
    }

    /// The tree in a compact prefix form, for tests and `--explain`-style output.
    public var description: String { root.description }
}

public indirect enum QueryNode: Hashable, Sendable, CustomStringConvertible {
    /// A folded term.
    case term(String)
    /// Every term starting with a folded prefix.
    case prefix(String)
    /// Folded terms at consecutive positions within one sentence.
    case phrase([String])
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
    case filter(QueryFilter)

    public var description: String {
        switch self {
        case .term(let t): return t
        case .prefix(let p): return p + "*"
        case .phrase(let ts): return "\"" + ts.joined(separator: " ") + "\""
        case .and(let xs): return "(AND " + xs.map(\.description).joined(separator: " ") + ")"
        case .or(let xs): return "(OR " + xs.map(\.description).joined(separator: " ") + ")"
        case .not(let x): return "-" + x.description
        case .filter(let f): return f.description
        }
    }

    /// Leaves that add to a document's score: every term, prefix and phrase not under a NOT.
    var scoringLeaves: [QueryNode] {
        switch self {
        case .term, .prefix, .phrase: return [self]
        case .and(let xs), .or(let xs): return xs.flatMap(\.scoringLeaves)
        case .not, .filter: return []
        }
    }

    /// Filters not under a NOT (their matches help choose the hit sentence).
    var positiveFilters: [QueryFilter] {
        switch self {
        case .filter(let f): return [f]
        case .and(let xs), .or(let xs): return xs.flatMap(\.positiveFilters)
        case .term, .prefix, .phrase, .not: return []
        }
    }
}

/// A field filter: restricts documents by metadata or by analysis results.
public enum QueryFilter: Hashable, Sendable, CustomStringConvertible {
    /// An actor id (`kr`) or a name or alias (`Moon Jae-in`), as typed.
    case actor(String)
    /// Words of the source (publication) name, as typed.
    case source(String)
    /// Documents dated on or after the start of this date's period.
    case after(PartialDate)
    /// Documents dated before the start of this date's period.
    case before(PartialDate)

    public var description: String {
        switch self {
        case .actor(let a): return "actor:\(a)"
        case .source(let s): return "source:\(s)"
        case .after(let d): return "after:\(d.iso)"
        case .before(let d): return "before:\(d.iso)"
        }
    }
}

/// A malformed query, with the 1-based character column where it went wrong.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }
    public var description: String { "\(message) (at column \(column))" }
}
