/// A byte-level reader for the flat YAML that front matter nearly always is:
/// one `key: value` per line, where a value is a plain or quoted scalar on one
/// line, or a list of such scalars (a `[a, b]` flow list or `- item` lines).
///
/// A full YAML parser costs about a million instructions per file, most of it
/// in machinery this subset never needs. The reader gives up (returns nil) the
/// moment anything else appears — anchors, aliases, tags, block or multi-line
/// scalars, nested maps, escapes, comments after a value, tabs, duplicate keys,
/// characters YAML refuses or treats as line breaks — and the caller then asks
/// the full parser, so giving up is always safe. Whatever it accepts it must
/// read exactly as the full parser does; a differential test holds it to that.
enum FlatYAML {
    typealias Entry = FrontMatter.Entry

    /// The entries in document order, or nil when the text leaves the subset.
    static func entries(_ t: UnsafeBufferPointer<UInt8>) -> [Entry]? {
        guard onlyPlainCharacters(t) else { return nil }
        var out: [Entry] = []
        // A key whose value is empty so far: `- item` lines may follow it.
        var open: (key: String, items: [String], indent: Int?)?
        func close() {
            guard let o = open else { return }
            out.append(Entry(key: o.key, value: o.items.isEmpty && o.indent == nil ? .scalar("") : .list(o.items)))
            open = nil
        }
        var lineStart = 0
        while lineStart < t.count {
            var end = lineStart
            while end < t.count, t[end] != 0x0A { end += 1 }
            let next = end + 1
            if end > lineStart, t[end - 1] == 0x0D { end -= 1 }
            defer { lineStart = next }
            var i = lineStart
            while i < end, t[i] == 0x20 { i += 1 }
            if i == end { continue }  // blank line
            if i == lineStart, t[i] == 0x23 { continue }  // comment line
            if t[i] == 0x2D, i + 1 == end || t[i + 1] == 0x20 {
                // A list item belongs to the open key, all at one indentation.
                guard var o = open else { return nil }
                let indent = i - lineStart
                if let first = o.indent, first != indent { return nil }
                o.indent = indent
                var k = i + 1
                while k < end, t[k] == 0x20 { k += 1 }
                if k == end {
                    o.items.append("")
                } else {
                    guard let item = scalar(t, k, end, flow: false) else { return nil }
                    o.items.append(item)
                }
                open = o
                continue
            }
            guard i == lineStart else { return nil }  // indented text: a nested map or a folded scalar
            close()
            guard let (key, valueStart) = keyOfLine(t, lineStart, end) else { return nil }
            if out.contains(where: { $0.key == key }) { return nil }  // YAML refuses duplicate keys
            var v = valueStart
            while v < end, t[v] == 0x20 { v += 1 }
            if v == end {
                open = (key, [], nil)
            } else if t[v] == 0x5B {
                guard let items = flowList(t, v, end) else { return nil }
                out.append(Entry(key: key, value: .list(items)))
            } else {
                guard let s = scalar(t, v, end, flow: false) else { return nil }
                out.append(Entry(key: key, value: .scalar(s)))
            }
        }
        close()
        return out
    }

    /// `key:` followed by a space or the end of the line; returns the key and where its value starts.
    private static func keyOfLine(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (String, Int)? {
        var i = start
        while i < end, isKeyByte(t[i]) { i += 1 }
        guard i > start, i - start <= 1000, i < end, t[i] == 0x3A, i + 1 == end || t[i + 1] == 0x20 else { return nil }
        let first = t[start]
        guard ByteClass.isAlnum(first) || first == 0x5F else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: t[start..<i]), as: UTF8.self), i + 1)
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == 0x5F || b == 0x2D || b == 0x2E
    }

    /// One scalar from `start` to the end of the line (block) or to the next `,` or `]` (flow,
    /// where `end` is already that boundary). Quoted scalars must close and be followed by
    /// spaces only; plain ones may not hold `: `, ` #` or (in a flow list) brackets, braces and quotes.
    private static func scalar(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, flow: Bool) -> String? {
        let first = t[start]
        if first == 0x22 || first == 0x27 {
            var bytes: [UInt8] = []
            var i = start + 1
            while true {
                guard i < end else { return nil }  // unclosed: it goes on over lines
                let b = t[i]
                if b == 0x5C, first == 0x22 { return nil }  // escapes
                if b == first {
                    if first == 0x27, i + 1 < end, t[i + 1] == 0x27 {
                        bytes.append(0x27)
                        i += 2
                        continue
                    }
                    break
                }
                bytes.append(b)
                i += 1
            }
            i += 1
            while i < end, t[i] == 0x20 { i += 1 }
            guard i == end else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Indicators that start something else: sequences, keys, flow collections, comments,
        // anchors, aliases, tags, block scalars, directives and reserved characters.
        switch first {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x25, 0x40, 0x60:
            return nil
        default: break
        }
        var last = start
        var i = start
        while i < end {
            let b = t[i]
            if b == 0x3A, i + 1 == end || t[i + 1] == 0x20 { return nil }
            if b == 0x23, t[i - 1] == 0x20 { return nil }
            if flow {
                switch b {
                case 0x3A, 0x23, 0x5B, 0x5D, 0x7B, 0x7D, 0x22, 0x27: return nil
                default: break
                }
            }
            if b != 0x20 { last = i + 1 }
            i += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: t[start..<last]), as: UTF8.self)
    }

    /// `[a, "b c", 'd']` on one line, then nothing but spaces.
    private static func flowList(_ t: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int) -> [String]? {
        var close = open + 1
        while close < end, t[close] != 0x5D {
            // Quoted items may hold `,` and `]`; step over them whole.
            if t[close] == 0x22 || t[close] == 0x27 {
                let q = t[close]
                close += 1
                while close < end, t[close] != q { close += 1 }
            }
            close += 1
        }
        guard close < end else { return nil }
        var k = close + 1
        while k < end, t[k] == 0x20 { k += 1 }
        guard k == end else { return nil }
        var items: [String] = []
        var i = open + 1
        while i < close, t[i] == 0x20 { i += 1 }
        if i == close { return [] }
        while i < close {
            var j = i
            if t[j] == 0x22 || t[j] == 0x27 {
                let q = t[j]
                j += 1
                while j < close {
                    if t[j] == q {
                        // `''` inside single quotes is one quote, not the end.
                        guard q == 0x27, j + 1 < close, t[j + 1] == 0x27 else { break }
                        j += 1
                    }
                    j += 1
                }
                j = min(j + 1, close)
            } else {
                while j < close, t[j] != 0x2C { j += 1 }
            }
            var e = j
            while e < close, t[e] == 0x20 { e += 1 }
            guard e == close || t[e] == 0x2C else { return nil }
            var itemEnd = j
            while itemEnd > i, t[itemEnd - 1] == 0x20 { itemEnd -= 1 }
            guard itemEnd > i, let item = scalar(t, i, itemEnd, flow: true) else { return nil }
            items.append(item)
            guard e < close else { break }
            i = e + 1
            while i < close, t[i] == 0x20 { i += 1 }
            guard i < close else { return nil }  // `[a, ]`: leave trailing commas to the full parser
        }
        return items
    }

    /// False for bytes YAML refuses or reads as line breaks: controls (tabs included), a
    /// carriage return not before a line feed, C1 controls, U+2028/2029, a byte order mark,
    /// U+FFFE/FFFF.
    private static func onlyPlainCharacters(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = t.count
        while i < n {
            let b = t[i]
            if b < 0x20 {
                if b == 0x0A || (b == 0x0D && i + 1 < n && t[i + 1] == 0x0A) {
                    i += 1
                    continue
                }
                return false
            }
            if b < 0x7F {
                i += 1
                continue
            }
            if b == 0x7F { return false }
            let b1: UInt8 = i + 1 < n ? t[i + 1] : 0
            let b2: UInt8 = i + 2 < n ? t[i + 2] : 0
            if b == 0xC2, b1 < 0xA0 { return false }
            if b == 0xE2, b1 == 0x80, b2 == 0xA8 || b2 == 0xA9 { return false }
            if b == 0xEF, (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && b2 >= 0xBE) { return false }
            i += 1
        }
        return true
    }
}
