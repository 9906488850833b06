/// Finds the dates and periods a text names and normalises them, TIMEX3-style,
/// against the document's own date.
///
/// The tagger scans UTF-8 bytes token by token (no regular expressions, no
/// per-token strings); only a found expression allocates its text. Relative
/// expressions (`next month`) need the document date and stay unresolved
/// without it; expressions that refer back (`the following year`) resolve
/// against the last date found earlier in the same document.
public struct TemporalTagger: Sendable {
    public init() {}

    /// The expressions of a document in text order. Boilerplate sentences are
    /// skipped unless asked for: their dates belong to other stories.
    public func expressions(in document: Document, includeBoilerplate: Bool = false) -> [TemporalExpression] {
        var out: [TemporalExpression] = []
        withBytes(document.text) { bytes in
            var run = TaggerRun(bytes: bytes, reference: document.date?.date)
            for s in document.sentences where includeBoilerplate || !s.isBoilerplate {
                run.tagSentence(s.span.range, id: s.id, paragraph: Int(s.paragraph), into: &out)
            }
        }
        return out
    }

    /// The expressions of one text read as a single sentence.
    public func expressions(
        in text: String, documentDate: PartialDate?, sentence: SentenceID = SentenceID(document: DocumentID(0), index: 0)
    ) -> [TemporalExpression] {
        var out: [TemporalExpression] = []
        withBytes(text) { bytes in
            var run = TaggerRun(bytes: bytes, reference: documentDate)
            run.tagSentence(0..<bytes.count, id: sentence, into: &out)
        }
        return out
    }

    private func withBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { body($0) }
    }
}

/// A candidate expression over tokens `lo..<hi` of the current sentence.
struct FoundExpression {
    var lo: Int
    var hi: Int
    var value: String
    var grain: TimeGrain
    var modifier: TimeModifier?
    var anchor: TimeAnchor = .none
    var interval: Range<Int>?
    var isRange = false
    /// Set when the year came from the document date, so a range end can fix it (`from March to May 2020`).
    var yearlessMonth: Int?
    var yearlessDay: Int?
    /// `PAST_REF` / `FUTURE_REF`: vague, never an anchor for later expressions.
    var isReference = false

    init(
        _ lo: Int, _ hi: Int, value: String, grain: TimeGrain, interval: Range<Int>?, anchor: TimeAnchor = .none,
        modifier: TimeModifier? = nil
    ) {
        self.lo = lo
        self.hi = hi
        self.value = value
        self.grain = grain
        self.interval = interval
        self.anchor = anchor
        self.modifier = modifier
    }

    init(_ lo: Int, _ hi: Int, date: PartialDate, anchor: TimeAnchor = .none) {
        let grain: TimeGrain = date.precision == .day ? .day : date.precision == .month ? .month : .year
        self.init(lo, hi, value: date.iso, grain: grain, interval: CalendarMath.interval(date), anchor: anchor)
    }
}

/// The last resolved date of the document, for `the following year` and `two days later`.
struct AnchorPoint {
    var span: TextSpan
    var start: Int
    var grain: TimeGrain
}

/// The state of tagging one document: its bytes, its date, a reusable token buffer.
struct TaggerRun {
    enum Tense { case past, future, unknown }

    let b: UnsafeBufferPointer<UInt8>
    let reference: PartialDate?
    var tokens: [DateToken] = []
    var found: [FoundExpression] = []
    var previous: AnchorPoint?
    /// The last date that carried its own year at month or day precision (or an adverbial year,
    /// `in 1950`), with the ordinal of its sentence: a narrative's yearless dates follow it.
    var narrative: (year: Int, span: TextSpan, sentence: Int, paragraph: Int)?
    var sentenceOrdinal = -1
    /// Paragraph of the sentence being tagged.
    var paragraph = 0

    init(bytes: UnsafeBufferPointer<UInt8>, reference: PartialDate?) {
        self.b = bytes
        self.reference = reference
        tokens.reserveCapacity(128)
    }

    mutating func tagSentence(_ range: Range<Int>, id: SentenceID, paragraph: Int = 0, into out: inout [TemporalExpression]) {
        DateTokenizer.tokenize(b, range, into: &tokens)
        sentenceOrdinal += 1
        self.paragraph = paragraph
        found.removeAll(keepingCapacity: true)
        var i = 0
        while i < tokens.count {
            guard var f = match(i) else {
                i += 1
                continue
            }
            applyPartModifier(&f, floor: found.last?.hi ?? 0)
            if let r = f.interval, !f.isReference {
                previous = AnchorPoint(span: span(f), start: r.lowerBound, grain: f.grain)
                if f.anchor == .none, !f.isRange, f.grain <= .month {
                    narrative = (DayNumber.civil(r.lowerBound).year, span(f), sentenceOrdinal, paragraph)
                }
            }
            found.append(f)
            i = max(f.hi, i + 1)
        }
        guard !found.isEmpty else { return }
        mergeRanges()
        applyOffsets()
        applyPrepositions()
        for f in found {
            let s = span(f)
            out.append(
                TemporalExpression(
                    sentence: id, span: s, text: String(decoding: UnsafeBufferPointer(rebasing: b[s.range]), as: UTF8.self),
                    value: f.value, grain: f.grain, modifier: f.modifier, anchor: f.anchor, interval: f.interval,
                    isRange: f.isRange))
        }
    }

    func span(_ f: FoundExpression) -> TextSpan { TextSpan(Int(tokens[f.lo].start), Int(tokens[f.hi - 1].end)) }

    // MARK: Token access

    func tok(_ i: Int) -> DateToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }
    func kw(_ i: Int) -> DateKeyword? { tok(i)?.keyword }
    func isPunct(_ i: Int, _ scalar: UInt32) -> Bool { tok(i)?.isPunct(scalar) ?? false }
    /// True when token `i` ends exactly where token `i + 1` starts.
    func touches(_ i: Int) -> Bool {
        guard let a = tok(i), let c = tok(i + 1) else { return false }
        return a.end == c.start
    }

    /// Dispatches on the kind of token that can start (or be the core of) an expression.
    mutating func match(_ i: Int) -> FoundExpression? {
        let t = tokens[i]
        switch t.kind {
        case .number: return matchNumber(i)
        case .punct: return matchShortDecade(i)
        case .word:
            switch t.word {
            case .month(let m)?: return matchMonth(i, m)
            case .season(let s)?: return matchSeason(i, s, qualifier: nil, lo: i)
            case .weekday(let d)?: return matchWeekday(i, d, qualifier: nil, lo: i)
            case .keyword(let k)?: return matchKeyword(i, k)
            case .count(let n)?: return matchCount(i, n)
            default: return nil
            }
        }
    }

    // MARK: Tense near an expression

    /// The tense of the nearest verb cue, looking left first at each distance.
    func tense(_ lo: Int, _ hi: Int) -> Tense {
        var d = 1
        while lo - d >= 0 || hi - 1 + d < tokens.count {
            if let t = cue(lo - d) { return t }
            if let t = cue(hi - 1 + d) { return t }
            d += 1
        }
        return .unknown
    }

    private func cue(_ i: Int) -> Tense? {
        guard let t = tok(i), t.kind == .word else { return nil }
        switch t.word {
        case .pastVerb?: return .past
        case .futureCue?: return .future
        case nil:
            // `announced`, `agreed`; not `proceed`, `exceed`.
            if t.flags.contains(.edForm), b[Int(t.end) - 3] != 0x65 { return .past }
            return nil
        default: return nil
        }
    }
}
