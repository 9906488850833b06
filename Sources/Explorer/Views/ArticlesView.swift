import PolicyIndex
import TextUI

/// The article list: date, title, source; newest first.
enum ArticlesView {
    static func draw(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel, focused: Bool) {
        let list = s.derived.articles
        guard !list.isEmpty else {
            Draw.note(&c, r, "no articles under this filter", theme: s.theme)
            return
        }
        let p = s.position(.articleList)
        let sourceWidth = r.width >= 60 ? 14 : 0
        for i in 0..<r.height {
            let k = p.top + i
            guard k < list.count else { break }
            let d = model.document(list[k])
            let date = d.date.map { Draw.pad($0.date.iso, 10) } ?? Draw.pad("–", 10)
            let titleWidth = max(1, r.width - 11 - (sourceWidth > 0 ? sourceWidth + 1 : 0))
            var segs = [
                Segment(date + " ", s.theme.meta),
                Segment(Draw.pad(d.title.isEmpty ? d.path : d.title, titleWidth), s.reader.document == d.id ? s.theme.heading : .plain),
            ]
            if sourceWidth > 0 { segs.append(Segment(" " + Draw.pad(d.source ?? "", sourceWidth, right: true), s.theme.meta)) }
            Draw.row(&c, r, y: r.y + i, segs, selected: k == p.selected, focused: focused, theme: s.theme)
        }
    }
}

/// A pane shrunk to its current selection (stacked layout).
enum SummaryView {
    static func draw(_ c: inout Canvas, _ pane: Pane, _ r: Rect, _ s: AppState, _ model: ExplorerModel) {
        let title = "\(pane.rawValue + 1) \(pane.title)" + (App.paneMark(pane.sections[0], s) ?? "")
        var line: String
        switch pane {
        case .articles:
            let d = s.reader.document ?? s.selectedDocument
            line = d.map { model.document($0).title } ?? "no article"
            line = "\(s.derived.articles.count) articles · " + line
        case .actors:
            line = "\(s.derived.actors.count) actors"
            if let a = s.selectedActor { line += " · \(model.actor(a).name) (\(s.table(model).mentionCount[a.index]) mentions)" }
        case .timeline:
            line = "\(s.derived.events.count) events"
            if case .event(let e) = s.selectedTimelineRow { line += " · \(model.events[e].value) \(model.events[e].primary.label)" }
        }
        c.put(Draw.fit(line, r.width - 2), x: r.x + 1, y: r.y + 1, style: s.theme.meta, clip: r.inset(by: 1))
        Draw.box(&c, r, title: title, focused: false, theme: s.theme, footer: "\(pane.rawValue + 1) opens")
    }
}
