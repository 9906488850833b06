/// Finds the paragraphs of plain text.
///
/// Blank lines always separate paragraphs. Within a block of lines, hard-wrapped
/// prose (lines of a similar width, at most 100 bytes) is joined back into one
/// paragraph; otherwise each line is a paragraph of its own, which is how text
/// copied from a web page arrives (and keeps runs of headlines apart for the
/// boilerplate cleaner). List items (`- `, `* `, `• `, `1. `, `2) `) start their
/// own paragraph; `> ` lines are quotes; a short, capitalised line without a
/// closing full stop that stands alone is a heading.
struct PlainTextLayout {
    /// Lines (without their `\n`) of the decoded text.
    static func lines(_ t: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = start
        var i = start
        while i < t.count {
            if t[i] == 0x0A {
                out.append(s..<i)
                s = i + 1
            }
            i += 1
        }
        if s < t.count { out.append(s..<t.count) }
        return out
    }

    /// A line the caller has already classified (a headline, a masthead).
    struct Fixed {
        var kind: Paragraph.Kind
        var preset: BoilerplateReason?
    }

    static func layout(
        _ t: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], fixed: [Int: Fixed] = [:], into body: inout BodyBuilder
    ) {
        var i = 0
        while i < lines.count {
            if isBlank(t, lines[i]) {
                i += 1
                continue
            }
            var j = i
            while j < lines.count, !isBlank(t, lines[j]), fixed[j] == nil || j == i { j += 1 }
            if let f = fixed[i] {
                body.paragraph(f.kind, UnsafeBufferPointer(rebasing: t[lines[i]]), preset: f.preset)
                i += 1
                continue
            }
            layoutBlock(t, Array(lines[i..<j]), standalone: j - i == 1, into: &body)
            i = j
        }
        body.end()
    }

    static func isBlank(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for k in r where !BodyBuilder.isSpace(t[k]) { return false }
        return true
    }

    private static func layoutBlock(_ t: UnsafeBufferPointer<UInt8>, _ block: [Range<Int>], standalone: Bool, into body: inout BodyBuilder) {
        let wrapped = isWrapped(t, block)
        var open = false
        var inQuote = false
        for (n, r) in block.enumerated() {
            let line = trimmed(t, r)
            let marker = listMarker(t, line)
            let quote = line.count >= 1 && t[line.lowerBound] == 0x3E
            defer { inQuote = quote }
            if marker > 0 {
                body.begin(.listItem)
                body.append(UnsafeBufferPointer(rebasing: t[(line.lowerBound + marker)..<line.upperBound]))
                open = true
                continue
            }
            if quote {
                var s = line.lowerBound + 1
                while s < line.upperBound, t[s] == 0x3E || t[s] == 0x20 { s += 1 }
                if !inQuote { body.begin(.quote) }
                body.append(0x20)
                body.append(UnsafeBufferPointer(rebasing: t[s..<line.upperBound]))
                open = true
                continue
            }
            let text = UnsafeBufferPointer(rebasing: t[line])
            let continues = open && wrapped && n > 0
            if !continues {
                let next = n + 1 < block.count ? block[n + 1] : nil
                body.begin(isHeading(text, standalone: standalone, before: next.map { t[$0].count }) ? .heading : .body)
            } else {
                body.append(0x20)
            }
            body.append(text)
            open = true
        }
        body.end()
    }

    static func trimmed(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var s = r.lowerBound
        var e = r.upperBound
        while s < e, BodyBuilder.isSpace(t[s]) { s += 1 }
        while e > s, BodyBuilder.isSpace(t[e - 1]) { e -= 1 }
        return s..<e
    }

    /// Hard-wrapped prose: every line but the last is long and of a similar width.
    static func isWrapped(_ t: UnsafeBufferPointer<UInt8>, _ block: [Range<Int>]) -> Bool {
        guard block.count >= 2 else { return false }
        let lengths = block.map { trimmed(t, $0).count }
        let widest = lengths.max() ?? 0
        guard widest >= 40, widest <= 100 else { return false }
        let body = lengths.dropLast()
        if block.count == 2 {
            return lengths[0] >= 50 && lengths[0] >= lengths[1] && !endsWithStop(t, trimmed(t, block[0]))
        }
        // Ragged-right wrapping leaves every line but the last close to the width.
        return body.allSatisfy { $0 * 10 >= widest * 7 }
    }

    private static func endsWithStop(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard let last = r.last else { return false }
        return t[last] == 0x2E || t[last] == 0x21 || t[last] == 0x3F
    }

    /// Length of a list marker and the space after it, or 0.
    static func listMarker(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        let s = r.lowerBound
        let n = r.count
        guard n >= 3 else { return 0 }
        let b = t[s]
        if (b == 0x2D || b == 0x2A || b == 0x2B), t[s + 1] == 0x20 { return 2 }
        // • (E2 80 A2), ‣ (E2 80 A3), · (C2 B7), ▪ (E2 96 AA)
        if b == 0xE2, n >= 4, t[s + 3] == 0x20,
            (t[s + 1] == 0x80 && (t[s + 2] == 0xA2 || t[s + 2] == 0xA3)) || (t[s + 1] == 0x96 && t[s + 2] == 0xAA)
        {
            return 4
        }
        if b == 0xC2, t[s + 1] == 0xB7, t[s + 2] == 0x20 { return 3 }
        var k = s
        while k < r.upperBound, k - s < 3, t[k] >= 0x30, t[k] <= 0x39 { k += 1 }
        if k > s, k + 1 < r.upperBound, t[k] == 0x2E || t[k] == 0x29, t[k + 1] == 0x20 {
            // `1954. The war…` is a year opening a sentence, not a list item.
            return k - s <= 2 ? k + 2 - s : 0
        }
        return 0
    }

    /// A heading: a line of at most twelve words that is not a sentence: it stands
    /// alone between blank lines or sits above a long line, starts with a capital
    /// and does not end in `.`, `,`, `;` or `:`.
    static func isHeading(_ text: UnsafeBufferPointer<UInt8>, standalone: Bool, before nextLength: Int?) -> Bool {
        guard !text.isEmpty, text.count <= 120 else { return false }
        let words = WordCounter.count(text)
        guard words >= 1, words <= 12 else { return false }
        var last = text.count - 1
        while last > 0, text[last] == 0x20 { last -= 1 }
        let end = text[last]
        if end == 0x2E || end == 0x2C || end == 0x3B || end == 0x3A { return false }
        let first = text[0]
        let capital = (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39) || first >= 0xC3 || first == 0x22
        guard capital else { return false }
        if DateField.isDateLine(String(decoding: text, as: UTF8.self)) { return false }
        return standalone || (nextLength ?? 0) >= 160
    }
}
