import Foundation

/// Recursive-descent parser for the query language:
///
/// ```
/// query   := or
/// or      := and (("OR" | "|") and)*
/// and     := unary+                      (AND between items is implied; "AND" is allowed)
/// unary   := ("-" | "NOT") unary | primary
/// primary := "(" or ")" | "\"phrase\"" | field ":" value | word | word "*"
/// ```
struct QueryParser {
    enum Lexeme: Equatable {
        case open, close, or, and, not
        case phrase(String)
        case word(String, prefix: Bool)
        case field(String, String)
    }

    static let fields: Set<String> = ["actor", "source", "after", "before"]

    private let chars: [Character]
    private var lexemes: [(Lexeme, column: Int)] = []
    private var at = 0

    init(_ text: String) { chars = Array(text) }

    mutating func parse() throws(QueryError) -> QueryNode {
        try lex()
        guard !lexemes.isEmpty else { throw QueryError("empty query", column: 1) }
        let root = try parseOr()
        if at < lexemes.count {
            // Only a ')' can stop the top-level OR early.
            throw QueryError("unmatched ')'", column: lexemes[at].column)
        }
        guard let root, !(root.scoringLeaves.isEmpty && root.positiveFilters.isEmpty) else {
            throw QueryError("nothing to search for: add a word, phrase or filter that is not excluded", column: 1)
        }
        return root
    }

    // MARK: Lexer

    private static func isQuote(_ c: Character) -> Bool { c == "\"" || c == "“" || c == "”" || c == "„" }
    private static func endsWord(_ c: Character) -> Bool {
        c.isWhitespace || c == "(" || c == ")" || c == "|" || isQuote(c)
    }

    private mutating func lex() throws(QueryError) {
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace {
                i += 1
            } else if c == "(" {
                lexemes.append((.open, column))
                i += 1
            } else if c == ")" {
                lexemes.append((.close, column))
                i += 1
            } else if c == "|" {
                lexemes.append((.or, column))
                i += 1
            } else if QueryParser.isQuote(c) {
                let (body, next) = try quoted(from: i)
                lexemes.append((.phrase(body), column))
                i = next
            } else if c == "-", i + 1 < chars.count, !QueryParser.endsWord(chars[i + 1]) || chars[i + 1] == "(" || QueryParser.isQuote(chars[i + 1]) {
                lexemes.append((.not, column))
                i += 1
            } else {
                var j = i
                while j < chars.count, !QueryParser.endsWord(chars[j]) { j += 1 }
                let word = String(chars[i..<j])
                i = j
                if word == "OR" {
                    lexemes.append((.or, column))
                } else if word == "AND" {
                    lexemes.append((.and, column))
                } else if word == "NOT" {
                    lexemes.append((.not, column))
                } else if let colon = word.firstIndex(of: ":"), QueryParser.fields.contains(word[..<colon].lowercased()) {
                    let name = word[..<colon].lowercased()
                    var value = String(word[word.index(after: colon)...])
                    if value.isEmpty, i < chars.count, QueryParser.isQuote(chars[i]) {
                        let (body, next) = try quoted(from: i)
                        value = body
                        i = next
                    }
                    lexemes.append((.field(name, value), column))
                } else if word.hasSuffix("*") {
                    var stem = word
                    while stem.hasSuffix("*") { stem.removeLast() }
                    lexemes.append((.word(stem, prefix: true), column))
                } else {
                    lexemes.append((.word(word, prefix: false), column))
                }
            }
        }
    }

    /// The text between a quote at `start` and its closing quote.
    private func quoted(from start: Int) throws(QueryError) -> (String, Int) {
        var j = start + 1
        while j < chars.count, !QueryParser.isQuote(chars[j]) { j += 1 }
        guard j < chars.count else { throw QueryError("unclosed quote", column: start + 1) }
        return (String(chars[(start + 1)..<j]), j + 1)
    }

    // MARK: Parser

    private var peek: Lexeme? { at < lexemes.count ? lexemes[at].0 : nil }
    private var column: Int { at < lexemes.count ? lexemes[at].column : chars.count + 1 }

    private mutating func parseOr() throws(QueryError) -> QueryNode? {
        let startColumn = column
        var branches: [QueryNode?] = [try parseAnd()]
        var orColumns: [Int] = []
        while peek == .or {
            orColumns.append(column)
            at += 1
            branches.append(try parseAnd())
        }
        if branches.count == 1 { return branches[0] }
        for (k, b) in branches.enumerated() where b == nil {
            let col = k == 0 ? (orColumns.first ?? startColumn) : orColumns[k - 1]
            throw QueryError("OR needs a word or phrase on each side", column: col)
        }
        return .or(branches.compactMap { $0 })
    }

    private mutating func parseAnd() throws(QueryError) -> QueryNode? {
        var items: [QueryNode] = []
        loop: while let l = peek {
            switch l {
            case .close, .or: break loop
            case .and:
                let col = column
                at += 1
                if items.isEmpty || peek == nil || peek == .close || peek == .or {
                    throw QueryError("AND needs a word or phrase on each side", column: col)
                }
            default:
                if let x = try parseUnary() { items.append(x) }
            }
        }
        return items.isEmpty ? nil : items.count == 1 ? items[0] : .and(items)
    }

    private mutating func parseUnary() throws(QueryError) -> QueryNode? {
        if peek == .not {
            let col = column
            at += 1
            guard let next = peek, next != .close, next != .or, next != .and else {
                throw QueryError("nothing to exclude after '-' or NOT", column: col)
            }
            return try parseUnary().map { .not($0) }
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(QueryError) -> QueryNode? {
        guard let l = peek else { return nil }
        let col = column
        at += 1
        switch l {
        case .open:
            let inner = try parseOr()
            guard peek == .close else { throw QueryError("unclosed parenthesis", column: col) }
            at += 1
            guard let inner else { throw QueryError("empty parentheses", column: col) }
            return inner
        case .phrase(let body):
            let terms = Tokenizer.terms(in: body)
            guard !terms.isEmpty else { throw QueryError("empty phrase", column: col) }
            return terms.count == 1 ? .term(terms[0]) : .phrase(terms)
        case .word(let word, let isPrefix):
            let terms = Tokenizer.terms(in: word)
            if isPrefix {
                guard let last = terms.last else { throw QueryError("'*' needs letters before it", column: col) }
                let head = terms.dropLast().map { QueryNode.term($0) }
                return head.isEmpty ? .prefix(last) : .and(head + [.prefix(last)])
            }
            // A word of punctuation only (a lone dash) says nothing: ignore it.
            if terms.isEmpty { return nil }
            return terms.count == 1 ? .term(terms[0]) : .phrase(terms)
        case .field(let name, let value):
            return .filter(try QueryParser.filter(name, value, column: col))
        case .close, .or, .and, .not:
            // parseAnd/parseUnary consume these before reaching here.
            throw QueryError("unexpected operator", column: col)
        }
    }

    static func filter(_ name: String, _ raw: String, column: Int) throws(QueryError) -> QueryFilter {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw QueryError("\(name): needs a value", column: column) }
        switch name {
        case "actor": return .actor(value)
        case "source":
            guard !Tokenizer.terms(in: value).isEmpty else { throw QueryError("source: needs a name", column: column) }
            return .source(value)
        default:
            guard let date = parseDate(value) else {
                throw QueryError("\(name): needs a date like 2020, 2020-11 or 2020-11-12, not \"\(value)\"", column: column)
            }
            return name == "after" ? .after(date) : .before(date)
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and nothing else.
    static func parseDate(_ s: String) -> PartialDate? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts[0].count == 4, let year = Int(parts[0])
        else { return nil }
        guard parts.count > 1 else { return PartialDate(year: year) }
        guard parts[1].count <= 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        guard parts.count > 2 else { return PartialDate(year: year, month: month) }
        guard parts[2].count <= 2, let day = Int(parts[2]), (1...DayNumber.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return PartialDate(year: year, month: month, day: day)
    }
}
