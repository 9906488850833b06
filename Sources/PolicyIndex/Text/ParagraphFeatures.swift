import Foundation

/// What the boilerplate cleaner looks at in one paragraph: its length, its
/// shape (does it read like a headline, a date line, a menu?) and, for short
/// paragraphs only, its lower-cased words. Long paragraphs are prose and are
/// never lower-cased, which keeps the cleaner linear in the size of the text.
///
/// Only paragraphs of at most `wordLimit` words keep their lower-cased text and
/// words: every rule that reads words stops below that count, and most prose
/// paragraphs are above it. The one exception (a phrase search inside a comment
/// section) folds the paragraph again on demand, from `source`, which is only
/// valid while the cleaner runs over the text it was made from.
struct ParagraphFeatures {
    var kind: Paragraph.Kind
    var bytes: Int
    var words: Int
    /// Lower-cased text, for paragraphs of at most `shortLimit` bytes; empty otherwise.
    var lower: String
    /// The lower-cased words (letters and digits), for short paragraphs. Made on
    /// each use: only the rules for very short lines and a few rare phrases read them.
    var tokens: [Substring] { Self.words(of: lower, onBytes: foldedOnBytes) }
    /// `lower` was folded byte by byte (ASCII and caseless punctuation only), so it is
    /// in normal form and two such texts are equal exactly when their bytes are.
    var foldedOnBytes: Bool
    /// The last visible character is sentence punctuation (`.`, `!`, `?`, `:`, `;`, `…`).
    var endsWithPunctuation: Bool
    var endsWithStop: Bool
    /// Starts with a capital letter, a digit or a quotation mark.
    var startsCapitalised: Bool
    /// Counts of menu separators (` | `, ` • `, ` · `, ` » `, ` › `, ` > `, ` / `).
    var separators: Int
    /// The paragraph is only a date (perhaps labelled: `Posted on Nov. 3, 2020`).
    var isDateLine: Bool

    /// The paragraph's bytes, for `has` on a paragraph whose words were not kept.
    private let source: UnsafeBufferPointer<UInt8>

    static let shortLimit = 1200
    /// The most words any rule reads the words of (publisher blurbs, repeats, cookie notices).
    static let wordLimit = 80

    /// At most `shortLimit` bytes, and not empty.
    let isShort: Bool

    /// Reads like a headline: a few words, capitalised, without a closing full stop.
    var isHeadlineLike: Bool {
        words >= 2 && words <= 20 && bytes <= 220 && startsCapitalised && !endsWithStop && !isDateLine
    }

    func has(_ phrase: String) -> Bool {
        guard isShort else { return false }
        return ByteSearch.count(phrase, in: lower.isEmpty ? Self.lower(source).0 : lower, upTo: 1) > 0
    }
    func hasAny(_ phrases: PhraseSet) -> Bool {
        guard isShort else { return false }
        return phrases.occurs(in: lower.isEmpty ? Self.lower(source).0 : lower)
    }
    func starts(with phrases: [String]) -> Bool { phrases.contains { lower.hasPrefix($0) } }

    /// Share of the words that belong to a vocabulary.
    func share(in vocabulary: Set<Substring>) -> Double {
        guard !tokens.isEmpty else { return 0 }
        return Double(tokens.filter { vocabulary.contains($0) }.count) / Double(tokens.count)
    }

    init(_ text: UnsafeBufferPointer<UInt8>, kind: Paragraph.Kind) {
        self.kind = kind
        source = text
        bytes = text.count
        words = WordCounter.count(text)
        isShort = text.count > 0 && text.count <= Self.shortLimit
        var last = text.count - 1
        while last > 0, Self.isCloser(text[last]) { last -= 1 }
        let lastByte = last >= 0 ? text[last] : 0
        let ellipsis = last >= 2 && text[last] == 0xA6 && text[last - 1] == 0x80 && text[last - 2] == 0xE2
        endsWithStop = lastByte == 0x2E && !(last >= 2 && text[last - 1] == 0x2E) || ellipsis
        endsWithPunctuation = endsWithStop || ellipsis || [0x21, 0x3F, 0x3A, 0x3B, 0x2E].contains(lastByte)
        var first = 0
        while first < text.count, [0x22, 0x27, 0x28, 0x5B].contains(text[first]) { first += 1 }
        if first < text.count {
            let b = text[first]
            startsCapitalised =
                (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0xE2
                || (b >= 0xC3 && !SentenceSplitter.startsLower(text, first, text.count))
        } else {
            startsCapitalised = false
        }
        if isShort, words <= Self.wordLimit {
            (lower, foldedOnBytes) = Self.lower(text)
            separators = Self.countSeparators(text)
            isDateLine = words <= 12 && DateField.isDateLine(lower)
        } else {
            lower = ""
            foldedOnBytes = true
            separators = 0
            isDateLine = false
        }
    }

    /// ASCII plus the caseless punctuation that prose carries (curly quotes,
    /// dashes, bullets, ellipsis, no-break space, `§ © « » ·`): none of these is a
    /// letter, digit or grapheme extender, so bytes give what Characters give.
    static func isFoldableOnBytes(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < t.count {
            let b = t[i]
            if b < 0x80 {
                i += 1
            } else if b == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, (0x90...0xA7).contains(t[i + 2]) || (0xB0...0xBE).contains(t[i + 2]) {
                i += 3
            } else if b == 0xC2, i + 1 < t.count, [0xA0, 0xA7, 0xA9, 0xAB, 0xAE, 0xB7, 0xBB].contains(t[i + 1]) {
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    /// The lower-cased text and its letter-and-digit runs. Paragraphs of ASCII and
    /// caseless punctuation (nearly all of them) are folded and cut on bytes, which gives the same result as
    /// `lowercased()` and the Character test without Unicode tables or grapheme
    /// breaking (these two were a third of the load stage's instructions);
    /// other text keeps the Unicode-aware path.
    static func lowerAndWords(_ text: UnsafeBufferPointer<UInt8>) -> (String, [Substring]) {
        let (lower, onBytes) = Self.lower(text)
        return (lower, words(of: lower, onBytes: onBytes))
    }

    /// The lower-cased text, and whether it was folded on bytes.
    static func lower(_ text: UnsafeBufferPointer<UInt8>) -> (String, Bool) {
        guard isFoldableOnBytes(text) else { return (String(decoding: text, as: UTF8.self).lowercased(), false) }
        let lower = String(unsafeUninitializedCapacity: text.count) { out in
            for i in 0..<text.count {
                let b = text[i]
                out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return text.count
        }
        return (lower, true)
    }

    /// The letter-and-digit runs of a lower-cased text.
    static func words(of lower: String, onBytes: Bool) -> [Substring] {
        guard onBytes else { return lower.split { !($0.isLetter || $0.isNumber) } }
        // Runs are found on the bytes (ASCII letters and digits; folding changed no
        // other byte); a native string's UTF-8 index is made from an offset in constant time.
        var words: [Substring] = []
        let u = lower.utf8
        var start = -1
        var i = 0
        for b in u {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                if start < 0 { start = i }
            } else if start >= 0 {
                words.append(lower[u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: i)])
                start = -1
            }
            i += 1
        }
        if start >= 0 { words.append(lower[u.index(u.startIndex, offsetBy: start)...]) }
        return words
    }

    /// Menu separators standing between spaces: ` | `, ` / `, ` > `, ` :: `, ` • `,
    /// ` · `, ` » `, ` › ` (one pass over the bytes).
    static func countSeparators(_ t: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        var i = 0
        while i + 2 < t.count {
            guard t[i] == 0x20 else {
                i += 1
                continue
            }
            var len = 0
            switch t[i + 1] {
            case 0x7C, 0x2F, 0x3E: len = 1
            case 0x3A where t[i + 2] == 0x3A: len = 2
            case 0xE2 where i + 3 < t.count && ((t[i + 2] == 0x80 && (t[i + 3] == 0xA2 || t[i + 3] == 0xBA))): len = 3
            case 0xC2 where t[i + 2] == 0xB7 || t[i + 2] == 0xBB: len = 2
            default: len = 0
            }
            if len > 0, i + 1 + len < t.count, t[i + 1 + len] == 0x20 {
                n += 1
                i += 1 + len
            } else {
                i += 1
            }
        }
        return n
    }

    private static func isCloser(_ b: UInt8) -> Bool {
        b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x20 || b == 0x9D || b == 0x99 || b == 0x80
            || b == 0xE2
    }
}

/// Counts words: whitespace-separated chunks with at least one letter or digit
/// (so a lone dash or quotation mark is not a word, and `U.S.-led` is one).
enum WordCounter {
    static func count(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        var counted = false
        var i = 0
        let end = text.count
        while i < end {
            let b = text[i]
            if b == 0x20 || b == 0x0A || b == 0x09 {
                counted = false
            } else if !counted, isWordStart(text, i, end) {
                n += 1
                counted = true
            }
            i += 1
        }
        return n
    }

    @inline(__always)
    static func isWordStart(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = t[i]
        if b < 0x80 {
            let l = b | 0x20
            return (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39)
        }
        // Lead bytes of letters; Latin-1 punctuation (C2), general punctuation
        // (E2 80/81), CJK punctuation (E3 80) and continuation bytes are not.
        if b < 0xC3 { return false }
        if b == 0xE2, i + 1 < end, t[i + 1] == 0x80 || t[i + 1] == 0x81 { return false }
        if b == 0xE3, i + 1 < end, t[i + 1] == 0x80 { return false }
        return true
    }
}

/// Literal substring counting on UTF-8 bytes. Foundation's `String.contains`
/// bridges through NSString: it took 45 % of the loader's instructions
/// (callgrind, 200 generated articles).
enum ByteSearch {
    /// Non-overlapping occurrences of `needle` in `haystack`, stopping at `limit`.
    static func count(_ needle: String, in haystack: String, upTo limit: Int = .max) -> Int {
        var needle = needle
        var haystack = haystack
        return needle.withUTF8 { n in
            haystack.withUTF8 { h in
                guard let first = n.first, n.count <= h.count else { return 0 }
                var found = 0
                var i = 0
                let last = h.count - n.count
                while i <= last, found < limit {
                    if h[i] == first, memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 {
                        found += 1
                        i += n.count
                    } else {
                        i += 1
                    }
                }
                return found
            }
        }
    }
}
