import ArgumentParser
import Foundation
import PolicyIndex

struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations", abstract: "List relations between actors, strongest first, with their evidence.",
        discussion: """
            Two actors named in one sentence are related by it. Each sentence is classed by its cue \
            word (see data/relations.yaml) and has a tone from -10 (conflict) to +10 (cooperation).
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Only relations of this actor (id, name or alias).")
    var actor: String?

    @Option(name: .customLong("min-weight"), help: "Only relations with at least this many sentences of evidence.")
    var minWeight = 1

    @Flag(name: .customLong("roll-up"), help: "Count persons as their country or organisation (Biden → United States).")
    var rollUp = false

    @Option(help: "Show at most this many.")
    var limit: Int?

    @Flag(help: "Print JSON (with the evidence of each relation).")
    var json = false

    func run() throws {
        let ws = try corpus.openWorkspace()
        let analysis = rollUp ? ws.actors.rolledUp() : ws.actors
        var relations = analysis.relations.filter { $0.evidence.count >= minWeight }
        if let actor {
            let named = try ActorArgument.resolve(actor, in: analysis)
            let ref = rollUp ? analysis.rollUpTarget(named) : named
            relations = relations.filter { $0.involves(ref) }
        }
        if let limit { relations = Array(relations.prefix(max(0, limit))) }
        if json {
            // The relations are encoded one at a time (see `JSONStreamWriter`).
            try JSONStreamWriter.print(
                RelationListJSON(rolledUp: rollUp), array: "relations", relations.lazy.map { RelationJSON(ws, analysis, $0) })
            return
        }
        Output.printTable(
            header: ["RELATION", "EVIDENCE", "DOCS", "TONE", "CLASSES", "FIRST", "LAST"],
            rows: relations.map { r in
                [
                    "\(analysis.actor(r.a).name) — \(analysis.actor(r.b).name)", String(r.evidence.count),
                    String(r.documentCount), Self.tone(r.tone), Self.classes(r.classCounts), r.firstDate?.iso ?? "-",
                    r.lastDate?.iso ?? "-",
                ]
            })
    }

    static func tone(_ t: Double) -> String {
        let s = String(format: "%.1f", t)
        return t > 0 ? "+" + s : s
    }

    /// `conflict 2, cooperation 5` in the scale's order, with short names.
    static func classes(_ counts: [RelationClass: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\(short($0.key)) \($0.value)" }.joined(separator: ", ")
    }

    static func short(_ c: RelationClass) -> String {
        switch c {
        case .materialConflict: "mat-conf"
        case .verbalConflict: "verb-conf"
        case .neutral: "neutral"
        case .verbalCooperation: "verb-coop"
        case .materialCooperation: "mat-coop"
        }
    }
}

/// The `polex relations --json` document without its `relations`, which follow it.
struct RelationListJSON: Encodable {
    var rolledUp: Bool
}

struct RelationJSON: Encodable {
    struct EvidenceJSON: Encodable {
        var sentence: String
        var document: String
        var date: String?
        var cue: String?
        var cueSpan: [Int]?
        var `class`: String
        var tone: Double
        var negated: Bool
        var hedged: Bool
        var qualifier: String?
        var text: String
    }
    var a: ActorRefJSON
    var b: ActorRefJSON
    var evidenceCount: Int
    var documents: Int
    var tone: Double
    var classCounts: [String: Int]
    var firstDate: String?
    var lastDate: String?
    var evidence: [EvidenceJSON]

    init(_ ws: Workspace, _ analysis: ActorAnalysis, _ r: Relation) {
        a = ActorRefJSON(analysis.actor(r.a))
        b = ActorRefJSON(analysis.actor(r.b))
        evidenceCount = r.evidence.count
        documents = r.documentCount
        tone = (r.tone * 100).rounded() / 100
        classCounts = Dictionary(uniqueKeysWithValues: r.classCounts.map { ($0.key.rawValue, $0.value) })
        firstDate = r.firstDate?.iso
        lastDate = r.lastDate?.iso
        evidence = r.evidence.map { e in
            let doc = ws.document(e.sentence.document)
            return EvidenceJSON(
                sentence: e.sentence.description, document: doc.path, date: doc.date?.date.iso, cue: e.cue,
                cueSpan: e.cueSpan.map { [Int($0.start), Int($0.end)] }, class: e.relationClass.rawValue, tone: e.tone,
                negated: e.negated, hedged: e.hedged, qualifier: e.qualifier, text: ws.sentenceLine(e.sentence))
        }
    }
}
