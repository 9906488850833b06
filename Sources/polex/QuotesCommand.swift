import ArgumentParser
import Foundation
import PolicyIndex

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes", abstract: "List who said what: quotations with their speakers.",
        discussion: """
            Direct quotes in “…” or "…" marks and indirect ones (`X said … that …`). The ATTRIBUTION \
            column says how the speaker was found; `pronoun-unclear` and `unattributed` quotes have none.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Only quotes by this actor (id, name or alias).")
    var actor: String?

    @Option(help: "Show at most this many.")
    var limit: Int?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let ws = try corpus.openWorkspace()
        var quotes = ws.actors.quotes
        if let actor {
            let ref = try ActorArgument.resolve(actor, in: ws.actors)
            quotes = quotes.filter { $0.speaker == ref }
        }
        if let limit { quotes = Array(quotes.prefix(max(0, limit))) }
        if json {
            try JSONStreamWriter.print(QuoteListJSON(), array: "quotes", quotes.lazy.map { QuoteJSON(ws, $0) })
            return
        }
        let records = quotes.map { QuoteJSON(ws, $0) }
        Output.printTable(
            header: ["SENTENCE", "SPEAKER", "ATTRIBUTION", "QUOTE"],
            rows: records.map { q in
                let text = q.text.count > 100 ? String(q.text.prefix(99)) + "…" : q.text
                return [q.sentence, q.speaker?.name ?? q.speakerName.map { "(\($0))" } ?? "-", q.attribution, text]
            })
    }
}

/// The `polex quotes --json` document without its `quotes`, which `JSONStreamWriter` adds.
struct QuoteListJSON: Encodable {}

struct QuoteJSON: Encodable {
    var sentence: String
    var document: String
    var speaker: ActorRefJSON?
    var speakerName: String?
    var attribution: String
    var start: Int
    var end: Int
    var text: String

    init(_ ws: Workspace, _ q: Quote) {
        let doc = ws.document(q.sentence.document)
        sentence = q.sentence.description
        document = doc.path
        speaker = q.speaker.map { ActorRefJSON(ws.actors.actor($0)) }
        speakerName = q.speakerName.map(Output.singleLine)
        attribution = q.attribution
        start = Int(q.span.start)
        end = Int(q.span.end)
        text = Output.singleLine(String(doc.text(q.span))).trimmingCharacters(in: .whitespaces)
    }
}
