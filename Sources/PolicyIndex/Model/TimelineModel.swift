/// Dated expressions found in text and the timeline built from them.

/// The size of the period a temporal expression names.
public enum TimeGrain: String, Sendable, Codable, Comparable, CaseIterable {
    case day, week, month, season, quarter, year, decade, century
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Finest first. A switch, not `allCases.firstIndex`: grains are compared
    /// once per event when the timeline is built and listed.
    var rank: Int {
        switch self {
        case .day: 0
        case .week: 1
        case .month: 2
        case .season: 3
        case .quarter: 4
        case .year: 5
        case .decade: 6
        case .century: 7
        }
    }
}

/// TIMEX3-style modifier: `early 2021` is START, `mid-December` MID, `late last year` END.
public enum TimeModifier: String, Sendable, Codable {
    case start, mid, end, approximate, before, after
}

public enum TimeAnchor: Hashable, Sendable, Codable {
    /// Absolute: the text carries its own year.
    case none
    /// Resolved against the document's own date.
    case documentDate
    /// Resolved against an earlier date in the same text.
    case earlierDate(TextSpan)
}

/// A date or period named in a sentence, normalised.
public struct TemporalExpression: Hashable, Sendable {
    public var sentence: SentenceID
    public var span: TextSpan
    /// The expression as written.
    public var text: String
    /// TIMEX3-like value: `2020-11-12`, `2020-11`, `2021`, `199X`, `XXXX-11-18`, `2020-W46`, `2021-SU`.
    public var value: String
    public var grain: TimeGrain
    public var modifier: TimeModifier?
    public var anchor: TimeAnchor
    /// Resolved interval as days since 1970-01-01, half-open; nil when unresolved.
    public var interval: Range<Int>?
    /// For ranges (`from 2019 to 2025`): the interval covers both ends.
    public var isRange: Bool

    public init(
        sentence: SentenceID, span: TextSpan, text: String, value: String, grain: TimeGrain,
        modifier: TimeModifier? = nil, anchor: TimeAnchor = .none, interval: Range<Int>? = nil, isRange: Bool = false
    ) {
        self.sentence = sentence
        self.span = span
        self.text = text
        self.value = value
        self.grain = grain
        self.modifier = modifier
        self.anchor = anchor
        self.interval = interval
        self.isRange = isRange
    }
}

/// One dated sentence on the timeline.
///
/// An entry names its expression by number in a table it shares with the
/// other entries of its timeline, rather than holding a copy: a copy was
/// 88 bytes and two string references an entry, over a million entries at
/// 50,000 articles.
public struct TimelineEntry: Hashable, Sendable {
    private let table: ExpressionTable
    private let number: Int32
    public var sentence: SentenceID
    public var actors: [ActorRef]

    /// An entry with a table of its own (for building entries one by one).
    public init(expression: TemporalExpression, sentence: SentenceID, actors: [ActorRef]) {
        self.init(table: ExpressionTable([expression]), expression: 0, sentence: sentence, actors: actors)
    }

    init(table: ExpressionTable, expression: Int, sentence: SentenceID, actors: [ActorRef]) {
        self.table = table
        self.number = Int32(expression)
        self.sentence = sentence
        self.actors = actors
    }

    public var expression: TemporalExpression { table.expressions[Int(number)] }

    /// The number of this entry's expression in `expressions` when that is the
    /// very list its table holds (the same storage, as in a timeline that was
    /// built or read back and not changed since); nil otherwise.
    func number(inSameStorageAs expressions: [TemporalExpression]) -> Int? {
        let same = table.expressions.withUnsafeBufferPointer { a in
            expressions.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
        }
        return same && Int(number) < expressions.count ? Int(number) : nil
    }
    public var document: DocumentID { sentence.document }

    public static func == (a: Self, b: Self) -> Bool {
        a.sentence == b.sentence && a.actors == b.actors && (a.table === b.table && a.number == b.number || a.expression == b.expression)
    }

    public func hash(into h: inout Hasher) {
        h.combine(expression)
        h.combine(sentence)
        h.combine(actors)
    }
}

/// The expressions that a timeline's entries name by number.
final class ExpressionTable: Sendable {
    let expressions: [TemporalExpression]
    init(_ expressions: [TemporalExpression]) { self.expressions = expressions }
}

/// Entries from one or more documents about the same thing: same date at the
/// same precision and overlapping actors.
public struct TimelineEvent: Hashable, Sendable {
    public var entries: [TimelineEntry]
    public init(entries: [TimelineEntry]) { self.entries = entries }
    public var primary: TimelineEntry { entries[0] }
    public var value: String { primary.expression.value }
    public var grain: TimeGrain { primary.expression.grain }
    public var interval: Range<Int>? { primary.expression.interval }
    public var actors: [ActorRef] { Array(Set(entries.flatMap(\.actors))).sorted() }
    public var sourceCount: Int { Set(entries.map(\.document)).count }
}
