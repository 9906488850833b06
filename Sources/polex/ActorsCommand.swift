import ArgumentParser
import Foundation
import PolicyIndex

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors", abstract: "List the actors of the corpus, most mentioned first.",
        discussion: """
            Dictionary actors and discovered ones (names no dictionary knows, found by role and \
            speech cues). With --candidates, list recurring unknown names as dictionary entries \
            to paste into .polex/actors.yaml.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Only actors of this kind: country, person, organization, topic.")
    var kind: ActorKind?

    @Flag(help: "List recurring names that no dictionary knows, as YAML entries.")
    var candidates = false

    @Flag(help: "Include dictionary actors that the corpus never mentions.")
    var all = false

    @Option(help: "Show at most this many.")
    var limit: Int?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let ws = try corpus.openWorkspace()
        if candidates {
            try printCandidates(ws)
            return
        }
        let a = ws.actors
        var rows = a.actors.indices.map { ActorRef($0) }.filter { r in
            (all || !a.mentionsByActor[r.index].isEmpty) && (kind == nil || a.actor(r).kind == kind)
        }
        rows.sort { x, y in
            let (m, n) = (a.mentionsByActor[x.index].count, a.mentionsByActor[y.index].count)
            return m != n ? m > n : x < y
        }
        if let limit { rows = Array(rows.prefix(max(0, limit))) }
        let records = rows.map { ActorJSON(ws, $0) }
        if json {
            try Output.printJSON(ActorListJSON(actors: records))
            return
        }
        Output.printTable(
            header: ["ACTOR", "KIND", "MENTIONS", "DOCS", "ID", "SEEN AS"],
            rows: records.map { r in
                [
                    r.name + (r.discovered ? " *" : ""), r.kind, String(r.mentions), String(r.documents), r.id,
                    r.aliasesSeen.prefix(4).map { "\($0.text) (\($0.count))" }.joined(separator: ", "),
                ]
            })
        if records.contains(where: \.discovered) {
            Stderr.print("* discovered: no dictionary knows this name (see `polex actors --candidates`)")
        }
    }

    private func printCandidates(_ ws: Workspace) throws {
        var list = ws.actors.candidates.filter { kind == nil || $0.kind == kind }
        if let limit { list = Array(list.prefix(max(0, limit))) }
        if json {
            try Output.printJSON(
                CandidateListJSON(
                    candidates: list.map { c in
                        CandidateJSON(
                            name: c.name, id: CandidateYAML.slug(c.name), kind: c.kind.rawValue, mentions: c.count,
                            documents: c.documentCount, discovered: c.isDiscovered, example: c.example.description,
                            exampleText: ws.sentenceLine(c.example))
                    }))
            return
        }
        if list.isEmpty {
            print("# no recurring unknown names")
            return
        }
        print("# Recurring names that no dictionary knows. Check each, fix its kind, and paste")
        print("# the ones you want into .polex/actors.yaml (beside your articles).")
        for c in list { print(CandidateYAML.entry(c, example: ws.sentenceLine(c.example))) }
    }
}

extension ActorKind: ExpressibleByArgument {}

/// A candidate as a dictionary entry the user can paste.
enum CandidateYAML {
    static func entry(_ c: ActorCandidate, example: String) -> String {
        let shown = example.count > 100 ? String(example.prefix(99)) + "…" : example
        return """

            # \(c.count) mention\(c.count == 1 ? "" : "s") in \(c.documentCount) document\(c.documentCount == 1 ? "" : "s")\
            \(c.isDiscovered ? ", already listed as discovered" : ""); \(c.example): \(shown)
            - id: \(slug(c.name))
              name: \(quoted(c.name))
              kind: \(c.kind.rawValue)
              aliases: []
            """
    }

    /// `Wang Yi` → `wang-yi`.
    static func slug(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out
    }

    /// Quotes a YAML scalar when plain style would change its meaning.
    static func quoted(_ s: String) -> String {
        let plain = s.first.map { $0.isLetter } ?? false
            && !s.contains(where: { ":#[]{},&*!|>'\"%@`".contains($0) })
        return plain ? s : "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

struct ActorListJSON: Encodable {
    var actors: [ActorJSON]
}

struct ActorJSON: Encodable {
    struct Seen: Encodable {
        var text: String
        var count: Int
    }
    struct Role: Encodable {
        var title: String
        var from: String?
        var to: String?
    }
    var id: String
    var name: String
    var kind: String
    var discovered: Bool
    var mentions: Int
    var documents: Int
    var aliasesSeen: [Seen]
    var affiliation: String?
    var roles: [Role]
    var origin: String?

    init(_ ws: Workspace, _ r: ActorRef) {
        let a = ws.actors.actor(r)
        id = a.id
        name = a.name
        kind = a.kind.rawValue
        discovered = a.isDiscovered
        mentions = ws.actors.mentionsByActor[r.index].count
        documents = ws.actors.documentCount(of: r)
        aliasesSeen = ws.actors.surfaceForms(of: r, in: ws.documents).map { Seen(text: Output.singleLine($0.text), count: $0.count) }
        affiliation = a.affiliation
        roles = a.roles.map { Role(title: $0.title, from: $0.from?.iso, to: $0.to?.iso) }
        origin = a.origin
    }
}

struct CandidateListJSON: Encodable {
    var candidates: [CandidateJSON]
}

struct CandidateJSON: Encodable {
    var name: String
    var id: String
    var kind: String
    var mentions: Int
    var documents: Int
    var discovered: Bool
    var example: String
    var exampleText: String
}
