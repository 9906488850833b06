import PolicyIndex
import TextUI

extension App {
    /// Draws the whole screen for a state. Only visible rows are computed.
    public static func view(_ s: AppState, model: ExplorerModel?) -> Canvas {
        var c = Canvas(size: s.size)
        let l = layout(s)
        let theme = s.theme
        guard let model, !s.loading else {
            LoadingView.draw(&c, Rect(x: 0, y: 0, width: s.size.width, height: max(0, s.size.height - 1)), s)
            StatusBar(left: [Segment(" polex · loading…")], right: [Segment("q quits ")], style: theme.status).draw(in: l.status, on: &c)
            return c
        }
        if l.mode == .tiny {
            drawTiny(&c, s, l, model)
            return c
        }
        for (section, rect) in l.boxes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            drawSection(&c, section, rect, s, l, model)
        }
        if let m = l.matrix { NeighbourhoodView.draw(&c, m, s, model) }
        for (pane, rect) in l.collapsed { SummaryView.draw(&c, pane, rect, s, model) }
        if let tabs = l.tabs { drawTabs(&c, tabs, s) }
        StatusView.drawBars(&c, s, l, model)
        if let overlay = s.overlay { OverlayView.draw(&c, overlay, s, model) }
        return c
    }

    static func drawSection(_ c: inout Canvas, _ section: Section, _ rect: Rect, _ s: AppState, _ l: ScreenLayout, _ model: ExplorerModel) {
        let focused = s.section == section && s.overlay == nil
        var inner = rect
        if l.bordered {
            let title = sectionTitle(section, s, model) + (paneMark(section, s) ?? "")
            inner = Panel(title: title, focused: focused, theme: s.theme, rightTitle: position(section, s, rect.inset(by: 1), model)).draw(in: rect, on: &c)
        }
        if model.workspace.isPreview, section.pane != .articles {
            // One note per pane, in its main section; the sections below it stay empty.
            if section == section.pane.sections[0] { IndexingView.draw(&c, inner, section.pane, s) }
            return
        }
        switch section {
        case .articleList: ArticlesView.draw(&c, inner, s, model, focused: focused)
        case .reader: ReaderView.draw(&c, inner, s, model, focused: focused)
        case .actorList: ActorsView.drawList(&c, inner, s, model, focused: focused)
        case .relations: ActorsView.drawRelations(&c, inner, s, model, focused: focused)
        case .evidence: ActorsView.drawEvidence(&c, inner, s, model, focused: focused)
        case .timeline: TimelineView.draw(&c, inner, s, model, focused: focused)
        }
    }

    /// The position shown in a section's top border: `3/120`, or the reader's line and percentage.
    static func position(_ section: Section, _ s: AppState, _ inner: Rect, _ model: ExplorerModel) -> String? {
        if section == .reader { return ReaderView.position(s, model, inner) }
        let n = s.count(section, model)
        return n == 0 ? nil : "\(s.position(section).selected + 1)/\(n)"
    }

    /// " ❄" for a frozen pane, " ⧩" for one narrowed by the filter.
    static func paneMark(_ section: Section, _ s: AppState) -> String? {
        guard section.pane.sections.first == section else { return nil }
        if s.frozen[section.pane] != nil { return " [frozen]" }
        return s.filter(for: section.pane) != nil ? " [filtered]" : nil
    }

    static func sectionTitle(_ section: Section, _ s: AppState, _ model: ExplorerModel) -> String {
        switch section {
        case .articleList: return "1 Articles"
        case .reader:
            guard let d = s.reader.document else { return "Reader" }
            return "Reader · " + (model.document(d).title.isEmpty ? model.document(d).path : model.document(d).title)
        case .actorList:
            var t = "2 Actors · \(s.sort.label)"
            if let k = s.kind { t += " · \(k.rawValue)" }
            if s.rollup { t += " · rolled up" }
            return t
        case .relations:
            guard let a = s.selectedActor else { return "Relations" }
            return "Relations of \(model.actor(a).name)"
        case .evidence:
            guard let r = s.selectedRelation(model) else { return "Evidence" }
            return "Evidence \(model.actor(r.a).name) – \(model.actor(r.b).name) · #n Enter follows"
        case .timeline: return "3 Timeline"
        }
    }

    static func drawTabs(_ c: inout Canvas, _ r: Rect, _ s: AppState) {
        for (pane, label, range) in tabRanges() {
            let st = pane == s.pane ? s.theme.selection.with(.bold) : s.theme.title
            c.put(label, x: range.lowerBound, y: r.y, style: st, clip: r)
        }
    }

    /// Below 40×12: the focused section alone, and a plain note.
    static func drawTiny(_ c: inout Canvas, _ s: AppState, _ l: ScreenLayout, _ model: ExplorerModel) {
        if l.command.height > 0 {
            c.put(Draw.fit("polex needs 40×12 (now \(s.size.width)×\(s.size.height))", s.size.width), x: 0, y: l.command.y, style: s.theme.message)
        }
        if let r = l.boxes[s.section] { drawSection(&c, s.section, r, s, l, model) }
        StatusBar(left: [Segment(" \(s.section.title)")], right: [Segment("q quits ")], style: s.theme.status).draw(in: l.status, on: &c)
    }
}
