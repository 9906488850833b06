import Dispatch
import Foundation

/// The dated events of a corpus.
///
/// Every non-boilerplate sentence is tagged for temporal expressions; each
/// expression that resolves to an interval (vague `PAST_REF`/`FUTURE_REF`
/// stretches excepted) becomes a `TimelineEntry`, and entries from different
/// documents with the same value and overlapping actors (or none on either
/// side) become one `TimelineEvent` with several sources.
public struct Timeline: Sendable {
    /// All expressions outside boilerplate, by document and then position in the text.
    public var expressions: [TemporalExpression]
    /// Dated entries in time order (the entries of `events`, which hold them).
    public var entries: [TimelineEntry] {
        get { Self.sortedInTimeOrder(events.flatMap(\.entries)) }
        set { events = Self.group(Self.sortedInTimeOrder(newValue)) }
    }
    /// Events in time order: by the start of their interval, a coarser date
    /// before a finer one that starts on the same day (the year 2020 before
    /// January 2020 before 1 January 2020).
    public var events: [TimelineEvent]
    /// Documents without a known date: their relative expressions stay unresolved.
    public var undatedDocuments: [DocumentID]
    /// For each document, its slice of `expressions`.
    private var expressionRanges: [Range<Int>]

    public init(documents: [Document], actors: ActorAnalysis) {
        self.init(tagged: Self.tag(documents), documents: documents, actors: actors)
    }

    /// The timeline before actors are known: every expression, and the dated
    /// entries without their actors, in document order, with their time order.
    struct Tagging: Sendable {
        var expressions: [TemporalExpression] = []
        var entries: [TaggedEntry] = []
        var ranges: [Range<Int>] = []
        /// The numbers of `entries` in time order.
        var timeOrder: [Int32] = []
    }

    /// An entry before its actors are known: its expression's number in
    /// `Tagging.expressions` (in a document's own list, until it is merged).
    struct TaggedEntry: Sendable {
        var expression: Int32
        var sentence: SentenceID
    }

    /// Tags every document and builds its entries without their actors: the costly
    /// part, which needs no actor analysis and so runs beside it.
    static func tag(_ documents: [Document]) -> Tagging {
        // The documents are scanned in a few rounds, and each round's results
        // are moved into the corpus-wide arrays and freed before the next: at
        // 10,000 articles, holding every document's results beside the final
        // arrays was the peak of the whole build (70 MB of results).
        let n = documents.count
        let rounds = max(1, min(8, n / 512))
        var t = Tagging()
        t.ranges.reserveCapacity(n)
        for round in 0..<rounds {
            let part = (n * round / rounds)..<(n * (round + 1) / rounds)
            var perDocument = Self.parallelMap(documents, part) { doc in Self.scan(doc) }
            if round == 0 {
                // Sized from the first round, with room to spare, so the arrays rarely regrow.
                let scale = Double(n) / Double(max(1, part.count)) * (rounds > 1 ? 1.1 : 1)
                t.expressions.reserveCapacity(Int(Double(perDocument.reduce(0) { $0 + $1.expressions.count }) * scale))
                t.entries.reserveCapacity(Int(Double(perDocument.reduce(0) { $0 + $1.entries.count }) * scale))
            }
            for i in perDocument.indices {
                let start = t.expressions.count
                t.expressions += perDocument[i].expressions
                for e in perDocument[i].entries {
                    t.entries.append(TaggedEntry(expression: e.expression + Int32(start), sentence: e.sentence))
                }
                perDocument[i] = ([], [])
                t.ranges.append(start..<t.expressions.count)
            }
        }
        // Time order needs no actors: sorted here, beside the actor analysis,
        // rather than after it, when nothing else is left to run. The entries
        // stay in document order, in which their actors are looked up.
        let keys = t.entries.map { timeOrder(t.expressions[Int($0.expression)], $0.sentence) }
        t.timeOrder = t.entries.indices.sorted { keys[$0] < keys[$1] }.map { Int32($0) }
        return t
    }

    /// Gives each tagged entry the actors of its sentence, then groups them.
    init(tagged: consuming Tagging, documents: [Document], actors: ActorAnalysis) {
        let mentionIndex = SentenceActors(actors)
        let table = ExpressionTable(tagged.expressions)
        // Looked up in document order, as the mentions are sorted: in time
        // order each lookup lands somewhere else in 4 million mentions at
        // 50,000 articles, and cache misses made it 3 % of the build.
        let actorsOf = tagged.entries.map { mentionIndex.actors(in: $0.sentence) }
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(tagged.entries.count)
        for k in tagged.timeOrder {
            let e = tagged.entries[Int(k)]
            entries.append(TimelineEntry(table: table, expression: Int(e.expression), sentence: e.sentence, actors: actorsOf[Int(k)]))
        }
        tagged.entries = []
        tagged.timeOrder = []
        self.expressions = tagged.expressions
        self.events = Self.group(entries)
        self.undatedDocuments = documents.filter { $0.date == nil }.map(\.id)
        self.expressionRanges = tagged.ranges
    }

    /// A timeline from the parts a snapshot stored (the entries live in `events`).
    init(
        expressions: [TemporalExpression], events: [TimelineEvent], undatedDocuments: [DocumentID],
        expressionRanges: [Range<Int>]
    ) {
        self.expressions = expressions
        self.events = events
        self.undatedDocuments = undatedDocuments
        self.expressionRanges = expressionRanges
    }

    /// Each document's slice of `expressions`, for the snapshot.
    var documentExpressionRanges: [Range<Int>] { expressionRanges }

    /// The expressions of one document, in text order.
    public func expressions(in document: DocumentID) -> ArraySlice<TemporalExpression> {
        guard document.index >= 0, document.index < expressionRanges.count else { return [] }
        return expressions[expressionRanges[document.index]]
    }

    // MARK: Building

    /// A document's expressions and its entries, whose actors `init(tagged:…)` fills in.
    static func scan(_ doc: Document) -> (expressions: [TemporalExpression], entries: [TaggedEntry]) {
        let found = TemporalTagger().expressions(in: doc)
        let metadata = found.isEmpty ? [] : DocumentDater.metadataSpans(of: doc)
        var entries: [TaggedEntry] = []
        var seen: Set<EventKey> = []
        var seenSentence: SentenceID?
        for (k, e) in found.enumerated() where e.interval != nil && e.value != "PAST_REF" && e.value != "FUTURE_REF" {
            guard let s = doc.sentence(e.sentence), !metadata.contains(where: { $0.contains(e.span) }) else { continue }
            // A heading (`Tokyo, 1965`, `The 2010s: pressure and patience`) names a period, not an event.
            if Int(s.paragraph) < doc.paragraphs.count, doc.paragraphs[Int(s.paragraph)].kind == .heading { continue }
            // `BEIJING, Aug. 27 — … met today`: one sentence naming one date twice is one entry.
            if seenSentence != e.sentence {
                seen.removeAll(keepingCapacity: true)
                seenSentence = e.sentence
            }
            guard seen.insert(EventKey(e)).inserted else { continue }
            entries.append(TaggedEntry(expression: Int32(k), sentence: e.sentence))
        }
        return (found, entries)
    }

    /// Time order: interval start, then coarser grain first, ranges before single dates,
    /// then document order. Sorts small keys and then moves each entry once.
    static func sortedInTimeOrder(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        let keys = entries.map { timeOrder($0.expression, $0.sentence) }
        return entries.indices.sorted { keys[$0] < keys[$1] }.map { entries[$0] }
    }

    /// The sort key of an entry in time order.
    static func timeOrder(_ x: TemporalExpression, _ sentence: SentenceID) -> (Int, Int, Int, Int32, Int32, Int32) {
        (x.interval?.lowerBound ?? Int.max, -x.grain.rank, x.isRange ? 0 : 1, sentence.document.raw, sentence.index, x.span.start)
    }

    /// The grouping key: the same date at the same precision, said the same way.
    struct EventKey: Hashable {
        var value: String
        var grain: TimeGrain
        var modifier: TimeModifier?
        var isRange: Bool
        init(_ e: TemporalExpression) {
            value = e.value
            grain = e.grain
            modifier = e.modifier
            isRange = e.isRange
        }
    }

    /// Joins entries of different documents that share a key and whose actors overlap
    /// (or that both name no actor); an event takes at most one entry per document.
    ///
    /// Each event's actors are kept as a sorted array and the documents already
    /// in an event as one set of (event, document) pairs: a hash set per event
    /// made these sets the largest part of the build's peak memory.
    static func group(_ sorted: [TimelineEntry]) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        var actorLists: [[ActorRef]] = []
        var taken = Set<UInt64>()
        var byKey: [EventKey: [Int]] = [:]
        func pair(_ event: Int, _ document: DocumentID) -> UInt64 {
            UInt64(event) << 32 | UInt64(UInt32(bitPattern: document.raw))
        }
        for entry in sorted {
            let key = EventKey(entry.expression)
            let mine = SortedRefs.normalised(entry.actors)
            let candidates = byKey[key, default: []]
            let match = candidates.first { i in
                !taken.contains(pair(i, entry.document))
                    && (mine.isEmpty && actorLists[i].isEmpty || SortedRefs.intersects(mine, actorLists[i]))
            }
            if let i = match {
                events[i].entries.append(entry)
                actorLists[i] = SortedRefs.union(actorLists[i], mine)
                taken.insert(pair(i, entry.document))
            } else {
                byKey[key, default: []].append(events.count)
                taken.insert(pair(events.count, entry.document))
                events.append(TimelineEvent(entries: [entry]))
                actorLists.append(mine)
            }
        }
        return events
    }

    /// Maps `documents[range]` on all cores in interleaved batches, keeping document order.
    static func parallelMap<R: Sendable>(
        _ documents: [Document], _ range: Range<Int>, _ body: @Sendable (Document) -> R
    ) -> [R] {
        let n = range.count
        guard n > 1 else { return range.map { body(documents[$0]) } }
        var out = [R?](repeating: nil, count: n)
        let workers = min(n, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let batch = 32
        let base = range.lowerBound
        out.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let slots = buf
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var first = w * batch
                while first < n {
                    for i in first..<min(n, first + batch) { slots[i] = body(documents[base + i]) }
                    first += workers * batch
                }
            }
        }
        return out.map { $0! }
    }
}

/// The actors mentioned in each sentence, looked up by binary search in the
/// mentions (which the actor analysis keeps sorted by sentence).
struct SentenceActors: Sendable {
    let mentions: [Mention]

    init(_ analysis: ActorAnalysis) {
        let m = analysis.mentions
        let sorted = zip(m, m.dropFirst()).allSatisfy { $0.sentence <= $1.sentence }
        mentions = sorted ? m : m.sorted { $0.sentence < $1.sentence }
    }

    func actors(in sentence: SentenceID) -> [ActorRef] {
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].sentence < sentence { lo = mid + 1 } else { hi = mid }
        }
        var refs: [ActorRef] = []
        while lo < mentions.count, mentions[lo].sentence == sentence {
            if !refs.contains(mentions[lo].actor) { refs.append(mentions[lo].actor) }
            lo += 1
        }
        return refs.sorted()
    }
}

/// Small sorted, duplicate-free lists of actors, for grouping timeline entries.
enum SortedRefs {
    static func normalised(_ refs: [ActorRef]) -> [ActorRef] {
        zip(refs, refs.dropFirst()).allSatisfy { $0 < $1 } ? refs : Array(Set(refs)).sorted()
    }

    static func intersects(_ a: [ActorRef], _ b: [ActorRef]) -> Bool {
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    static func union(_ a: [ActorRef], _ b: [ActorRef]) -> [ActorRef] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [ActorRef] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }
}
