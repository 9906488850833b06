import PolicyIndex
import TextUI

/// Help, search results and quick jump, drawn over the panes.
enum OverlayView {
    static func frame(_ size: Size) -> Rect {
        let w = max(1, min(size.width - 4, 110))
        let h = max(1, size.height - 4)
        return Rect(x: (size.width - w) / 2, y: max(0, (size.height - h) / 2 - 1), width: w, height: h)
    }

    static func draw(_ c: inout Canvas, _ overlay: Overlay, _ s: AppState, _ model: ExplorerModel) {
        let r = frame(s.size)
        guard r.width >= 4, r.height >= 3 else { return }
        c.fill(r, with: .blank)
        switch overlay {
        case .help(let p):
            let inner = Panel(title: "Keys — q or ? closes", focused: true, theme: s.theme, rightTitle: "docs/keys.md").draw(in: r, on: &c)
            drawHelp(&c, inner, p, s)
        case .results(let p):
            let n = s.search?.hits.count ?? 0
            let inner = Panel(title: "Search: \(s.search?.query ?? "") — Enter opens · Esc closes", focused: true, theme: s.theme, rightTitle: n == 0 ? nil : "\(p.selected + 1)/\(n)").draw(in: r, on: &c)
            drawResults(&c, inner, p, s, model)
        case .jump(let input, let p):
            let matches = model.jumpMatches(input.text)
            let inner = Panel(title: "Jump to an actor, date or article", focused: true, theme: s.theme, rightTitle: "\(matches.count) found").draw(in: r, on: &c)
            TextInputView(prompt: "> ", state: input, theme: s.theme).draw(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), on: &c)
            let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
            var pos = p
            pos.clamp(count: matches.count, rows: list.height)
            Draw.list(&c, list, count: matches.count, position: pos, focused: true, theme: s.theme) { k, row in
                let m = matches[k]
                let tag: String
                var st: Style?
                switch m.kind {
                case .actor(let a):
                    tag = "actor  "
                    st = s.theme.kind(model.actor(a).kind)
                case .article: tag = "article"
                case .date: tag = "date   "
                }
                let detailWidth = min(24, row.width / 3)
                let labelWidth = max(1, row.width - 9 - detailWidth)
                return [Segment(tag + "  ", style: s.theme.meta), Segment(Draw.pad(m.label, labelWidth), style: st), Segment(" " + Draw.pad(m.detail, detailWidth - 1, right: true), style: s.theme.meta)]
            }
        }
    }

    static func drawHelp(_ c: inout Canvas, _ r: Rect, _ p: ListPosition, _ s: AppState) {
        let rows = s.keymap.helpRows
        let keyWidth = min(22, max(8, r.width / 4))
        let nameWidth = min(18, max(8, r.width / 5))
        for i in 0..<r.height {
            let k = p.top + i
            guard k < rows.count else { break }
            let row = rows[k]
            if row.name.isEmpty {
                c.put(row.keys, x: r.x, y: r.y + i, style: s.theme.heading, clip: r)
                continue
            }
            var x = c.put(Draw.pad(row.keys, keyWidth), x: r.x + 1, y: r.y + i, style: s.theme.statusAccent.bg(.default), clip: r)
            x = c.put(Draw.pad(row.name, nameWidth), x: x + 1, y: r.y + i, style: s.theme.meta, clip: r)
            c.put(Draw.fit(row.help, max(1, r.maxX - x - 1)), x: x + 1, y: r.y + i, clip: r)
        }
    }

    static func drawResults(_ c: inout Canvas, _ r: Rect, _ p: ListPosition, _ s: AppState, _ model: ExplorerModel) {
        guard let search = s.search, r.height >= 2 else { return }
        var pos = p
        pos.clamp(count: search.hits.count, rows: max(1, r.height / 2))
        // Two lines a hit: the article, then the matching sentence with the match marked.
        var y = r.y
        var k = pos.top
        while y + 1 < r.maxY, k < search.hits.count {
            let hit = search.hits[k]
            let doc = model.document(hit.document)
            let row = Rect(x: r.x, y: y, width: r.width, height: 1)
            let selected = k == pos.selected
            if selected { c.fill(Rect(x: r.x, y: y, width: r.width, height: 2), with: Cell(" ", style: s.theme.selection)) }
            Draw.segments(&c, row, [
                Segment(Draw.pad("\(k + 1).", 5), style: s.theme.number), Segment((doc.date?.date.iso ?? "undated") + "  ", style: s.theme.meta),
                Segment(doc.title.isEmpty ? doc.path : doc.title, style: s.theme.heading),
            ])
            if let sentence = model.workspace.sentence(hit.sentence) {
                let focus = hit.matches.first { sentence.span.contains($0) } ?? sentence.span
                let marks = hit.matches.filter { sentence.span.contains($0) }
                Draw.segments(&c, Rect(x: r.x + 5, y: y + 1, width: r.width - 5, height: 1),
                              Kwic.line(doc, focus: focus, within: sentence.span, width: r.width - 5, keyword: s.theme.searchHit, marks: marks))
            }
            if selected { c.restyle(Rect(x: r.x, y: y, width: r.width, height: 2)) { $0 = s.theme.selection.over($0) } }
            y += 2
            k += 1
        }
    }
}
