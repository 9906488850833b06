import PolicyIndex

/// The global focus that narrows all three panes (linked views).
public enum Filter: Hashable, Sendable {
    case actor(ActorRef)
    case relation(ActorRef, ActorRef)
    /// A period, as days since 1970 (half-open), with the label the reader picked.
    case dates(Range<Int>, label: String)
    /// One article: its actors and its events.
    case document(DocumentID)

    public func label(_ model: ExplorerModel) -> String {
        switch self {
        case .actor(let a): return "actor \(model.actor(a).name)"
        case .relation(let a, let b): return "relation \(model.actor(a).name) – \(model.actor(b).name)"
        case .dates(_, let label): return "dates \(label)"
        case .document(let d):
            let doc = model.document(d)
            return "article \(doc.title.isEmpty ? doc.path : doc.title)"
        }
    }
}

/// The lists each pane shows under a filter, computed once when the filter,
/// the sort, the kind filter or the roll-up changes.
public struct FilteredLists: Hashable, Sendable {
    public var articles: [DocumentID] = []
    public var actors: [ActorRef] = []
    /// Indexes into `workspace.timeline.events`, in time order.
    public var events: [Int] = []
    public var timelineRows: [TimelineRow] = []
    /// Dated events per month across the listed events, counted once per filter
    /// change so that drawing the histogram strip does not walk every event.
    public var histogram = MonthHistogram()
    public init() {}
}

/// Event counts per calendar month (months counted as `year * 12 + month - 1`).
public struct MonthHistogram: Hashable, Sendable {
    public var firstMonth = 0
    /// `counts[i]` is the number of events starting in month `firstMonth + i`.
    public var counts: [Int] = []
    public var total = 0
    public init() {}

    public init(startDays: some Sequence<Int>) {
        self.init(months: startDays.map(MonthHistogram.monthIndex))
    }

    /// From month indexes (`year * 12 + month - 1`), one per event.
    public init(months: [Int]) {
        guard let lo = months.min(), let hi = months.max() else { return }
        firstMonth = lo
        counts = Array(repeating: 0, count: hi - lo + 1)
        for m in months { counts[m - lo] += 1 }
        total = months.count
    }

    public var monthCount: Int { counts.count }

    public static func monthIndex(_ day: Int) -> Int {
        let c = DayNumber.civil(day)
        return c.year * 12 + c.month - 1
    }
}

/// One row of the timeline list: a year or month heading, or an event.
public enum TimelineRow: Hashable, Sendable {
    case year(Int, count: Int)
    case month(year: Int, month: Int, count: Int)
    case undated(count: Int)
    case event(Int)
}

extension ExplorerModel {
    func articles(for filter: Filter?, table: ActorTable) -> [DocumentID] {
        guard let filter else { return documentOrder }
        switch filter {
        case .actor(let a):
            return sortedByRank(table.documents[table.representative[a.index].index])
        case .relation(let a, let b):
            let key = relation(a, b, table: table)
            return sortedByRank(Set(key.map { table.relations[$0].evidence.map(\.sentence.document) } ?? []))
        case .dates(let range, _):
            var ids = Set<DocumentID>()
            for e in events(for: filter, table: table) { for entry in events[e].entries { ids.insert(entry.document) } }
            for (i, d) in workspace.documents.enumerated() {
                if let date = d.date?.date, date.firstDay < range.upperBound, date.endDay > range.lowerBound { ids.insert(DocumentID(i)) }
            }
            return sortedByRank(ids)
        case .document(let d):
            return [d]
        }
    }

    func actors(for filter: Filter?, table: ActorTable, sort: ActorSort, kind: ActorKind?) -> [ActorRef] {
        var ordered = table.ordered(sort)
        if let kind { ordered = ordered.filter { self.actor($0).kind == kind } }
        guard let filter else { return ordered }
        var keep = Set<ActorRef>()
        switch filter {
        case .actor(let a):
            let r = table.representative[a.index]
            keep.insert(r)
            for k in table.relationsOf[r.index] { keep.insert(table.relations[k].other(than: r)) }
        case .relation(let a, let b):
            keep = [table.representative[a.index], table.representative[b.index]]
        case .dates:
            for d in articles(for: filter, table: table) { for m in mentions(in: d) { keep.insert(table.representative[m.actor.index]) } }
        case .document(let d):
            for m in mentions(in: d) { keep.insert(table.representative[m.actor.index]) }
        }
        return ordered.filter { keep.contains($0) }
    }

    func events(for filter: Filter?, table: ActorTable) -> [Int] {
        guard let filter else { return Array(events.indices) }
        switch filter {
        case .actor(let a):
            return table.events[table.representative[a.index].index]
        case .relation(let a, let b):
            let other = Set(table.events[table.representative[b.index].index])
            return table.events[table.representative[a.index].index].filter { other.contains($0) }
        case .dates(let range, _):
            return eventPlaces.indices.filter { eventPlaces[$0].overlaps(range) }
        case .document(let d):
            return eventsByDocument[d.index]
        }
    }

    /// The relation between two actors in a table, if any.
    func relation(_ a: ActorRef, _ b: ActorRef, table: ActorTable) -> Int? {
        let ra = table.representative[a.index]
        let rb = table.representative[b.index]
        return table.relationsOf[ra.index].first { table.relations[$0].involves(rb) && table.relations[$0].other(than: ra) == rb }
    }

    /// Groups events by year and month, headings first.
    func timelineRows(_ indexes: [Int]) -> [TimelineRow] {
        var rows: [TimelineRow] = []
        rows.reserveCapacity(indexes.count + indexes.count / 8)
        var undated: [Int] = []
        var i = 0
        // Events come in time order, undated ones anywhere: a year's run is
        // the events up to the next dated one of another year.
        let dated = indexes.filter { i in
            if eventPlaces[i].isDated { return true }
            undated.append(i)
            return false
        }
        var yearLevel: [Int] = []
        var monthRows: [TimelineRow] = []
        var pendingMonth: [Int] = []
        while i < dated.count {
            let y = eventPlaces[dated[i]].year
            var j = i
            while j < dated.count, eventPlaces[dated[j]].year == y { j += 1 }
            rows.append(.year(Int(y), count: j - i))
            // Events at year precision (or coarser) come first, then each month.
            yearLevel.removeAll(keepingCapacity: true)
            monthRows.removeAll(keepingCapacity: true)
            pendingMonth.removeAll(keepingCapacity: true)
            var currentMonth: UInt8 = 0
            func closeMonth() {
                guard currentMonth != 0 else { return }
                monthRows.append(.month(year: Int(y), month: Int(currentMonth), count: pendingMonth.count))
                for e in pendingMonth { monthRows.append(.event(e)) }
            }
            for k in i..<j {
                let e = dated[k]
                let place = eventPlaces[e]
                if place.coarse {
                    yearLevel.append(e)
                } else {
                    if place.month != currentMonth {
                        closeMonth()
                        currentMonth = place.month
                        pendingMonth.removeAll(keepingCapacity: true)
                    }
                    pendingMonth.append(e)
                }
            }
            closeMonth()
            for e in yearLevel { rows.append(.event(e)) }
            rows += monthRows
            i = j
        }
        if !undated.isEmpty {
            rows.append(.undated(count: undated.count))
            for e in undated { rows.append(.event(e)) }
        }
        return rows
    }
}
