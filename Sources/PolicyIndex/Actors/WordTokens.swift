/// Word tokens over UTF-8 bytes, the unit that actor recognition, discovery,
/// relation cues and quote attribution all work on.
///
/// A token is a maximal run of letters and digits. Everything else (spaces,
/// hyphens, dots, apostrophes, quotation marks, dashes) separates tokens, so
/// `Kim Jong-un` and `Kim Jong Un` give the same tokens, and `Seoul's` gives
/// `Seoul` + `s`. Tokens carry a hash of their case-folded bytes so matching
/// never allocates a String.
struct WordToken: Sendable {
    var start: Int32
    var end: Int32
    /// FNV-1a over the case-folded bytes.
    var hash: UInt64
    var flags: UInt8

    static let initialUpper: UInt8 = 1
    /// Every letter is an ASCII capital (`US`, `DPRK`); at least one letter.
    static let allUpper: UInt8 = 2
    /// The first byte is an ASCII lower-case letter.
    static let initialLower: UInt8 = 4

    var isCapitalised: Bool { flags & Self.initialUpper != 0 }
    var isAllUpper: Bool { flags & Self.allUpper != 0 }
    var isLowercase: Bool { flags & Self.initialLower != 0 }
    var length: Int { Int(end - start) }
    var span: TextSpan { TextSpan(Int(start), Int(end)) }
}

enum ByteText {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// Lower-cases ASCII capitals; other bytes unchanged (Latin-1 capitals are
    /// folded by `tokenize`, which sees the lead byte).
    @inline(__always) static func foldASCII(_ b: UInt8) -> UInt8 {
        b &- 0x41 < 26 ? b | 0x20 : b
    }

    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// Length of a non-ASCII punctuation or space sequence starting at `i`
    /// (general punctuation U+2000–U+206F, Latin-1 punctuation U+0080–U+00BF,
    /// CJK punctuation U+3000–U+303F), or 0 when the bytes start a letter.
    @inline(__always) static func punctuationLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b == 0xC2, i + 1 < p.count { return 2 }
        if b == 0xE2, i + 1 < p.count, p[i + 1] == 0x80 || p[i + 1] == 0x81 { return min(3, p.count - i) }
        if b == 0xE3, i + 1 < p.count, p[i + 1] == 0x80 { return min(3, p.count - i) }
        if b == 0xC3, i + 1 < p.count, p[i + 1] == 0x97 || p[i + 1] == 0xB7 { return 2 }
        return 0
    }

    /// Appends the tokens of `range` to `tokens`.
    static func tokenize(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [WordToken]) {
        // Spans come from other code; a malformed one must not read outside the text.
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, p.count)
        while i < end {
            let b = p[i]
            if b < 0x80 {
                if !isASCIIAlnum(b) {
                    i += 1
                    continue
                }
            } else {
                let n = punctuationLength(p, i)
                if n > 0 {
                    i += n
                    continue
                }
            }
            // A token starts here.
            let start = i
            var hash = fnvOffset
            var sawLower = false
            var sawLetter = false
            let first = p[i]
            var flags: UInt8 = 0
            if first &- 0x41 < 26 || (first == 0xC3 && i + 1 < end && p[i + 1] &- 0x80 < 0x1F && p[i + 1] != 0x97) {
                flags |= WordToken.initialUpper
            } else if first &- 0x61 < 26 {
                flags |= WordToken.initialLower
            }
            while i < end {
                var c = p[i]
                if c < 0x80 {
                    guard isASCIIAlnum(c) else { break }
                    if c &- 0x41 < 26 {
                        sawLetter = true
                    } else if c &- 0x61 < 26 {
                        sawLetter = true
                        sawLower = true
                    }
                    hash = (hash ^ UInt64(foldASCII(c))) &* fnvPrime
                    i += 1
                } else {
                    if punctuationLength(p, i) > 0 { break }
                    sawLower = true  // non-ASCII letters: never an all-capitals acronym
                    if c == 0xC3, i + 1 < end {
                        // Latin-1 capitals À–Þ fold to à–þ by setting one bit of the second byte.
                        hash = (hash ^ UInt64(c)) &* fnvPrime
                        c = p[i + 1]
                        if c &- 0x80 < 0x1F && c != 0x97 { c |= 0x20 }
                        hash = (hash ^ UInt64(c)) &* fnvPrime
                        i += 2
                    } else {
                        hash = (hash ^ UInt64(c)) &* fnvPrime
                        i += 1
                    }
                }
            }
            if sawLetter && !sawLower { flags |= WordToken.allUpper }
            tokens.append(WordToken(start: Int32(start), end: Int32(i), hash: hash, flags: flags))
        }
    }

    /// Tokens of a standalone string (dictionary aliases, cue words).
    static func tokens(of s: String) -> [WordToken] {
        var out: [WordToken] = []
        var copy = s
        copy.withUTF8 { tokenize($0, 0..<$0.count, into: &out) }
        return out
    }

    /// Hash of a lower-case ASCII word, for building word lists.
    static func hash(_ word: String) -> UInt64 {
        tokens(of: word).first?.hash ?? 0
    }

    /// Hashes of a list of words.
    static func hashes(_ words: [String]) -> PackedKeySet {
        PackedKeySet(words.map(hash))
    }
}
