import PolicyIndex

/// The `polex timeline --json` document (see docs/cli.md): `TimelineJSON`'s
/// fields and then its `events`, which `print` encodes one at a time.
struct TimelineJSON: Encodable {
    struct Filter: Encodable {
        var actors: [String]
        var from: String?
        var to: String?
    }

    struct ActorRefJSON: Encodable {
        var id: String
        var name: String
        var kind: String
    }

    struct Interval: Encodable {
        /// First day covered.
        var start: String
        /// Day after the last day covered (half-open, like every span in polex).
        var end: String
    }

    struct Source: Encodable {
        var document: String
        var path: String
        var documentDate: String?
        var sentence: String
        var text: String
        var span: [Int]
        var value: String
        var anchor: String
        var label: String
    }

    struct Event: Encodable {
        var date: String
        var value: String
        var grain: String
        var modifier: String?
        var isRange: Bool
        var interval: Interval?
        var label: String
        var actors: [ActorRefJSON]
        var sourceCount: Int
        var sources: [Source]
    }

    struct Bin: Encodable {
        var period: String
        var count: Int
    }

    struct Undated: Encodable {
        var document: String
        var path: String
    }

    var filter: Filter
    var eventCount: Int
    var perYear: [Bin]
    var undatedDocuments: [Undated]

    init(_ ws: Workspace, events: [TimelineEvent], filter: TimelineFilter, actorNames: [String], from: String?, to: String?) {
        self.filter = Filter(actors: actorNames, from: from, to: to)
        eventCount = events.count
        perYear = Timeline.histogram(of: events, per: .year).map { Bin(period: $0.period.iso, count: $0.count) }
        undatedDocuments = ws.timeline.undatedDocuments.map { Undated(document: $0.description, path: ws.document($0).path) }
    }

    /// Prints the document, the events one at a time.
    static func print(
        _ ws: Workspace, events: [TimelineEvent], filter: TimelineFilter, actorNames: [String], from: String?, to: String?
    ) throws {
        let head = TimelineJSON(ws, events: events, filter: filter, actorNames: actorNames, from: from, to: to)
        try JSONStreamWriter.print(head, array: "events", events.lazy.map { event(ws, $0) })
    }
}

extension TimelineJSON {
    static func event(_ ws: Workspace, _ e: TimelineEvent) -> Event {
        Event(
            date: e.displayDate, value: e.value, grain: e.grain.rawValue, modifier: e.primary.expression.modifier?.rawValue,
            isRange: e.primary.expression.isRange,
            interval: e.interval.map { Interval(start: iso($0.lowerBound), end: iso($0.upperBound)) },
            label: ws.label(of: e.primary),
            actors: e.actors.map { r in
                let a = ws.actors.actor(r)
                return ActorRefJSON(id: a.id, name: a.name, kind: a.kind.rawValue)
            },
            sourceCount: e.sourceCount,
            sources: e.entries.map { s in
                let doc = ws.document(s.document)
                return Source(
                    document: s.document.description, path: doc.path, documentDate: doc.date?.date.iso,
                    sentence: s.sentence.description, text: s.expression.text,
                    span: [Int(s.expression.span.start), Int(s.expression.span.end)], value: s.expression.value,
                    anchor: anchor(s.expression.anchor), label: s.label(in: doc))
            })
    }

    static func iso(_ day: Int) -> String {
        let c = DayNumber.civil(day)
        return PartialDate(year: c.year, month: c.month, day: c.day).iso
    }

    static func anchor(_ a: TimeAnchor) -> String {
        switch a {
        case .none: "none"
        case .documentDate: "document-date"
        case .earlierDate(let s): "earlier-date:\(s.start)-\(s.end)"
        }
    }
}
