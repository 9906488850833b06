/// Splits a paragraph into sentences, working on UTF-8 bytes.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis, together with any closing
/// quotes or brackets after it, when whitespace follows and the next word does
/// not start in lower case. A full stop is not an end when it belongs to:
/// - a title before a name (`Mr.`, `Dr.`, `Gen.`, `Sen.`),
/// - an initial or an initialism (`J. F. Kennedy`, `U.S.`, `a.m.`), unless the next
///   word is one that usually opens a sentence (`… in the U.S. The talks …`),
/// - a month before a number (`Nov. 12`) or a number sign (`No. 5`, `Art. 9`),
/// - a decimal or a web address (`13.9%`, `example.com`): no space follows.
///
/// Paragraphs never contain line breaks (see `BodyBuilder`), headings are one
/// sentence, and a run-on text without any full stop is cut at a space after
/// at most `maxSentenceBytes` so that no sentence becomes unreadable.
public enum SentenceSplitter {
    public static let maxSentenceBytes = 2048

    /// Sentence ranges (byte offsets into `text`) within one paragraph.
    public static func split(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [Range<Int>]) {
        var s = skipSpaces(text, range.lowerBound, range.upperBound)
        var i = s
        let end = range.upperBound
        while i < end {
            if i - s >= maxSentenceBytes {
                // The scan may have jumped past the cap (a run of terminators, closers or spaces).
                let cut = cutPoint(text, s, s + maxSentenceBytes)
                emit(text, s, cut, &out)
                s = skipSpaces(text, cut, end)
                i = max(i, s)
                continue
            }
            let c = text[i]
            let isEllipsisChar = c == 0xE2 && i + 2 < end && text[i + 1] == 0x80 && text[i + 2] == 0xA6
            guard c == 0x2E || c == 0x21 || c == 0x3F || isEllipsisChar else {
                i += 1
                continue
            }
            // The whole cluster of terminators: `.`, `?!`, `...`, `…`.
            var j = i
            var dots = 0
            var strong = false
            while j < end {
                if text[j] == 0x2E {
                    dots += 1
                    j += 1
                } else if text[j] == 0x21 || text[j] == 0x3F {
                    strong = true
                    j += 1
                } else if text[j] == 0xE2, j + 2 < end, text[j + 1] == 0x80, text[j + 2] == 0xA6 {
                    strong = true
                    j += 3
                } else {
                    break
                }
            }
            let afterTerminators = j
            j = skipClosers(text, j, end)
            let closed = j > afterTerminators
            if j >= end { break }
            if text[j] != 0x20 {
                // `said.The` (no space typed): a break only between a lower-case word
                // and a capitalised one, which keeps `U.S`, `Node.js`, `13.9`, URLs whole.
                if dots == 1, !strong, !closed, gluedBreak(text, i, j, end, from: s) {
                    emit(text, s, j, &out)
                    s = j
                }
                i = j
                continue
            }
            let next = skipSpaces(text, j, end)
            if next >= end { break }
            let breaks: Bool
            if strong || dots >= 2 {
                breaks = !startsLower(text, next, end)
            } else {
                breaks = periodBreaks(text, period: i, from: s, closed: closed, next: next, end: end)
            }
            if breaks {
                emit(text, s, j, &out)
                s = next
            }
            i = next
        }
        emit(text, s, end, &out)
    }

    /// Convenience for tests and small callers: sentences of a whole string.
    public static func split(_ string: String) -> [Substring] {
        var copy = string
        var ranges: [Range<Int>] = []
        copy.withUTF8 { split($0, 0..<$0.count, into: &ranges) }
        let u = string.utf8
        return ranges.map { r in
            let lo = u.index(u.startIndex, offsetBy: r.lowerBound)
            let hi = u.index(u.startIndex, offsetBy: r.upperBound)
            return string[lo..<hi]
        }
    }

    /// Appends `s..<e` without its trailing spaces, in pieces of at most
    /// `maxSentenceBytes`: a break found after a long run of terminators, closers
    /// or spaces may lie past the cap, and no sentence may.
    private static func emit(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ out: inout [Range<Int>]) {
        var s = s
        var e = e
        while e > s, BodyBuilder.isSpace(text[e - 1]) { e -= 1 }
        while e - s > maxSentenceBytes {
            let cut = cutPoint(text, s, s + maxSentenceBytes)
            var pieceEnd = cut
            while pieceEnd > s, BodyBuilder.isSpace(text[pieceEnd - 1]) { pieceEnd -= 1 }
            if pieceEnd > s { out.append(s..<pieceEnd) }
            s = skipSpaces(text, cut, e)
        }
        if e > s { out.append(s..<e) }
    }

    @inline(__always)
    static func skipSpaces(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, BodyBuilder.isSpace(text[i]) { i += 1 }
        return i
    }

    /// Where to cut an over-long run: the last space in its second half, or
    /// failing that the last character boundary before the limit.
    private static func cutPoint(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ i: Int) -> Int {
        var k = i
        while k > s + (i - s) / 2 {
            if text[k] == 0x20 { return k }
            k -= 1
        }
        k = i
        while k > s + 1, text[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    /// Quotation marks and brackets around words, by side: ASCII bytes, the last
    /// byte of `E2 80 xx` (curly quotes) and of `C2 xx` (guillemets, inverted marks).
    private struct Marks {
        var ascii: [UInt8]
        var curly: [UInt8]
        var latin: [UInt8]
    }
    private static let closers = Marks(ascii: [0x22, 0x27, 0x29, 0x5D, 0x2A, 0x5F], curly: [0x99, 0x9D], latin: [0xBB])
    private static let openers = Marks(ascii: [0x22, 0x27, 0x28, 0x5B, 0x2A, 0x5F], curly: [0x98, 0x9C], latin: [0xAB, 0xBF, 0xA1])

    private static func skip(_ marks: Marks, _ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end {
            let b = text[j]
            if marks.ascii.contains(b) {
                j += 1
            } else if b == 0xE2, j + 2 < end, text[j + 1] == 0x80, marks.curly.contains(text[j + 2]) {
                j += 3
            } else if b == 0xC2, j + 1 < end, marks.latin.contains(text[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    /// Skips closing quotes and brackets: `"`, `'`, `)`, `]`, `’`, `”`, `»`.
    private static func skipClosers(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int { skip(closers, text, i, end) }

    /// Skips opening quotes and brackets before a word.
    private static func skipOpeners(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int { skip(openers, text, i, end) }

    /// Whether the word at `i` (after any opening quotes) starts with a lower-case letter.
    static func startsLower(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let k = skipOpeners(text, i, end)
        guard k < end else { return false }
        let b = text[k]
        if b < 0x80 { return b >= 0x61 && b <= 0x7A }
        let len = UTF8Sequence.length(text, at: k)
        guard len > 1, k + len <= end, let scalar = Unicode.Scalar(UTF8Sequence.scalar(text, at: k, length: len)) else {
            return false
        }
        return scalar.properties.isLowercase
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLowerASCII(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    private static func isUpperASCII(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    private static func gluedBreak(_ text: UnsafeBufferPointer<UInt8>, _ period: Int, _ j: Int, _ end: Int, from s: Int) -> Bool {
        guard period - 2 >= s, j + 1 < end else { return false }
        return isLowerASCII(text[period - 1]) && isLowerASCII(text[period - 2]) && isUpperASCII(text[j])
            && isLowerASCII(text[j + 1])
    }

    /// Decides whether a single full stop at `period` ends the sentence.
    private static func periodBreaks(
        _ text: UnsafeBufferPointer<UInt8>, period: Int, from s: Int, closed: Bool, next: Int, end: Int
    ) -> Bool {
        if startsLower(text, next, end) { return false }
        // A quotation closing after the stop (`…talks."`) ends a sentence whatever came before.
        if closed { return true }
        // The word before the stop, without opening punctuation.
        var t = period
        while t > s, text[t - 1] != 0x20, period - t < 24 { t -= 1 }
        t = skipOpeners(text, t, period)
        let word = UnsafeBufferPointer(rebasing: text[t..<period])
        guard !word.isEmpty else { return true }
        let nextWord = skipOpeners(text, next, end)
        let nextIsDigit = nextWord < end && isDigit(text[nextWord])
        if word.count == 1, isUpperASCII(word[0]) {
            return Abbreviations.opensSentence(text, next, end)
        }
        if word.contains(0x2E) {
            // An initialism with inner stops: U.S., a.m., e.g., Ph.D.
            return Abbreviations.opensSentence(text, next, end)
        }
        guard word.count <= 12, word.allSatisfy({ $0 < 0x80 }) else { return true }
        switch Abbreviations.kind(of: word) {
        case .title, .neverFinal: return false
        case .beforeNumber: return !nextIsDigit
        case .corporate: return Abbreviations.opensSentence(text, next, end)
        case nil: return true
        }
    }
}
