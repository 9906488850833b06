/// A sequence of tokens to find in text: an alias, a demonym, a `not:` phrase
/// or a relation cue. Matching compares token hashes, then case, then the
/// bytes between tokens, so it never builds a String.
struct TokenPattern: Sendable {
    /// How the case of a text token must agree with the pattern.
    enum CaseRule: UInt8, Sendable {
        /// Any case (`the` in `the Blue House`, lower-case topic words).
        case any
        /// Starts with a capital (`Moon` the person, not `moon`); `NATO` also matches `Nato`.
        case initialUpper
        /// All capitals: short acronyms (`US`, `ROK`, `WHO`), so `us` and `Who` do not match.
        case exact
    }

    var hashes: [UInt64]
    var rules: [CaseRule]
    /// The pattern was written with dots (`U.S.`): a dot may sit between tokens.
    var dotted: Bool
    /// The pattern ends with an abbreviation dot (`U.S.`, not `George W. Bush`):
    /// a dot right after the last token belongs to the match.
    var trailingDot = false

    var count: Int { hashes.count }

    /// Builds the pattern for `text`; nil when it has no letters or digits.
    init?(_ text: String) {
        let toks = ByteText.tokens(of: text)
        guard !toks.isEmpty else { return nil }
        hashes = toks.map(\.hash)
        rules = toks.map { t in
            if t.isAllUpper && t.length <= 3 { return .exact }
            return t.isCapitalised ? .initialUpper : .any
        }
        dotted = text.contains(".")
        trailingDot = text.hasSuffix(".") && toks[toks.count - 1].length == 1
    }

    init(hashes: [UInt64], rules: [CaseRule], dotted: Bool) {
        self.hashes = hashes
        self.rules = rules
        self.dotted = dotted
    }

    @inline(__always) static func caseMatches(_ rule: CaseRule, _ t: WordToken) -> Bool {
        switch rule {
        case .any: return true
        case .initialUpper: return t.isCapitalised
        case .exact: return t.isAllUpper
        }
    }

    /// Whether the pattern matches `tokens[i...]` (hashes, case, and gaps), returning
    /// the end offset of the match.
    func match(_ tokens: UnsafeBufferPointer<WordToken>, at i: Int, limit: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = hashes.count
        guard i + n <= limit else { return nil }
        for k in 0..<n {
            let t = tokens[i + k]
            guard t.hash == hashes[k], Self.caseMatches(rules[k], t) else { return nil }
            if k > 0 {
                let prev = tokens[i + k - 1]
                guard Self.gapJoinsName(bytes, Int(prev.end), Int(t.start), allowDot: dotted || prev.length == 1) else {
                    return nil
                }
            }
        }
        var end = Int(tokens[i + n - 1].end)
        if trailingDot, end < bytes.count, bytes[end] == 0x2E { end += 1 }
        return end
    }

    /// The bytes between two tokens of one name: spaces, at most one line break
    /// (a name wrapped across lines), hyphens, apostrophes; dots only in
    /// abbreviations. Commas, quotes, brackets and paragraph breaks end a name.
    static func gapJoinsName(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, allowDot: Bool) -> Bool {
        if to - from > 6 { return false }
        var newlines = 0
        var i = from
        while i < to {
            let b = p[i]
            switch b {
            case 0x20, 0x09, 0x2D, 0x27: break
            case 0x0A:
                newlines += 1
                if newlines > 1 { return false }
            case 0x0D: break
            case 0x2E: if !allowDot { return false }
            case 0xE2:
                // U+2019 right single quotation mark (as apostrophe), U+2010/U+2011 hyphens.
                guard i + 2 < to + 1, i + 2 < p.count, p[i + 1] == 0x80,
                    p[i + 2] == 0x99 || p[i + 2] == 0x90 || p[i + 2] == 0x91
                else { return false }
                i += 2
            default: return false
            }
            i += 1
        }
        return true
    }
}

/// Patterns indexed by their first token, longest first, so the first pattern
/// that matches at a position is the longest one.
///
/// The lookup runs once per word of every document, so the index is an
/// open-addressing table over the token hashes (already well mixed) rather
/// than a `Dictionary`, which would hash them again.
struct PatternIndex<Payload: Sendable>: Sendable {
    private(set) var patterns: [TokenPattern] = []
    private(set) var payloads: [Payload] = []
    private var buckets: [UInt64: [Int32]] = [:]
    /// Sealed form: `slotKeys[i]` is a first-token hash (0 = empty), its
    /// pattern ids are `ids[slotStart[i]..<slotStart[i] + slotCount[i]]`.
    private var slotKeys: [UInt64] = []
    private var slotStart: [Int32] = []
    private var slotCount: [Int32] = []
    private var ids: [Int32] = []
    private var mask = 0

    var isEmpty: Bool { patterns.isEmpty }

    mutating func add(_ pattern: TokenPattern, _ payload: Payload) {
        let id = Int32(patterns.count)
        patterns.append(pattern)
        payloads.append(payload)
        buckets[pattern.hashes[0], default: []].append(id)
    }

    /// Orders each bucket longest first (ties keep insertion order, so earlier
    /// files win) and builds the lookup table.
    mutating func seal() {
        var size = 16
        while size < buckets.count * 2 { size *= 2 }
        mask = size - 1
        slotKeys = Array(repeating: 0, count: size)
        slotStart = Array(repeating: 0, count: size)
        slotCount = Array(repeating: 0, count: size)
        ids = []
        for (key, bucket) in buckets {
            let ordered = bucket.enumerated().sorted { x, y in
                let a = patterns[Int(x.element)].count
                let b = patterns[Int(y.element)].count
                return a != b ? a > b : x.offset < y.offset
            }.map(\.element)
            let k = key == 0 ? 1 : key
            var i = Int(truncatingIfNeeded: k) & mask
            while slotKeys[i] != 0 { i = (i + 1) & mask }
            slotKeys[i] = k
            slotStart[i] = Int32(ids.count)
            slotCount[i] = Int32(ordered.count)
            ids += ordered
        }
    }

    /// The longest pattern matching at token `i`, with its end offset.
    @inline(__always)
    func longest(_ tokens: UnsafeBufferPointer<WordToken>, at i: Int, limit: Int, bytes: UnsafeBufferPointer<UInt8>) -> (
        id: Int, end: Int
    )? {
        guard !slotKeys.isEmpty else { return nil }
        let h = tokens[i].hash
        let k = h == 0 ? 1 : h
        var s = Int(truncatingIfNeeded: k) & mask
        while true {
            let key = slotKeys[s]
            if key == 0 { return nil }
            if key == k { break }
            s = (s + 1) & mask
        }
        let start = Int(slotStart[s])
        for j in start..<(start + Int(slotCount[s])) {
            let id = Int(ids[j])
            if let end = patterns[id].match(tokens, at: i, limit: limit, bytes: bytes) { return (id, end) }
        }
        return nil
    }
}
