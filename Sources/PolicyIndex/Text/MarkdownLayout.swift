/// Finds the paragraphs of a Markdown body and removes its syntax.
///
/// ATX (`# Title`) and setext (`Title` over `===`) headings become heading
/// paragraphs, `>` blocks quotes, `-`/`*`/`+`/`1.` items list items; fenced code
/// stays as text; rules, link reference definitions and HTML comments vanish;
/// table rows become one paragraph each with cells separated by ` · `. Soft line
/// breaks inside a paragraph are joined, as Markdown renders them.
struct MarkdownLayout {
    /// The first level-one heading, else the first heading of any level.
    private(set) var title: String?
    private var titleLevel = 7

    private var para: [UInt8] = []
    private var kind: Paragraph.Kind = .body
    private var open = false
    private var scratch: [UInt8] = []

    static func layout(_ t: UnsafeBufferPointer<UInt8>, from start: Int, into body: inout BodyBuilder) -> String? {
        var m = MarkdownLayout()
        m.run(t, from: start, into: &body)
        return m.title
    }

    private mutating func run(_ t: UnsafeBufferPointer<UInt8>, from start: Int, into body: inout BodyBuilder) {
        let lines = PlainTextLayout.lines(t, from: start)
        var fence: UInt8 = 0
        var inComment = false
        for r in lines {
            let line = PlainTextLayout.trimmed(t, r)
            let text = UnsafeBufferPointer(rebasing: t[line])
            if fence != 0 {
                if text.count >= 3, text[0] == fence, text[1] == fence, text[2] == fence {
                    fence = 0
                    flush(into: &body)
                } else {
                    addCode(text)
                }
                continue
            }
            if inComment {
                if contains(text, "-->") { inComment = false }
                continue
            }
            if text.isEmpty {
                flush(into: &body)
                continue
            }
            let first = text[0]
            if text.count >= 3, first == 0x60 || first == 0x7E, text[1] == first, text[2] == first {
                flush(into: &body)
                fence = first
                kind = .body
                open = true
                continue
            }
            if text.starts(with: Array("<!--".utf8)) {
                flush(into: &body)
                inComment = !contains(text, "-->")
                continue
            }
            if let level = atxLevel(text) {
                flush(into: &body)
                var e = text.count
                while e > level, text[e - 1] == 0x23 || text[e - 1] == 0x20 { e -= 1 }
                kind = .heading
                open = true
                if e > level { para.append(contentsOf: UnsafeBufferPointer(rebasing: text[level..<e])) }
                flush(into: &body, headingLevel: level)
                continue
            }
            if open, kind == .body, isUnderline(text, 0x3D) || isUnderline(text, 0x2D) {
                kind = .heading
                flush(into: &body, headingLevel: text[0] == 0x3D ? 1 : 2)
                continue
            }
            if isRule(text) {
                flush(into: &body)
                continue
            }
            if first == 0x3E {
                if !open || kind != .quote { flush(into: &body) }
                kind = .quote
                open = true
                var s = 0
                while s < text.count, text[s] == 0x3E || text[s] == 0x20 { s += 1 }
                add(UnsafeBufferPointer(rebasing: text[s...]))
                continue
            }
            let marker = PlainTextLayout.listMarker(t, line)
            if marker > 0 {
                flush(into: &body)
                kind = .listItem
                open = true
                add(UnsafeBufferPointer(rebasing: text[marker...]))
                continue
            }
            if first == 0x7C {
                flush(into: &body)
                addTableRow(text)
                flush(into: &body)
                continue
            }
            if first == 0x5B, isReferenceDefinition(text) {
                flush(into: &body)
                continue
            }
            if !open {
                kind = .body
                open = true
            }
            add(text)
        }
        flush(into: &body)
    }

    private mutating func add(_ text: UnsafeBufferPointer<UInt8>) {
        if !para.isEmpty { para.append(0x20) }
        para.append(contentsOf: text)
    }

    private mutating func addCode(_ text: UnsafeBufferPointer<UInt8>) {
        if !para.isEmpty { para.append(0x20) }
        // Code is not Markdown: protect it from inline stripping by escaping.
        for b in text {
            if b == 0x2A || b == 0x5F || b == 0x5B || b == 0x60 || b == 0x7E || b == 0x3C || b == 0x5C || b == 0x21 {
                para.append(0x5C)
            }
            para.append(b)
        }
    }

    private mutating func addTableRow(_ text: UnsafeBufferPointer<UInt8>) {
        let cells = text.split(separator: 0x7C).map { PlainTextLayout.trimmed(UnsafeBufferPointer(rebasing: $0), 0..<$0.count).isEmpty ? [] : Array($0) }
        let filled = cells.filter { !$0.isEmpty }
        // `|---|:--:|` separates the header row from the body.
        if filled.allSatisfy({ $0.allSatisfy { $0 == 0x2D || $0 == 0x3A || $0 == 0x20 } }) { return }
        kind = .body
        open = true
        for (n, c) in filled.enumerated() {
            if n > 0 { para.append(contentsOf: Array(" · ".utf8)) }
            para.append(contentsOf: c)
        }
    }

    private mutating func flush(into body: inout BodyBuilder, headingLevel: Int? = nil) {
        if !para.isEmpty {
            scratch.removeAll(keepingCapacity: true)
            para.withUnsafeBufferPointer { MarkdownInline.strip($0, into: &scratch) }
            scratch.withUnsafeBufferPointer { body.paragraph(kind, $0) }
            if let level = headingLevel, level < titleLevel {
                titleLevel = level
                title = String(decoding: scratch, as: UTF8.self)
            }
        }
        para.removeAll(keepingCapacity: true)
        kind = .body
        open = false
    }

    private func atxLevel(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = 0
        while k < text.count, k < 7, text[k] == 0x23 { k += 1 }
        guard k >= 1, k <= 6, k == text.count || text[k] == 0x20 || text[k] == 0x09 else { return nil }
        return k
    }

    private func isUnderline(_ text: UnsafeBufferPointer<UInt8>, _ c: UInt8) -> Bool {
        text.count >= 2 && text.allSatisfy { $0 == c }
    }

    /// `***`, `---`, `___` (spaces allowed between).
    /// Asked of every line: one pass that gives up at the first other byte,
    /// which on a line of prose is its first letter.
    private func isRule(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var mark: UInt8 = 0
        var marks = 0
        for b in text where b != 0x20 {
            if marks == 0 {
                guard b == 0x2A || b == 0x2D || b == 0x5F else { return false }
                mark = b
            } else if b != mark {
                return false
            }
            marks += 1
        }
        return marks >= 3
    }

    /// `[ref]: https://…`
    private func isReferenceDefinition(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let close = text.firstIndex(of: 0x5D), close + 1 < text.count else { return false }
        return text[close + 1] == 0x3A
    }

    private func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard text.count >= n.count else { return false }
        for i in 0...(text.count - n.count) where text[i] == n[0] {
            if Array(text[i..<(i + n.count)]) == n { return true }
        }
        return false
    }
}
