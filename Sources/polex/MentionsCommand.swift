import ArgumentParser
import Foundation
import PolicyIndex

struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions", abstract: "Show where an actor is mentioned, in context, with the reason it was coded.",
        discussion: "ACTOR is an id, a display name or an alias, in any case (`kr`, `South Korea`, `seoul`).")

    @Argument(help: "The actor: id, name or alias.")
    var actor: String

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Show at most this many.")
    var limit: Int?

    @Option(help: "Columns of context per line.")
    var width = 90

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let ws = try corpus.openWorkspace()
        let ref = try ActorArgument.resolve(actor, in: ws.actors)
        var indexes = ws.actors.mentionsByActor[ref.index]
        if let limit { indexes = Array(indexes.prefix(max(0, limit))) }
        let mentions = indexes.map { ws.actors.mentions[$0] }
        if json {
            try JSONStreamWriter.print(
                MentionListJSON(actor: ActorRefJSON(ws.actors.actor(ref))), array: "mentions",
                mentions.lazy.map { MentionJSON(ws, $0, width: width) })
            return
        }
        Output.printTable(
            header: ["SENTENCE", "IN CONTEXT", "WHY"],
            rows: mentions.map { m in
                [m.sentence.description, ws.keywordInContext(m.span, sentence: m.sentence, width: width), m.reason.explanation]
            })
    }
}

/// The `polex mentions --json` document without its `mentions`, which `JSONStreamWriter` adds.
struct MentionListJSON: Encodable {
    var actor: ActorRefJSON
}

struct MentionJSON: Encodable {
    struct Reason: Encodable {
        /// `alias`, `demonym`, `surname`, `unique-surname` or `discovered`.
        var kind: String
        /// The alias or demonym as the dictionary writes it.
        var form: String?
        /// The discovery rule.
        var rule: String?
        /// For a surname: the sentence-independent span of the full mention it refers back to.
        var fullMention: [Int]?
        var explanation: String
    }
    var sentence: String
    var document: String
    var start: Int
    var end: Int
    var text: String
    var context: String
    var reason: Reason

    init(_ ws: Workspace, _ m: Mention, width: Int) {
        let doc = ws.document(m.sentence.document)
        sentence = m.sentence.description
        document = doc.path
        start = Int(m.span.start)
        end = Int(m.span.end)
        text = Output.singleLine(String(doc.text(m.span)))
        context = ws.keywordInContext(m.span, sentence: m.sentence, width: width)
        switch m.reason {
        case .alias(let a): reason = Reason(kind: "alias", form: a, explanation: m.reason.explanation)
        case .demonym(let d): reason = Reason(kind: "demonym", form: d, explanation: m.reason.explanation)
        case .surname(let full):
            reason = Reason(kind: "surname", fullMention: [Int(full.start), Int(full.end)], explanation: m.reason.explanation)
        case .uniqueSurname(let s): reason = Reason(kind: "unique-surname", form: s, explanation: m.reason.explanation)
        case .discovered(let rule): reason = Reason(kind: "discovered", rule: rule, explanation: m.reason.explanation)
        }
    }
}
