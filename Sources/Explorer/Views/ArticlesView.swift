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
        Draw.list(&c, r, count: list.count, position: s.position(.articleList), focused: focused, theme: s.theme) { k, row in
            let d = model.document(list[k])
            let sourceWidth = row.width >= 60 ? 14 : 0
            let titleWidth = max(1, row.width - 11 - (sourceWidth > 0 ? sourceWidth + 1 : 0))
            var segs = [
                Segment(Draw.pad(d.date?.date.iso ?? "–", 10) + " ", style: s.theme.meta),
                Segment(Draw.pad(d.title.isEmpty ? d.path : d.title, titleWidth), style: s.reader.document == d.id ? s.theme.heading : nil),
            ]
            if sourceWidth > 0 { segs.append(Segment(" " + Draw.pad(d.source ?? "", sourceWidth, right: true), style: s.theme.meta)) }
            return segs
        }
    }
}

/// A pane shrunk to its current selection (stacked layout).
enum SummaryView {
    static func draw(_ c: inout Canvas, _ pane: Pane, _ r: Rect, _ s: AppState, _ model: ExplorerModel) {
        let title = "\(pane.rawValue + 1) \(pane.title)" + (App.paneMark(pane.sections[0], s) ?? "")
        let inner = Panel(title: title, focused: false, theme: s.theme, rightTitle: "\(pane.rawValue + 1) opens").draw(in: r, on: &c)
        var line: String
        switch pane {
        case _ where pane != .articles && model.workspace.isPreview:
            line = IndexingView.waiting(pane)
        case .articles:
            let d = s.reader.document ?? s.selectedDocument
            line = "\(s.derived.articles.count) articles · " + (d.map { model.document($0).title } ?? "no article")
        case .actors:
            line = "\(s.derived.actors.count) actors"
            if let a = s.selectedActor { line += " · \(model.actor(a).name) (\(s.table(model).mentionCount[a.index]) mentions)" }
        case .timeline:
            line = "\(s.derived.events.count) events"
            if case .event(let e) = s.selectedTimelineRow { line += " · \(model.events[e].value) \(model.workspace.label(of: model.events[e].primary))" }
        }
        c.put(Draw.fit(Kwic.flat(Substring(line)), inner.width), x: inner.x, y: inner.y, style: s.theme.meta, clip: inner)
    }
}
