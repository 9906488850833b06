/// Removes Markdown inline syntax, keeping what a reader would see:
/// `[text](url)` and `[text][ref]` become `text`, images disappear, `<https://…>`
/// loses its brackets, emphasis (`*`, `**`, `_`, `__`, `~~`) and code backticks
/// are dropped, `\*` escapes become the character, and inline HTML tags go.
/// `snake_case` and `2 * 3` are left alone.
enum MarkdownInline {
    static func strip(_ t: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = t.count
        while i < n {
            let b = t[i]
            switch b {
            case 0x5C where i + 1 < n && isPunctuation(t[i + 1]):
                out.append(t[i + 1])
                i += 2
            case 0x21 where i + 1 < n && t[i + 1] == 0x5B:
                // ![alt](url): an image; its alt text is not part of the prose.
                if let (_, after) = link(t, at: i + 1) {
                    i = after
                } else {
                    out.append(b)
                    i += 1
                }
            case 0x5B:
                if let (label, after) = link(t, at: i) {
                    strip(UnsafeBufferPointer(rebasing: t[label]), into: &out)
                    i = after
                } else {
                    out.append(b)
                    i += 1
                }
            case 0x2A, 0x7E, 0x60:
                var j = i
                while j < n, t[j] == b { j += 1 }
                let before = i > 0 ? t[i - 1] : 0x20
                let after = j < n ? t[j] : 0x20
                // A lone `*` between spaces is multiplication; a lone `~` is a tilde.
                let isMarker = b == 0x60 || !(isSpace(before) && isSpace(after)) && (b != 0x7E || j - i >= 2)
                if !isMarker { out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<j])) }
                i = j
            case 0x5F:
                var j = i
                while j < n, t[j] == 0x5F { j += 1 }
                let before = i > 0 ? t[i - 1] : 0x20
                let after = j < n ? t[j] : 0x20
                // `_` marks emphasis only at a word edge, never inside `snake_case`.
                if isWordByte(before) && isWordByte(after) { out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<j])) }
                i = j
            case 0x3C:
                if let after = autolinkOrTag(t, at: i, into: &out) {
                    i = after
                } else {
                    out.append(b)
                    i += 1
                }
            default:
                // This byte and the run of plain bytes after it go in one piece:
                // appended a byte at a time, each append checked that the array
                // was its own.
                var j = i + 1
                while j < n, !isMarkup(t[j]) { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<j]))
                i = j
            }
        }
    }

    /// The bytes the switch in `strip` gives a case of its own.
    @inline(__always)
    private static func isMarkup(_ b: UInt8) -> Bool {
        switch b {
        case 0x5C, 0x21, 0x5B, 0x2A, 0x7E, 0x60, 0x5F, 0x3C: true
        default: false
        }
    }

    /// `[label](target)`, `[label][ref]` or `[label][]` starting at `[`: the label range and where the link ends.
    private static func link(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> (Range<Int>, Int)? {
        var depth = 0
        var j = i
        while j < t.count, j - i < 300 {
            if t[j] == 0x5B { depth += 1 }
            if t[j] == 0x5D {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j < t.count, t[j] == 0x5D, j + 1 < t.count else { return nil }
        let label = (i + 1)..<j
        let open = t[j + 1]
        guard open == 0x28 || open == 0x5B else { return nil }
        let close: UInt8 = open == 0x28 ? 0x29 : 0x5D
        var k = j + 2
        var nesting = 0
        while k < t.count, k - j < 600 {
            if t[k] == open { nesting += 1 }
            if t[k] == close {
                if nesting == 0 { return (label, k + 1) }
                nesting -= 1
            }
            k += 1
        }
        return nil
    }

    /// `<https://…>` keeps the address; `<b>`, `</span>`, `<br/>` are dropped.
    private static func autolinkOrTag(_ t: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout [UInt8]) -> Int? {
        var j = i + 1
        while j < t.count, t[j] != 0x3E, t[j] != 0x3C, j - i < 300 { j += 1 }
        guard j < t.count, t[j] == 0x3E, j > i + 1 else { return nil }
        let inner = UnsafeBufferPointer(rebasing: t[(i + 1)..<j])
        if !inner.contains(0x20), inner.starts(with: Array("http".utf8)) || inner.contains(0x40) {
            out.append(contentsOf: inner)
            return j + 1
        }
        let first = inner[0] == 0x2F && inner.count > 1 ? inner[1] : inner[0]
        guard (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return nil }
        return j + 1
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }
    private static func isWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 || b >= 0x80
    }
    private static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }
}
