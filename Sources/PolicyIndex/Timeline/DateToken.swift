/// A token of sentence text as the temporal tagger sees it: a word, a number
/// or one punctuation mark, with byte offsets into the document text.
struct DateToken {
    enum Kind: UInt8 { case word, number, punct }
    struct Flags: OptionSet {
        let rawValue: UInt8
        /// Word starts with an upper-case ASCII letter.
        static let capitalized = Flags(rawValue: 1)
        /// Number contains `,` or `.` between digits (`1,000`, `13.9`): never a date part.
        static let grouped = Flags(rawValue: 2)
        /// Number carries an ordinal suffix (`12th`, `1st`).
        static let ordinal = Flags(rawValue: 4)
        /// Number carries a plural `s` (`1990s`).
        static let plural = Flags(rawValue: 8)
        /// Number carries another letter suffix (`5pm`, `10km`).
        static let unit = Flags(rawValue: 16)
        /// Word is a regular past form (`announced`).
        static let edForm = Flags(rawValue: 32)
    }

    var kind: Kind
    var flags: Flags
    var start: Int32
    var end: Int32
    /// Words: the packed lexicon key. Numbers: the value (saturating). Punctuation: the Unicode scalar.
    var key: UInt64
    /// Numbers: count of digits before any suffix.
    var digits: UInt8
    var word: DateWord?

    func isPunct(_ scalar: UInt32) -> Bool { kind == .punct && key == UInt64(scalar) }
    var isDash: Bool { kind == .punct && (key == 0x2D || key == 0x2013 || key == 0x2014) }
    var isCapitalized: Bool { flags.contains(.capitalized) }
    var keyword: DateKeyword? {
        if case .keyword(let k)? = word { return k }
        return nil
    }
    var month: Int? {
        if case .month(let m)? = word { return m }
        return nil
    }
    /// A plain number, with no grouping or suffix.
    var plainNumber: Int? {
        kind == .number && flags.isDisjoint(with: [.grouped, .ordinal, .plural, .unit]) ? Int(key) : nil
    }
}

/// Splits a byte range into tokens without allocating per token.
enum DateTokenizer {
    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [DateToken]) {
        tokens.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        let end = min(range.upperBound, b.count)
        while i < end {
            let c = b[i]
            if isDigit(c) {
                i = number(b, i, end, &tokens)
            } else if isLetter(c) || c >= 0x80 && c != 0xE2 {
                i = word(b, i, end, &tokens)
            } else if c == 0xE2, i + 2 < end {
                // Three-byte sequences from U+2000…U+2FFF: dashes, quotes, currency signs.
                let scalar = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                tokens.append(DateToken(kind: .punct, flags: [], start: Int32(i), end: Int32(i + 3), key: UInt64(scalar), digits: 0))
                i += 3
            } else if c <= 0x20 {
                i += 1
            } else {
                tokens.append(DateToken(kind: .punct, flags: [], start: Int32(i), end: Int32(i + 1), key: UInt64(c), digits: 0))
                i += 1
            }
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ tokens: inout [DateToken]) -> Int {
        var i = start
        var value: UInt64 = 0
        var digits = 0
        var flags: DateToken.Flags = []
        while i < end {
            let c = b[i]
            if isDigit(c) {
                if value < 1_000_000_000_000 { value = value * 10 + UInt64(c - 0x30) }
                digits += 1
                i += 1
            } else if (c == 0x2C || c == 0x2E), i + 1 < end, isDigit(b[i + 1]) {
                flags.insert(.grouped)
                i += 1
            } else {
                break
            }
        }
        var j = i
        while j < end, isLetter(b[j]) { j += 1 }
        if j > i {
            let suffix = DateLexicon.key(b, i, j)
            switch suffix {
            case DateLexicon.sKey: flags.insert(.plural)
            case _ where DateLexicon.ordinalSuffixKeys.contains(suffix): flags.insert(.ordinal)
            default: flags.insert(.unit)
            }
            i = j
        }
        tokens.append(DateToken(kind: .number, flags: flags, start: Int32(start), end: Int32(i), key: value, digits: UInt8(min(digits, 255))))
        return i
    }

    private static func word(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ tokens: inout [DateToken]) -> Int {
        var i = start
        while i < end {
            let c = b[i]
            if isLetter(c) || (c >= 0x80 && c != 0xE2) { i += 1 } else { break }
        }
        let key = DateLexicon.key(b, start, i)
        var flags: DateToken.Flags = []
        let first = b[start]
        if first >= 0x41 && first <= 0x5A { flags.insert(.capitalized) }
        let n = i - start
        if n >= 5, !flags.contains(.capitalized), b[i - 1] == 0x64, b[i - 2] == 0x65 { flags.insert(.edForm) }
        tokens.append(DateToken(kind: .word, flags: flags, start: Int32(start), end: Int32(i), key: key, digits: 0, word: DateLexicon.lookup(key)))
        return i
    }
}
