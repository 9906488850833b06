import Testing
@testable import PolicyIndex

@Suite struct QueryParserTests {
    @Test(arguments: [
        ("north korea", "(AND north korea)"),
        ("\"North Korea\" missile", "(AND \"north korea\" missile)"),
        ("a OR b c", "(OR a (AND b c))"),
        ("a | b", "(OR a b)"),
        ("a AND b", "(AND a b)"),
        ("talks -summit", "(AND talks -summit)"),
        ("talks NOT summit", "(AND talks -summit)"),
        ("-(a b) c", "(AND -(AND a b) c)"),
        ("(a OR b) c", "(AND (OR a b) c)"),
        ("kore*", "kore*"),
        ("Jae-in", "\"jae in\""),
        ("U.S. Québec", "(AND us quebec)"),
        ("“curly quotes”", "\"curly quotes\""),
        ("actor:kr", "actor:kr"),
        ("actor:\"Moon Jae-in\" talks", "(AND actor:Moon Jae-in talks)"),
        ("Source:herald", "source:herald"),
        ("after:2020-11 before:2021", "(AND after:2020-11 before:2021)"),
        ("talks - summit", "(AND talks summit)"),
        ("10:30 meeting", "(AND \"10 30\" meeting)"),
        ("or and not", "(AND or and not)"),
    ])
    func parses(input: String, tree: String) throws {
        #expect(try Query(input).description == tree)
    }

    @Test(arguments: [
        ("", "empty query", 1),
        ("   ", "empty query", 1),
        ("\"north korea", "unclosed quote", 1),
        ("talks \"north", "unclosed quote", 7),
        ("talks OR", "OR needs a word or phrase on each side", 7),
        ("OR talks", "OR needs a word or phrase on each side", 1),
        ("a OR OR b", "OR needs a word or phrase on each side", 3),
        ("| a", "OR needs a word or phrase on each side", 1),
        ("(a b", "unclosed parenthesis", 1),
        ("a b)", "unmatched ')'", 4),
        ("() a", "empty parentheses", 1),
        ("-talks", "nothing to search for: add a word, phrase or filter that is not excluded", 1),
        ("a -", "", 0),
        ("talks NOT", "nothing to exclude after '-' or NOT", 7),
        ("\"\" a", "empty phrase", 1),
        ("* a", "'*' needs letters before it", 1),
        ("actor:", "actor: needs a value", 1),
        ("after:yesterday", "after: needs a date like 2020, 2020-11 or 2020-11-12, not \"yesterday\"", 1),
        ("before:2021-02-30", "before: needs a date like 2020, 2020-11 or 2020-11-12, not \"2021-02-30\"", 1),
        ("a AND", "AND needs a word or phrase on each side", 3),
    ])
    func rejects(input: String, message: String, column: Int) {
        if message.isEmpty {
            // A trailing lone dash is punctuation, not an operator.
            #expect(throws: Never.self) { try Query(input) }
            return
        }
        #expect(throws: QueryError(message, column: column)) { try Query(input) }
    }

    @Test func errorDescriptionNamesTheColumn() {
        #expect(QueryError("unclosed quote", column: 7).description == "unclosed quote (at column 7)")
    }
}
