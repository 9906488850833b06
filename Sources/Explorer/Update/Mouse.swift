import PolicyIndex
import TextUI

/// Clicks focus and select; a double click follows; the wheel scrolls.
extension App {
    static func mouse(_ s: inout AppState, _ m: MouseEvent, _ model: ExplorerModel) -> [Effect] {
        if s.overlay != nil {
            switch m.kind {
            case .wheelUp: move(&s, .by(-3), model)
            case .wheelDown: move(&s, .by(3), model)
            default: break
            }
            return []
        }
        let l = layout(s)
        if let tabs = l.tabs, tabs.contains(x: m.x, y: m.y) {
            if case .press = m.kind, let p = tabRanges().first(where: { $0.range.contains(m.x) })?.pane { focus(&s, pane: p) }
            return []
        }
        if let p = l.collapsed.first(where: { $0.value.contains(x: m.x, y: m.y) })?.key {
            if m.kind == .press || m.kind == .doubleClick { focus(&s, pane: p) }
            return []
        }
        guard let section = l.section(at: m.x, m.y) else { return [] }
        switch m.kind {
        case .release: return []
        case .wheelUp, .wheelDown:
            let d = m.kind == .wheelUp ? -3 : 3
            if section == .reader {
                let saved = s.section
                s.section = .reader
                moveReader(&s, .halfPage(0), model)
                if let doc = s.reader.document {
                    let rl = readerLayout(s, doc, model)
                    s.reader.top = max(0, min(s.reader.top + d, max(0, rl.lines.count - readerRows(s))))
                }
                s.section = saved
            } else {
                var p = s.position(section)
                p.selected += d
                select(&s, section, p, model)
            }
            return []
        case .press, .doubleClick:
            focus(&s, section: section)
            guard let c = l.content(section), c.contains(x: m.x, y: m.y) else { return [] }
            if section == .reader {
                clickReader(&s, x: m.x - c.x, row: m.y - c.y, model)
            } else {
                let head = section == .timeline && c.height >= 8 ? ScreenLayout.histogramRows : 0
                let row = s.position(section).top + (m.y - c.y - head)
                guard m.y - c.y >= head, row < s.count(section, model) else { return [] }
                var p = s.position(section)
                p.selected = row
                select(&s, section, p, model)
            }
            if m.kind == .doubleClick { followLink(&s, model) }
            return []
        }
    }

    /// Selects the sentence under a click and makes the mention under it the current link.
    static func clickReader(_ s: inout AppState, x: Int, row: Int, _ model: ExplorerModel) {
        guard let d = s.reader.document else { return }
        let doc = model.document(d)
        let l = readerLayout(s, d, model)
        let i = s.reader.top + row
        guard l.lines.indices.contains(i), case .text = l.lines[i].kind else { return }
        let line = l.lines[i]
        // Walk the line's characters to the clicked column.
        var offset = line.start
        var col = 0
        for ch in doc.text(TextSpan(line.start, line.end)) {
            let w = CharacterWidth.sanitize(ch).map { CharacterWidth.columns($0) } ?? CharacterWidth.columns(ch)
            if col + w > x { break }
            col += w
            offset += ch.utf8.count
        }
        guard let k = doc.sentenceIndex(containing: offset) else { return }
        let mentions = model.workspace.actors.mentions
        let hit = model.mentionRanges[d.index].first { mentions[$0].span.range.contains(offset) }
        s.reader.sentence = k
        s.reader.link = hit ?? firstMention(model, d, sentence: k)
    }

    /// Columns of the tab bar labels, shared with the view.
    static func tabRanges() -> [(pane: Pane, label: String, range: Range<Int>)] {
        var x = 1
        return Pane.allCases.map { p in
            let label = " \(p.rawValue + 1) \(p.title) "
            defer { x += label.count + 1 }
            return (p, label, x..<(x + label.count))
        }
    }
}
