import ArgumentParser
import Foundation
import PolicyIndex

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List dated events in time order, with their sources and actors.",
        discussion: """
            Each event is a date found in the text (normalised to its own precision) with the \
            clause around it; the same date with overlapping actors in several documents is one \
            event with several sources.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .customLong("actor"), help: "Only events naming this actor (id, name or alias); may be repeated.")
    var actorNames: [String] = []

    @Option(help: ArgumentHelp("Only events that reach into or after this date.", valueName: "YYYY[-MM[-DD]]"))
    var from: String?

    @Option(help: ArgumentHelp("Only events that start on or before this date.", valueName: "YYYY[-MM[-DD]]"))
    var to: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let v = value, Self.parseDate(v) == nil {
                throw ValidationError("\(name) expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not '\(v)'")
            }
        }
        if let f = from.flatMap(Self.parseDate), let t = to.flatMap(Self.parseDate), f.firstDay >= t.endDay {
            throw ValidationError("--from \(f.iso) is after --to \(t.iso)")
        }
    }

    /// `2020`, `2020-11`, `2020-11-12` and nothing else (no trailing time, no other separators).
    static func parseDate(_ s: String) -> PartialDate? {
        let lengths = [4, 7, 10]
        guard lengths.contains(s.count), s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        guard let d = PartialDate(iso: s), d.iso == s else { return nil }
        if let m = d.month, let day = d.day, day > DayNumber.daysInMonth(year: d.year, month: m) { return nil }
        return d
    }

    func run() throws {
        let ws = try corpus.openWorkspace()
        var refs: Set<ActorRef>?
        if !actorNames.isEmpty {
            refs = []
            for name in actorNames {
                guard let r = ws.actors.actor(named: name) else {
                    let hint = ws.actors.suggestions(for: name).map { ws.actors.actor($0).name }
                    throw ValidationError(
                        "no actor named '\(name)'" + (hint.isEmpty ? "" : "; did you mean \(hint.joined(separator: ", "))?"))
                }
                refs?.insert(r)
            }
        }
        let filter = TimelineFilter(actors: refs, from: from.flatMap(Self.parseDate), to: to.flatMap(Self.parseDate))
        let events = ws.timeline.events(matching: filter)
        if json {
            try TimelineJSON.print(ws, events: events, filter: filter, actorNames: actorNames, from: from, to: to)
        } else {
            printTable(ws, events)
        }
    }

    private func printTable(_ ws: Workspace, _ events: [TimelineEvent]) {
        let rows = events.map { e -> [String] in
            let names = e.actors.map { ws.actors.actor($0).name }
            let shown = names.count > 3 ? names.prefix(3).joined(separator: ", ") + " +\(names.count - 3)" : names.joined(separator: ", ")
            return [e.displayDate, String(e.sourceCount), shown.isEmpty ? "-" : shown, ws.label(of: e.primary)]
        }
        Output.printTable(header: ["DATE", "SOURCES", "ACTORS", "EVENT"], rows: rows)
        let undated = ws.timeline.undatedDocuments
        let documents = Set(events.flatMap(\.documents)).count
        var summary = "\(events.count) event\(events.count == 1 ? "" : "s") from \(documents) document\(documents == 1 ? "" : "s")"
        if !undated.isEmpty {
            let paths = undated.prefix(3).map { ws.document($0).path }.joined(separator: ", ")
            summary += "; date unknown for \(undated.count) (\(paths)\(undated.count > 3 ? ", …" : "")): their relative dates are not placed"
        }
        FileHandle.standardOutput.write(Data(("\n" + Output.singleLine(summary) + "\n").utf8))
    }
}
