import ArgumentParser
import Foundation
import PolicyIndex

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Corpus figures, skipped files and how long each stage took.")

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let ws = try corpus.openWorkspace()
        let stats = StatsJSON(ws)
        if json {
            try Output.printJSON(stats)
            return
        }
        var pairs: [(String, String)] = [
            ("documents", String(stats.documents)),
            ("sentences", String(stats.sentences)),
            ("paragraphs", String(stats.paragraphs)),
            ("tokens", String(stats.tokens)),
            ("distinct terms", String(stats.distinctTerms)),
            ("bytes read", String(stats.bytes)),
            ("boilerplate", "\(stats.boilerplateSentences) sentences, \(String(format: "%.1f", stats.boilerplateShare * 100))% of tokens"),
            ("actors", "\(stats.actors) (\(stats.mentions) mentions)"),
            ("relations", String(stats.relations)),
            ("quotes", String(stats.quotes)),
            ("timeline", "\(stats.temporalExpressions) dates, \(stats.events) events"),
            ("skipped files", String(stats.skipped.count)),
            ("warnings", String(stats.warnings.count)),
            ("index snapshot", stats.snapshot + (stats.snapshotDetail.map { " (\($0))" } ?? "")),
        ]
        for stage in ws.timings.stages { pairs.append(("\(stage.name) time", String(format: "%.3f s", stage.seconds))) }
        pairs.append(("index memory", Output.megabytes(stats.indexBytes)))
        pairs.append(("peak memory", Output.megabytes(stats.peakRSSBytes)))
        Output.printPairs(pairs)
        for s in stats.skipped { print("skipped \(Output.singleLine(s.path))\(s.line.map { ":\($0)" } ?? ""): \(Output.singleLine(s.reason))") }
    }
}

struct StatsJSON: Encodable {
    struct Issue: Encodable {
        var path: String
        var line: Int?
        var reason: String
    }
    var documents: Int
    var sentences: Int
    var paragraphs: Int
    var tokens: Int
    var contentTokens: Int
    var distinctTerms: Int
    /// Bytes of the files (or JSON lines) read.
    var bytes: Int
    /// Bytes of cleaned text held in memory.
    var textBytes: Int
    var boilerplateSentences: Int
    /// Share of tokens that sit in boilerplate sentences, 0…1.
    var boilerplateShare: Double
    var skipped: [Issue]
    var warnings: [Issue]
    var actors: Int
    var mentions: Int
    var relations: Int
    var quotes: Int
    var temporalExpressions: Int
    var events: Int
    /// Seconds per stage, by stage name.
    var timings: [String: Double]
    var totalSeconds: Double
    var indexBytes: Int
    var peakRSSBytes: Int
    /// `loaded`, `written`, `rebuilt` or `none`: what happened to the index snapshot.
    var snapshot: String
    /// Why no snapshot was used or written, when there is a reason to give.
    var snapshotDetail: String?

    init(_ ws: Workspace) {
        let docs = ws.documents
        documents = docs.count
        sentences = docs.reduce(0) { $0 + $1.sentences.count }
        paragraphs = docs.reduce(0) { $0 + $1.paragraphs.count }
        tokens = ws.textIndex.tokenCount
        contentTokens = ws.textIndex.contentTokenCount
        distinctTerms = ws.textIndex.distinctTerms
        bytes = docs.reduce(0) { $0 + $1.byteCount }
        textBytes = docs.reduce(0) { $0 + $1.text.utf8.count }
        boilerplateSentences = docs.reduce(0) { acc, d in acc + d.sentences.reduce(0) { $0 + ($1.isBoilerplate ? 1 : 0) } }
        boilerplateShare = tokens == 0 ? 0 : (Double(tokens - contentTokens) / Double(tokens) * 10_000).rounded() / 10_000
        func issues(_ severity: LoadIssue.Severity) -> [Issue] {
            ws.issues.filter { $0.severity == severity }.map { Issue(path: $0.path, line: $0.line, reason: $0.reason) }
        }
        skipped = issues(.skipped)
        warnings = issues(.warning)
        actors = ws.actors.mentionsByActor.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        mentions = ws.actors.mentions.count
        relations = ws.actors.relations.count
        quotes = ws.actors.quotes.count
        temporalExpressions = ws.timeline.expressions.count
        events = ws.timeline.events.count
        var t: [String: Double] = [:]
        for s in ws.timings.stages { t[s.name, default: 0] += (s.seconds * 10_000).rounded() / 10_000 }
        timings = t
        totalSeconds = (ws.timings.total * 10_000).rounded() / 10_000
        indexBytes = ws.textIndex.memoryFootprint
        peakRSSBytes = ProcessMemory.peakResidentBytes
        snapshot = ws.snapshot.status.rawValue
        snapshotDetail = ws.snapshot.detail
    }
}
