import ArgumentParser
import Foundation
import PolicyIndex

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Ranked full-text search with keyword-in-context snippets.",
        discussion: """
            Words are ANDed; use "exact phrases", OR (or |), -excluded, prefix*, (parentheses), and the \
            filters actor:, source:, after:DATE, before:DATE. See docs/cli.md, "The query language".
            """)

    @Argument(help: "The query, quoted for the shell: 'north korea -summit'.")
    var query: String

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Show at most this many hits.")
    var limit = 20

    @Option(help: "Snippet width in columns (default: the terminal's, else 100).")
    var width: Int?

    @Flag(help: "Match and rank boilerplate (comment forms, related links …) too.")
    var includeBoilerplate = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        if let width, width < 10 { throw ValidationError("--width must be at least 10") }
    }

    func run() throws {
        // Check the query before reading the corpus: a typo should fail at once.
        let parsed: Query
        do {
            parsed = try Query(query)
        } catch {
            Stderr.print("polex: bad query: \(error.message) at column \(error.column)")
            Stderr.print("  " + Output.singleLine(query))
            Stderr.print("  " + String(repeating: " ", count: max(0, error.column - 1)) + "^")
            throw ExitCode(2)
        }
        let ws = try corpus.openWorkspace()
        let options = SearchOptions(includeBoilerplate: includeBoilerplate)
        let results = ws.searchResults(parsed, limit: limit, options: options)
        let columns = width ?? (Terminal.isTTY ? max(40, Terminal.columns - 4) : 100)
        let hits = results.hits.enumerated().map { SearchHitJSON(rank: $0.offset + 1, hit: $0.element, ws: ws, width: columns) }
        if json {
            try Output.printJSON(SearchJSON(query: query, total: results.totalDocuments, hits: hits))
            return
        }
        let noun = results.totalDocuments == 1 ? "document matches" : "documents match"
        print("\(results.totalDocuments) \(noun)" + (hits.count < results.totalDocuments ? "; showing \(hits.count)" : ""))
        let bold = Terminal.isTTY
        for h in hits {
            let header = "\(h.rank). \(Output.singleLine(h.title)) — \(Output.singleLine(h.path))  \(h.sentence)  \(String(format: "%.2f", h.score))"
            print(header)
            let snippet = Snippet(text: Output.singleLine(h.snippet.text), marks: h.snippet.matches.map { $0.start..<$0.end })
            print("   " + (bold ? snippet.marked(open: "\u{1B}[1m", close: "\u{1B}[22m") : snippet.marked()))
        }
    }
}

struct SearchJSON: Encodable {
    var query: String
    var total: Int
    var hits: [SearchHitJSON]
}

struct SearchHitJSON: Encodable {
    struct Range: Encodable {
        var start: Int
        var end: Int
    }
    struct SnippetJSON: Encodable {
        var text: String
        /// UTF-8 byte offsets into `text`.
        var matches: [Range]
    }
    var rank: Int
    var score: Double
    var document: String
    var path: String
    var title: String
    var date: String?
    var sentence: String
    var snippet: SnippetJSON
    /// UTF-8 byte offsets into the document's text.
    var matches: [Range]

    init(rank: Int, hit: SearchHit, ws: Workspace, width: Int) {
        let doc = ws.document(hit.document)
        self.rank = rank
        score = (hit.score * 10_000).rounded() / 10_000
        document = doc.id.description
        path = doc.path + (doc.line.map { ":\($0)" } ?? "")
        title = doc.title
        date = doc.date?.date.iso
        sentence = hit.sentence.description
        let span = ws.sentence(hit.sentence)?.span ?? TextSpan(0, 0)
        let focus = hit.matches.first ?? span
        let s = doc.snippet(around: focus, width: width, marks: hit.matches, within: span)
        snippet = SnippetJSON(text: s.text, matches: s.marks.map { Range(start: $0.lowerBound, end: $0.upperBound) })
        matches = hit.matches.map { Range(start: Int($0.start), end: Int($0.end)) }
    }
}
