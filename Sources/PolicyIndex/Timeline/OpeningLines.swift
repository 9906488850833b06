/// The first lines of a text as byte ranges, for `DocumentDater`: which of
/// them announce a publication date, and where a dateline's head ends.
struct OpeningLines {
    enum Kind { case published, updated, byline, other }

    static let maxLines = 12
    static let maxBytes = 2000

    let b: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// Non-blank lines among the first `maxBytes`, without leading blanks, at most `maxLines`.
    func all() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        let end = min(b.count, Self.maxBytes)
        var i = 0
        while i < end, lines.count < Self.maxLines {
            var lo = i
            while i < end, b[i] != 0x0A { i += 1 }
            let hi = i
            i += 1
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 || b[lo] == 0x0D { lo += 1 }
            var h = hi
            while h > lo, b[h - 1] == 0x20 || b[h - 1] == 0x09 || b[h - 1] == 0x0D { h -= 1 }
            if lo < h { lines.append(lo..<h) }
        }
        return lines
    }

    func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }

    func hasDigit(_ r: Range<Int>) -> Bool { r.contains { DateTokenizer.isDigit(b[$0]) } }

    /// Whether the line starts with `word`, compared without case (ASCII).
    func starts(_ r: Range<Int>, with word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard r.count >= n else { return false }
        let w = word.utf8Start
        for k in 0..<n where b[r.lowerBound + k] | 0x20 != w[k] | 0x20 { return false }
        return true
    }

    func kind(of r: Range<Int>) -> Kind {
        if starts(r, with: "published") || starts(r, with: "posted") || starts(r, with: "date:") || starts(r, with: "dated") {
            return .published
        }
        if starts(r, with: "updated") || starts(r, with: "last updated") { return .updated }
        if r.count > 3, b[r.lowerBound] == 0x42, b[r.lowerBound + 1] == 0x79, b[r.lowerBound + 2] == 0x20 { return .byline }
        return .other
    }

    /// The part before a dateline dash (` — `, ` -- `, ` – `, ` - ` or `—`) within the first
    /// 80 bytes of a line that starts with a capital or a digit; a short line is its own head.
    func datelineHead(_ r: Range<Int>) -> Range<Int>? {
        let first = b[r.lowerBound]
        guard (first >= 0x41 && first <= 0x5A) || DateTokenizer.isDigit(first) else { return nil }
        let limit = min(r.upperBound, r.lowerBound + 80)
        var i = r.lowerBound + 1
        while i < limit {
            if b[i] == 0xE2, i + 2 < r.upperBound, b[i + 1] == 0x80, b[i + 2] == 0x94 || b[i + 2] == 0x93 {
                // An en dash counts only with spaces around it (not `2019–2025`).
                if b[i + 2] == 0x94 || (b[i - 1] == 0x20 && i + 3 < r.upperBound && b[i + 3] == 0x20) {
                    return r.lowerBound..<(b[i - 1] == 0x20 ? i - 1 : i)
                }
            }
            if b[i] == 0x2D, b[i - 1] == 0x20, i + 1 < r.upperBound, b[i + 1] == 0x20 || b[i + 1] == 0x2D {
                return r.lowerBound..<(i - 1)
            }
            i += 1
        }
        return r.count <= 48 ? r : nil
    }
}
