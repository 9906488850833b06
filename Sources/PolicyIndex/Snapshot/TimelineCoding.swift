struct ExpressionRecord: BitwiseCopyable {
    var intervalStart: Int64
    var intervalEnd: Int64
    var document: Int32
    var sentence: Int32
    var start: Int32
    var end: Int32
    var text: Int32
    var value: Int32
    var anchorStart: Int32
    var anchorEnd: Int32
    var grain: UInt8
    /// `TimeModifier` code + 1, 0 for none.
    var modifier: UInt8
    /// 0 none, 1 document date, 2 earlier date (with the anchor span).
    var anchor: UInt8
    /// 1 has an interval, 2 is a range.
    var flags: UInt8
    var pad: UInt32 = 0
}

struct EntryRecord: BitwiseCopyable {
    /// Index into the stored expressions.
    var expression: Int32
    var document: Int32
    var sentence: Int32
    var firstActor: UInt32
    var actorCount: UInt32
}

/// The timeline: every expression once; entries name their expression by
/// number, and events their entries (stored in event order). Decoding gives
/// all entries one shared expression table, as the build does.
enum TimelineCoding {
    static func encode(_ t: Timeline, strings: inout StringTable, into w: inout SnapshotWriter) {
        // Entries are stored in event order, each event's own in turn, so an
        // event names its entries by consecutive numbers and nothing has to be
        // looked up; records go out in batches (a million entries at 50,000
        // articles).
        var table = t.expressions
        let ranges = t.documentExpressionRanges
        let events = t.events
        // Each entry's expression number: its own when its table is the
        // timeline's list; else found among its document's expressions.
        var numbers: [Int32] = []
        numbers.reserveCapacity(events.reduce(0) { $0 + $1.entries.count })
        for event in events {
            for entry in event.entries {
                if let n = entry.number(inSameStorageAs: t.expressions) {
                    numbers.append(Int32(n))
                    continue
                }
                let e = entry.expression
                let d = e.sentence.document.index
                if d >= 0, d < ranges.count, let k = table[ranges[d]].firstIndex(of: e) {
                    numbers.append(Int32(k))
                } else {
                    // Not among the timeline's expressions (no build does this today): stored as an extra.
                    numbers.append(Int32(table.count))
                    table.append(e)
                }
            }
        }
        w.append(UInt64(t.expressions.count))
        w.append(count: table.count) { put in for e in table { put(expressionRecord(e, &strings)) } }
        w.append(UInt64(numbers.count))
        w.append(count: numbers.count) { put in
            var k = 0
            var firstActor: UInt32 = 0
            for event in events {
                for e in event.entries {
                    put(
                        EntryRecord(
                            expression: numbers[k], document: e.sentence.document.raw, sentence: e.sentence.index,
                            firstActor: firstActor, actorCount: UInt32(e.actors.count)))
                    firstActor += UInt32(e.actors.count)
                    k += 1
                }
            }
        }
        w.append(count: events.reduce(0) { $0 + $1.entries.reduce(0) { $0 + $1.actors.count } }) { put in
            for event in events { for e in event.entries { for a in e.actors { put(a.raw) } } }
        }
        w.append(array: events.map { UInt32($0.entries.count) })
        w.append(count: numbers.count) { put in for k in 0..<numbers.count { put(Int32(k)) } }
        w.append(array: t.undatedDocuments.map(\.raw))
        w.append(array: ranges.map { Int64($0.lowerBound) << 32 | Int64($0.upperBound) })
    }

    private static func expressionRecord(_ e: TemporalExpression, _ strings: inout StringTable) -> ExpressionRecord {
        var anchor: UInt8 = 0
        var anchorSpan = TextSpan(0, 0)
        switch e.anchor {
        case .none: anchor = 0
        case .documentDate: anchor = 1
        case .earlierDate(let s): (anchor, anchorSpan) = (2, s)
        }
        return ExpressionRecord(
            intervalStart: Int64(e.interval?.lowerBound ?? 0), intervalEnd: Int64(e.interval?.upperBound ?? 0),
            document: e.sentence.document.raw, sentence: e.sentence.index, start: e.span.start, end: e.span.end,
            text: strings.number(e.text), value: strings.number(e.value), anchorStart: anchorSpan.start, anchorEnd: anchorSpan.end,
            grain: e.grain.snapshotCode, modifier: e.modifier.map { $0.snapshotCode + 1 } ?? 0, anchor: anchor,
            flags: (e.interval != nil ? 1 : 0) | (e.isRange ? 2 : 0))
    }

    static func decode(_ r: inout SnapshotReader, strings: [String], sentences: SentenceCheck, actorCount: Int) throws(SnapshotProblem)
        -> Timeline
    {
        let expressionCount = try r.readInt()
        var table: [TemporalExpression] = []
        let expressionRecords = try r.readRecords(ExpressionRecord.self)
        guard expressionCount >= 0, expressionCount <= expressionRecords.count else { throw .corrupt("expressions miscounted") }
        table.reserveCapacity(expressionRecords.count)
        try r.forEachGivingBack(expressionRecords) { x throws(SnapshotProblem) in
            let anchor: TimeAnchor
            switch x.anchor {
            case 0: anchor = .none
            case 1: anchor = .documentDate
            case 2: anchor = .earlierDate(try sentences.span(x.anchorStart, x.anchorEnd, in: x.document))
            default: throw .corrupt("unknown time anchor")
            }
            // Views turn interval days into calendar dates: a damaged day number would overflow there.
            guard x.flags & 1 == 0 || (x.intervalStart <= x.intervalEnd && SnapshotNumbers.days.contains(x.intervalStart)
                && SnapshotNumbers.days.contains(x.intervalEnd))
            else { throw .corrupt("interval out of range") }
            table.append(
                TemporalExpression(
                    sentence: try sentences.id(x.document, x.sentence), span: try sentences.span(x.start, x.end, in: x.document),
                    text: try strings.string(x.text), value: try strings.string(x.value), grain: try TimeGrain.fromSnapshot(x.grain),
                    modifier: x.modifier == 0 ? nil : try TimeModifier.fromSnapshot(x.modifier - 1), anchor: anchor,
                    interval: x.flags & 1 == 0 ? nil : Int(x.intervalStart)..<Int(x.intervalEnd), isRange: x.flags & 2 != 0))
        }
        let entryCount = try r.readInt()
        let entryRecords = try r.readRecords(EntryRecord.self)
        let actors = try r.readRecords(Int32.self)
        guard entryCount >= 0, entryCount <= entryRecords.count else { throw .corrupt("entries miscounted") }
        guard actors.allSatisfy({ $0 >= 0 && Int($0) < actorCount }) else { throw .corrupt("actor number out of range") }
        // The entries share the table, extra expressions included.
        let shared = ExpressionTable(table)
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(entryRecords.count)
        try r.forEachGivingBack(entryRecords) { e throws(SnapshotProblem) in
            guard e.expression >= 0, Int(e.expression) < table.count, Int(e.firstActor) + Int(e.actorCount) <= actors.count else {
                throw .corrupt("timeline entry out of range")
            }
            let refs = actors[Int(e.firstActor)..<(Int(e.firstActor) + Int(e.actorCount))].map { ActorRef(Int($0)) }
            entries.append(
                TimelineEntry(
                    table: shared, expression: Int(e.expression), sentence: try sentences.id(e.document, e.sentence), actors: refs))
        }
        r.giveBack(actors)
        let eventSizes = try r.readRecords(UInt32.self)
        let eventEntries = try r.readRecords(Int32.self)
        guard eventSizes.reduce(0, { $0 + Int($1) }) == eventEntries.count,
            eventEntries.allSatisfy({ $0 >= 0 && Int($0) < entries.count })
        else { throw .corrupt("timeline events miscounted") }
        var events: [TimelineEvent] = []
        events.reserveCapacity(eventSizes.count)
        var at = 0
        for n in eventSizes {
            guard n > 0 else { throw .corrupt("empty timeline event") }
            events.append(TimelineEvent(entries: eventEntries[at..<(at + Int(n))].map { entries[Int($0)] }))
            at += Int(n)
        }
        let undated = try r.readRecords(Int32.self)
        var undatedDocuments: [DocumentID] = []
        for d in undated { undatedDocuments.append(try sentences.document(d)) }
        var ranges: [Range<Int>] = []
        for packed in try r.readRecords(Int64.self) {
            let lo = Int(packed >> 32)
            let hi = Int(packed & 0xFFFF_FFFF)
            guard 0 <= lo, lo <= hi, hi <= expressionCount else { throw .corrupt("expression range out of bounds") }
            ranges.append(lo..<hi)
        }
        // Drop the extra expressions that only entries named (no build makes
        // any): the timeline's list then shares its storage with the entries' table.
        if table.count > expressionCount { table = Array(table[..<expressionCount]) }
        return Timeline(
            expressions: table, events: events, undatedDocuments: undatedDocuments, expressionRanges: ranges)
    }
}
