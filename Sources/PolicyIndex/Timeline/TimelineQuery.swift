/// Filters and counts over the timeline, for the explorer's pane and `polex timeline`.

/// One bar of a histogram: a year or a month and how many events start in it.
public struct TimelineBin: Hashable, Sendable {
    public var period: PartialDate
    public var count: Int
    public init(period: PartialDate, count: Int) {
        self.period = period
        self.count = count
    }
}

/// What to keep of the timeline: any of some actors, and a span of days.
public struct TimelineFilter: Hashable, Sendable {
    /// Keep events naming at least one of these actors; nil keeps all.
    public var actors: Set<ActorRef>?
    /// Keep events whose interval overlaps these days; nil keeps all.
    public var days: Range<Int>?
    public init(actors: Set<ActorRef>? = nil, days: Range<Int>? = nil) {
        self.actors = actors
        self.days = days
    }

    /// Days from the start of `from` to the end of `to` (either may be open).
    public init(actors: Set<ActorRef>? = nil, from: PartialDate?, to: PartialDate?) {
        self.actors = actors
        if from == nil && to == nil {
            days = nil
        } else {
            days = (from?.firstDay ?? Int.min / 2)..<(to?.endDay ?? Int.max / 2)
        }
    }

    public func keeps(_ event: TimelineEvent) -> Bool {
        if let want = actors, want.isDisjoint(with: event.entries.lazy.flatMap(\.actors)) { return false }
        if let d = days {
            guard let r = event.interval, r.overlaps(d) else { return false }
        }
        return true
    }
}

extension Timeline {
    public func events(matching filter: TimelineFilter) -> [TimelineEvent] { events.filter(filter.keeps) }

    public func events(involving actor: ActorRef) -> [TimelineEvent] {
        events(matching: TimelineFilter(actors: [actor]))
    }

    /// Events whose interval overlaps `days` (days since 1970-01-01).
    public func events(overlapping days: Range<Int>) -> [TimelineEvent] {
        events(matching: TimelineFilter(days: days))
    }

    /// Events with an entry from `document`.
    public func events(in document: DocumentID) -> [TimelineEvent] {
        events.filter { $0.entries.contains { $0.document == document } }
    }

    /// The index in `events` of the event that holds an entry for `sentence`, if any.
    public func eventIndex(for sentence: SentenceID) -> Int? {
        events.firstIndex { $0.entries.contains { $0.sentence == sentence } }
    }

    /// Events counted per year or per month of their start, every period from the
    /// first to the last present (empty ones with 0). For months, events coarser
    /// than a month are left out: a year-only date says nothing about its January.
    public static func histogram(of events: [TimelineEvent], per grain: TimeGrain) -> [TimelineBin] {
        let byMonth = grain <= .month
        var counts: [Int: Int] = [:]
        for e in events {
            guard let start = e.interval?.lowerBound else { continue }
            if byMonth && e.grain > .month { continue }
            let c = DayNumber.civil(start)
            counts[byMonth ? CalendarMath.monthIndex(year: c.year, month: c.month) : c.year, default: 0] += 1
        }
        guard let lo = counts.keys.min(), let hi = counts.keys.max() else { return [] }
        return (lo...hi).map { k in
            TimelineBin(period: byMonth ? CalendarMath.month(fromIndex: k) : PartialDate(year: k), count: counts[k] ?? 0)
        }
    }

    public func histogram(per grain: TimeGrain) -> [TimelineBin] { Self.histogram(of: events, per: grain) }
}

extension TimelineEvent {
    /// The first day of the event, as a date at day precision.
    public var startDay: PartialDate? { interval.map { CalendarMath.dayDate($0.lowerBound) } }
    public var documents: [DocumentID] { Array(Set(entries.map(\.document))).sorted() }
}
