/// Splits UTF-8 text into index terms without creating a `String` per token.
///
/// Rules (the same for documents and for queries, so both sides always agree):
/// - A token is a run of letters and digits. Non-ASCII letters (Hangul, Cyrillic,
///   accented Latin …) are letters; punctuation, symbols and emoji separate.
/// - Numbers keep their decimal point (`13.9`); thousands separators are dropped
///   (`2,000` → `2000`).
/// - Hyphens and dashes separate, so `Jae-in` and `US–ROK` become two tokens at
///   consecutive positions; a hyphenated query word is therefore a phrase.
/// - Apostrophes join (`don't` → `dont`, `O'Brien` → `obrien`); a possessive `'s`
///   is dropped (`Korea's` → `korea`).
/// - Dotted initialisms of single letters join (`U.S.` → `us`).
/// - Case and diacritics fold: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
///   capitals, fullwidth ASCII; combining marks are dropped. See `TermFolding`.
public enum Tokenizer {
    /// Folded terms longer than this are cut; such tokens are URLs or noise.
    public static let maxTermBytes = 64

    /// Calls `body` for each token in `bytes[range]` with the folded term bytes
    /// (valid only during the call) and the token's byte range in `bytes`.
    @inline(__always)
    public static func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxTermBytes + 4) { scratch in
            var scanner = TokenScanner(bytes: bytes, position: range.lowerBound, end: min(range.upperBound, bytes.count))
            while let span = scanner.next(into: scratch) {
                body(UnsafeBufferPointer(rebasing: scratch[0..<scanner.termLength]), span)
            }
        }
    }

    /// The tokens of a string as (folded term, UTF-8 span); for queries, tests and tools.
    public static func tokens(in text: String) -> [(term: String, span: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var copy = text
        copy.withUTF8 { buf in
            forEachToken(in: buf, range: 0..<buf.count) { term, span in
                out.append((String(decoding: term, as: UTF8.self), span))
            }
        }
        return out
    }

    /// Just the folded terms of a string.
    public static func terms(in text: String) -> [String] { tokens(in: text).map(\.term) }
}

/// The state machine behind `Tokenizer`: one forward pass over the bytes.
struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int
    private(set) var termLength = 0

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    /// Finds the next token, writes its folded bytes into `out` (capacity
    /// `Tokenizer.maxTermBytes + 4`) and returns its byte range.
    mutating func next(into out: UnsafeMutableBufferPointer<UInt8>) -> Range<Int>? {
        // A loop, not recursion: a long run of tokens with nothing to index must
        // neither grow the stack nor stall on a token that consumed no bytes (an
        // apostrophe that starts no word), so the scan always moves forward.
        while let range = scanToken(into: out) {
            if termLength > 0 { return range }
            if position == range.lowerBound { position += UTF8Scalar.decode(bytes, at: position, end: end).1 }
        }
        return nil
    }

    /// One candidate token; `termLength` is 0 when it has nothing to index.
    private mutating func scanToken(into out: UnsafeMutableBufferPointer<UInt8>) -> Range<Int>? {
        // Skip separators up to the first letter or digit.
        while position < end {
            let b = bytes[position]
            if b < 0x80 {
                if ByteClass.isAlnum(b) { break }
                position += 1
            } else {
                let (scalar, length) = UTF8Scalar.decode(bytes, at: position, end: end)
                if ScalarClass.startsWord(scalar) { break }
                position += length
            }
        }
        guard position < end else { return nil }
        let start = position
        var tokenEnd = position
        var n = 0
        var lastWasDigit = false
        // Letters in the current dot-separated segment, for `U.S.`-style initialisms.
        var segmentLetters = 0
        var onlyInitials = true
        let limit = Tokenizer.maxTermBytes

        scan: while position < end {
            let b = bytes[position]
            if b < 0x80 {
                if ByteClass.isAlnum(b) {
                    if n < limit { out[n] = ByteClass.lower(b); n += 1 }
                    lastWasDigit = ByteClass.isDigit(b)
                    if lastWasDigit { onlyInitials = false } else { segmentLetters += 1 }
                    position += 1
                    tokenEnd = position
                    continue
                }
                switch b {
                case UInt8(ascii: "."), UInt8(ascii: ","):
                    let nextIsDigit = position + 1 < end && ByteClass.isDigit(bytes[position + 1])
                    if lastWasDigit && nextIsDigit {
                        // 13.9 keeps its point; 2,000 drops its separator.
                        if b == UInt8(ascii: "."), n < limit { out[n] = b; n += 1 }
                        position += 1
                        continue
                    }
                    if b == UInt8(ascii: "."), onlyInitials, segmentLetters == 1, isSingleLetterSegment(at: position + 1) {
                        position += 1
                        segmentLetters = 0
                        continue
                    }
                    break scan
                case UInt8(ascii: "'"):
                    if !consumeApostrophe(width: 1, tokenEnd: &tokenEnd) { break scan }
                    continue
                default:
                    break scan
                }
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: position, end: end)
            if scalar == 0x2019 || scalar == 0x02BC {
                if !consumeApostrophe(width: length, tokenEnd: &tokenEnd) { break scan }
                continue
            }
            if ScalarClass.isCombiningMark(scalar) {
                // Diacritic folding for decomposed text: the mark belongs to the word but is not kept.
                position += length
                tokenEnd = position
                continue
            }
            guard ScalarClass.startsWord(scalar) else { break scan }
            onlyInitials = false
            lastWasDigit = false
            n = TermFolding.append(scalar: scalar, source: bytes, at: position, length: length, to: out, count: n, limit: limit)
            position += length
            tokenEnd = position
        }
        termLength = n
        return start..<tokenEnd
    }

    /// An apostrophe inside a word: joins (`don't`) or ends a possessive (`Korea's`).
    /// Returns false when it is not followed by a letter (then it separates).
    private mutating func consumeApostrophe(width: Int, tokenEnd: inout Int) -> Bool {
        let after = position + width
        guard after < end, isLetter(at: after) else { return false }
        let b = bytes[after]
        if b == UInt8(ascii: "s") || b == UInt8(ascii: "S"), !isWordByte(at: after + 1) {
            // Possessive: the token ends before the apostrophe; skip the `'s`.
            position = after + 1
            return false
        }
        position = after
        return true
    }

    private func isLetter(at i: Int) -> Bool {
        guard i < end else { return false }
        let b = bytes[i]
        if b < 0x80 { return ByteClass.isAlpha(b) }
        return ScalarClass.startsWord(UTF8Scalar.decode(bytes, at: i, end: end).scalar)
    }

    private func isWordByte(at i: Int) -> Bool {
        guard i < end else { return false }
        let b = bytes[i]
        if b < 0x80 { return ByteClass.isAlnum(b) }
        return ScalarClass.startsWord(UTF8Scalar.decode(bytes, at: i, end: end).scalar)
    }

    /// True when `i` starts exactly one ASCII letter followed by a non-letter.
    private func isSingleLetterSegment(at i: Int) -> Bool {
        guard i < end, ByteClass.isAlpha(bytes[i]) else { return false }
        return !isWordByte(at: i + 1)
    }
}

enum ByteClass {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
}

enum UTF8Scalar {
    /// Decodes one scalar; malformed bytes decode as U+FFFD of length 1.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 >= 0xC2, b0 < 0xE0, i + 1 < end {
            let b1 = UInt32(p[i + 1])
            if b1 & 0xC0 == 0x80 { return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2) }
        } else if b0 >= 0xE0, b0 < 0xF0, i + 2 < end {
            let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2])
            if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 {
                return ((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F), 3)
            }
        } else if b0 >= 0xF0, b0 < 0xF5, i + 3 < end {
            let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2]), b3 = UInt32(p[i + 3])
            if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 {
                return ((b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F), 4)
            }
        }
        return (0xFFFD, 1)
    }
}

enum ScalarClass {
    /// Letters and digits outside ASCII: everything except the punctuation,
    /// symbol, space, emoji and private-use blocks listed here.
    @inline(__always)
    static func startsWord(_ v: UInt32) -> Bool {
        if v < 0x80 { return ByteClass.isAlnum(UInt8(v)) }
        switch v {
        case 0x80...0xBF: return v == 0xAA || v == 0xB5 || v == 0xBA
        case 0xD7, 0xF7: return false
        case 0x0300...0x036F: return false  // combining marks never start a word
        case 0x2000...0x2BFF, 0x2E00...0x2E7F, 0x3000...0x303F: return false
        case 0xD800...0xF8FF, 0xFE00...0xFE0F, 0xFE30...0xFE6F, 0xFEFF: return false
        case 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0xFFF0...0xFFFF: return false
        case 0x1F000...0x1FAFF, 0xE0000...: return false
        default: return true
        }
    }

    @inline(__always)
    static func isCombiningMark(_ v: UInt32) -> Bool { v >= 0x0300 && v <= 0x036F }
}
