import ArgumentParser
import Foundation
import PolicyIndex

struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs", abstract: "List the documents of the corpus, one row each.",
        discussion: "Ids (d0, d1 …) follow the sorted walk of the paths given and are what every other command refers to.")

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let ws = try corpus.openWorkspace()
        if json {
            try JSONStreamWriter.print(DocumentListJSON(), array: "documents", ws.documents.lazy.map(DocumentJSON.init))
            return
        }
        let records = ws.documents.map(DocumentJSON.init)
        Output.printTable(
            header: ["ID", "DATE", "WORDS", "SENTS", "SOURCE", "PATH", "TITLE"],
            rows: records.map { r in
                [
                    r.id, r.date?.value ?? "-", String(r.words), String(r.sentences), Output.clip(r.source ?? "-", 24),
                    Output.clip(r.path + (r.line.map { ":\($0)" } ?? ""), 40, keepEnd: true), Output.clip(r.title, 70),
                ]
            })
    }
}

/// The `polex docs --json` document without its `documents`, which `JSONStreamWriter` adds.
struct DocumentListJSON: Encodable {}

struct DocumentJSON: Encodable {
    struct DateJSON: Encodable {
        var value: String
        var precision: String
        var origin: String
    }
    var id: String
    var path: String
    var line: Int?
    var format: String
    var title: String
    var source: String?
    var author: String?
    var url: String?
    var date: DateJSON?
    var tags: [String]
    var words: Int
    var sentences: Int
    var paragraphs: Int
    var boilerplateSentences: Int
    var bytes: Int

    init(_ d: Document) {
        id = d.id.description
        path = d.path
        line = d.line
        format = d.format.rawValue
        title = d.title
        source = d.source
        author = d.author
        url = d.url
        date = d.date.map { DateJSON(value: $0.date.iso, precision: $0.date.precision.rawValue, origin: $0.origin.rawValue) }
        tags = d.tags
        words = d.wordCount
        sentences = d.sentences.count
        paragraphs = d.paragraphs.count
        boilerplateSentences = d.sentences.reduce(0) { $0 + ($1.isBoilerplate ? 1 : 0) }
        bytes = d.byteCount
    }
}
