/// One start or end tag read by `HTMLScanner`, with the few attributes polex uses.
struct HTMLTag {
    var name: String = ""
    var isEnd = false
    var selfClosing = false
    /// Attribute values as byte ranges into the page (entities not yet decoded).
    var attributes: [(name: String, value: Range<Int>)] = []

    func attribute(_ name: String) -> Range<Int>? { attributes.first { $0.name == name }?.value }

    /// Attributes kept: everything else (style, data-*, on*) is skipped unread.
    static let wanted: Set<String> = [
        "class", "id", "role", "name", "property", "itemprop", "content", "href", "rel", "datetime", "type",
        "hidden", "lang", "pubdate", "aria-hidden",
    ]

    /// Reads a tag starting at `<` (index `i`). Returns nil when the `<` does not
    /// start a tag (`a < b`), else the tag and the index after its `>`. A quote
    /// left open is closed at the next `>`, so one stray quote cannot swallow a page.
    static func read(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> (HTMLTag, Int)? {
        let n = t.count
        var j = i + 1
        var tag = HTMLTag()
        if j < n, t[j] == 0x2F {
            tag.isEnd = true
            j += 1
        }
        guard j < n, isLetter(t[j]) else { return nil }
        let nameStart = j
        while j < n, isNameByte(t[j]) { j += 1 }
        tag.name = lowercased(t, nameStart..<j)
        while j < n {
            let b = t[j]
            if b == 0x3E { return (tag, j + 1) }
            if b == 0x2F, j + 1 < n, t[j + 1] == 0x3E {
                tag.selfClosing = true
                return (tag, j + 2)
            }
            if !isNameByte(b) {
                j += 1
                continue
            }
            let an = j
            while j < n, isNameByte(t[j]) { j += 1 }
            let attrName = lowercased(t, an..<j)
            while j < n, t[j] == 0x20 || t[j] == 0x0A || t[j] == 0x09 { j += 1 }
            var value = j..<j
            if j < n, t[j] == 0x3D {
                j += 1
                while j < n, t[j] == 0x20 || t[j] == 0x0A || t[j] == 0x09 { j += 1 }
                if j < n, t[j] == 0x22 || t[j] == 0x27 {
                    let q = t[j]
                    let vs = j + 1
                    var k = vs
                    while k < n, t[k] != q, k - vs < 65536 { k += 1 }
                    if k < n, t[k] == q {
                        value = vs..<k
                        j = k + 1
                    } else {
                        var gt = vs
                        while gt < n, t[gt] != 0x3E { gt += 1 }
                        value = vs..<gt
                        j = gt
                    }
                } else {
                    let vs = j
                    while j < n, t[j] != 0x20, t[j] != 0x3E, t[j] != 0x0A, t[j] != 0x09 { j += 1 }
                    value = vs..<j
                }
            }
            if wanted.contains(attrName) { tag.attributes.append((attrName, value)) }
        }
        return (tag, n)
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A || b == 0x5F || b == 0x2E
    }

    static func lowercased(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: t[r.lowerBound..<min(r.upperBound, r.lowerBound + 64)]).lazy.map {
            $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0
        }, as: UTF8.self)
    }
}
