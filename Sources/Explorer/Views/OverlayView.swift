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
        let inner = r.inset(by: 1)
        switch overlay {
        case .help(let p):
            Draw.box(&c, r, title: "Keys — q or ? closes", focused: true, theme: s.theme, footer: "docs/keys.md")
            drawHelp(&c, inner, p, s)
        case .results(let p):
            let n = s.search?.hits.count ?? 0
            Draw.box(&c, r, title: "Search: \(s.search?.query ?? "") — \(n) articles · Enter opens · Esc closes", focused: true, theme: s.theme, footer: n == 0 ? nil : "\(p.selected + 1)/\(n)")
            drawResults(&c, inner, p, s, model)
        case .jump(let q, let p):
            let matches = model.jumpMatches(q)
            Draw.box(&c, r, title: "Jump to an actor, date or article", focused: true, theme: s.theme, footer: "\(matches.count) found")
            c.put("> " + q, x: inner.x, y: inner.y, style: s.theme.heading, clip: inner)
            c.put("█", x: inner.x + 2 + CharacterWidth.columns(q), y: inner.y, style: s.theme.dim, clip: inner)
            let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
            var pos = p
            pos.clamp(count: matches.count, rows: list.height)
            for i in 0..<list.height {
                let k = pos.top + i
                guard k < matches.count else { break }
                let m = matches[k]
                let tag: String
                var st = Style.plain
                switch m.kind {
                case .actor(let a):
                    tag = "actor  "
                    st = s.theme.kind(model.actor(a).kind)
                case .article: tag = "article"
                case .date: tag = "date   "
                }
                let detailWidth = min(24, list.width / 3)
                let labelWidth = max(1, list.width - 9 - detailWidth)
                Draw.row(&c, list, y: list.y + i, [Segment(tag + "  ", s.theme.meta), Segment(Draw.pad(m.label, labelWidth), st), Segment(" " + Draw.pad(m.detail, detailWidth - 1, right: true), s.theme.meta)], selected: k == pos.selected, focused: true, theme: s.theme)
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
            var x = c.put(Draw.pad(row.keys, keyWidth), x: r.x + 1, y: r.y + i, style: s.theme.titleFocused, clip: r)
            x = c.put(Draw.pad(row.name, nameWidth), x: x + 1, y: r.y + i, style: s.theme.meta, clip: r)
            c.put(Draw.fit(row.help, max(1, r.maxX - x - 1)), x: x + 1, y: r.y + i, clip: r)
        }
    }

    static func drawResults(_ c: inout Canvas, _ r: Rect, _ p: ListPosition, _ s: AppState, _ model: ExplorerModel) {
        guard let search = s.search else { return }
        var pos = p
        pos.clamp(count: search.hits.count, rows: max(1, r.height / 2))
        // Two lines a hit: the article, then the matching sentence.
        var y = r.y
        var k = pos.top
        while y + 1 < r.maxY, k < search.hits.count {
            let hit = search.hits[k]
            let doc = model.document(hit.document)
            let date = doc.date?.date.iso ?? "undated"
            Draw.row(&c, r, y: y, [Segment(Draw.pad("\(k + 1).", 5), s.theme.number), Segment(date + "  ", s.theme.meta), Segment(doc.title.isEmpty ? doc.path : doc.title, s.theme.heading)], selected: k == pos.selected, focused: true, theme: s.theme)
            let sentence = model.workspace.sentence(hit.sentence)
            let text = sentence.map { Kwic.flat(doc.text($0.span)) } ?? ""
            var segs: [Segment] = [Segment("     ")]
            if let m = hit.matches.first(where: { sentence?.span.contains($0) ?? false }), let sp = sentence?.span {
                segs += Kwic.line(
                    left: Kwic.flat(doc.text(TextSpan(Int(sp.start), Int(m.start)))), key: Kwic.flat(doc.text(m)),
                    right: Kwic.flat(doc.text(TextSpan(Int(m.end), Int(sp.end)))), width: r.width - 5, keyword: s.theme.searchHit)
            } else {
                segs.append(Segment(Draw.fit(text, r.width - 5)))
            }
            Draw.row(&c, r, y: y + 1, segs, selected: false, focused: true, theme: s.theme)
            y += 2
            k += 1
        }
    }
}
