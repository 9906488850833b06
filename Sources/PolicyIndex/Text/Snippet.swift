/// A keyword-in-context line: a focus span with as much context on each side as
/// fits in a given number of terminal columns, on one line, with marked ranges.
///
/// Search results, mentions, relation evidence and the explorer all show text
/// this way, so a snippet is plain data: the caller decides how to draw marks.
public struct Snippet: Hashable, Sendable {
    /// One line: whitespace runs are folded to one space, control and
    /// bidi-override characters removed; `…` where the text was cut.
    public var text: String
    /// Marked ranges as UTF-8 byte offsets into `text`, sorted, not overlapping.
    public var marks: [Range<Int>]

    public init(text: String, marks: [Range<Int>] = []) {
        self.text = text
        self.marks = marks
    }

    /// `text` with each mark wrapped in `open` and `close` (for `[…]` or terminal bold).
    public func marked(open: String = "[", close: String = "]") -> String {
        var out = ""
        let u = Array(text.utf8)
        var at = 0
        for m in marks {
            out += String(decoding: u[at..<m.lowerBound], as: UTF8.self) + open
            out += String(decoding: u[m], as: UTF8.self) + close
            at = m.upperBound
        }
        return out + String(decoding: u[at...], as: UTF8.self)
    }

    /// Builds the snippet for `focus` in `text` (UTF-8 offsets), at most `width`
    /// columns wide, staying inside `within` (e.g. the sentence) when given.
    /// `marks` are document spans to mark; those outside the shown text are dropped.
    public static func around(
        _ focus: TextSpan, in text: String, width: Int, marks: [TextSpan] = [], within: TextSpan? = nil
    ) -> Snippet {
        var copy = text
        return copy.withUTF8 { bytes in
            SnippetBuilder(bytes: bytes, width: max(width, 3)).build(focus: focus, marks: marks, within: within)
        }
    }
}

extension Document {
    /// A keyword-in-context line for `focus`; see `Snippet.around`.
    public func snippet(around focus: TextSpan, width: Int, marks: [TextSpan] = [], within: TextSpan? = nil) -> Snippet {
        Snippet.around(focus, in: text, width: width, marks: marks, within: within)
    }
}

/// The work behind `Snippet.around`: decode a window around the focus into
/// display units, grow outwards from the focus while the width allows, then
/// render with ellipses and map the marks.
private struct SnippetBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let width: Int

    /// A shown character and the document offset it came from.
    struct Unit {
        var scalar: Unicode.Scalar
        var source: Int
        var columns: Int
        var isSpace: Bool { scalar == " " }
    }

    func build(focus rawFocus: TextSpan, marks: [TextSpan], within: TextSpan?) -> Snippet {
        let n = bytes.count
        var region = within.map { max(0, Int($0.start))..<min(n, max(Int($0.start), Int($0.end))) } ?? 0..<n
        var focusLo = min(max(Int(rawFocus.start), 0), n)
        var focusHi = min(max(Int(rawFocus.end), focusLo), n)
        if !(region.contains(focusLo) || region.lowerBound == focusLo) || focusHi > region.upperBound {
            region = 0..<n
        }
        focusLo = max(focusLo, region.lowerBound)
        focusHi = min(max(focusHi, focusLo), region.upperBound)
        // Only a window around the focus matters: a few bytes per column is plenty.
        let reach = 4 * width + 16
        var lo = max(region.lowerBound, focusLo - reach)
        var hi = min(region.upperBound, max(focusHi, focusLo) + reach)
        while lo > region.lowerBound, lo < n, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
        while hi < region.upperBound, hi < n, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
        let units = decode(lo..<hi)
        guard !units.isEmpty else { return Snippet(text: "") }

        let fStart = units.firstIndex { $0.source >= focusLo } ?? units.count
        var fEnd = units.firstIndex { $0.source >= focusHi } ?? units.count
        if fEnd <= fStart { fEnd = min(fStart + 1, units.count) }
        let atRegionStart = lo == region.lowerBound
        let atRegionEnd = hi == region.upperBound
        var (a, b) = grow(units, from: max(0, min(fStart, units.count - 1)), to: fEnd, atStart: atRegionStart, atEnd: atRegionEnd)
        (a, b) = snapToWords(units, a, b, focus: fStart..<fEnd)
        while a < b, units[a].isSpace { a += 1 }
        while b > a, units[b - 1].isSpace { b -= 1 }
        let cutLeft = a > 0 || !atRegionStart
        let cutRight = b < units.count || !atRegionEnd
        return render(units, a..<b, cutLeft: cutLeft, cutRight: cutRight, marks: marks)
    }

    /// Display units of `range`: whitespace and controls fold to single spaces,
    /// invisible format characters vanish.
    private func decode(_ range: Range<Int>) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = UTF8Scalar.decode(bytes, at: i, end: range.upperBound)
            defer { i += len }
            if SnippetBuilder.isInvisible(v) { continue }
            if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || v == 0xA0 || v == 0x2028 || v == 0x2029 || v == 0x3000 {
                if let last = units.last, last.isSpace { continue }
                if units.isEmpty { continue }
                units.append(Unit(scalar: " ", source: i, columns: 1))
                continue
            }
            if v == 0x20 {
                if let last = units.last, last.isSpace { continue }
                if units.isEmpty { continue }
            }
            let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
            units.append(Unit(scalar: scalar, source: i, columns: SnippetBuilder.columns(v)))
        }
        return units
    }

    /// Grows `[a, b)` one unit at a time, alternating right and left, keeping
    /// a column free for each `…` that will be needed.
    private func grow(_ units: [Unit], from a0: Int, to b0: Int, atStart: Bool, atEnd: Bool) -> (Int, Int) {
        var a = a0
        var b = b0
        var used = units[a..<b].reduce(0) { $0 + $1.columns }
        func reserve(_ a: Int, _ b: Int) -> Int {
            (a > 0 || !atStart ? 1 : 0) + (b < units.count || !atEnd ? 1 : 0)
        }
        if used + reserve(a, b) > width {
            // The focus alone is too wide: show its beginning.
            b = a
            used = 0
            while b < units.count, used + units[b].columns + reserve(a, b + 1) <= width {
                used += units[b].columns
                b += 1
            }
            return (a, max(b, a + 1))
        }
        var turnRight = true
        while true {
            let canRight = b < units.count && used + units[b].columns + reserve(a, b + 1) <= width
            let canLeft = a > 0 && used + units[a - 1].columns + reserve(a - 1, b) <= width
            if !canRight && !canLeft { break }
            if (turnRight && canRight) || !canLeft {
                used += units[b].columns
                b += 1
            } else {
                a -= 1
                used += units[a].columns
            }
            turnRight.toggle()
        }
        return (a, b)
    }

    /// Moves a cut that falls inside a word to the nearest space inside the
    /// shown range, unless that would cost more than a third of the context.
    private func snapToWords(_ units: [Unit], _ a0: Int, _ b0: Int, focus: Range<Int>) -> (Int, Int) {
        var a = a0
        var b = b0
        if a > 0, !units[a - 1].isSpace, !units[a].isSpace {
            let limit = min(focus.lowerBound, a + max(3, (focus.lowerBound - a) / 3))
            if let s = units[a..<limit].firstIndex(where: \.isSpace) { a = s + 1 }
        }
        if b < units.count, b > 0, !units[b].isSpace, !units[b - 1].isSpace {
            let limit = max(focus.upperBound, b - max(3, (b - focus.upperBound) / 3))
            if limit < b, let s = units[limit..<b].lastIndex(where: \.isSpace) { b = s }
        }
        return (a, b)
    }

    private func render(_ units: [Unit], _ shown: Range<Int>, cutLeft: Bool, cutRight: Bool, marks: [TextSpan]) -> Snippet {
        // Bytes, not a scalar view: appending scalars one by one to a String costs
        // several times more than the whole rest of the snippet.
        var out: [UInt8] = []
        out.reserveCapacity(shown.count + 8)
        var offsets: [Int] = []  // output byte offset of each shown unit
        offsets.reserveCapacity(shown.count + 1)
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        if cutLeft { out += ellipsis }
        for u in units[shown] {
            offsets.append(out.count)
            UTF8.encode(u.scalar) { out.append($0) }
        }
        offsets.append(out.count)
        if cutRight { out += ellipsis }

        var ranges: [Range<Int>] = []
        for m in marks.sorted(by: { $0.start < $1.start }) {
            let ms = Int(m.start)
            let me = Int(m.end)
            guard let first = shown.firstIndex(where: { units[$0].source >= ms && units[$0].source < me }) else { continue }
            var last = first
            while last + 1 < shown.upperBound, units[last + 1].source < me { last += 1 }
            var r = offsets[first - shown.lowerBound]..<offsets[last + 1 - shown.lowerBound]
            if let prev = ranges.last, prev.upperBound > r.lowerBound {
                r = prev.upperBound..<max(prev.upperBound, r.upperBound)
                if r.isEmpty { continue }
            }
            ranges.append(r)
        }
        return Snippet(text: String(decoding: out, as: UTF8.self), marks: ranges)
    }

    static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0xAD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFE00...0xFE0F: return true
        default: return false
        }
    }

    /// Terminal columns of a scalar: 0 for combining marks, 2 for East Asian wide
    /// and emoji, else 1. (The full table lives in TextUI; this is enough for budgeting.)
    static func columns(_ v: UInt32) -> Int {
        switch v {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x20D0...0x20FF: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }
}
