import PolicyIndex
import TextUI

/// The Timeline pane: a histogram strip of event counts, then events grouped
/// by year and month, each with its date at its precision, actors and sources.
enum TimelineView {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func draw(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel, focused: Bool) {
        guard !s.derived.timelineRows.isEmpty else {
            Draw.note(&c, r, model.events.isEmpty ? "no dated events found" : "no events under this filter", theme: s.theme)
            return
        }
        var list = r
        if r.height >= 8 {
            let (strip, rest) = r.splitTop(ScreenLayout.histogramRows)
            drawHistogram(&c, strip, s, model)
            list = rest
        }
        let rows = s.derived.timelineRows
        Draw.list(&c, list, count: rows.count, position: s.position(.timeline), focused: focused, theme: s.theme) { k, row in
            segments(rows[k], width: row.width, s, model)
        }
    }

    static func segments(_ row: TimelineRow, width: Int, _ s: AppState, _ model: ExplorerModel) -> [Segment] {
        switch row {
        case .year(let y, let n):
            return [Segment("\(y)", style: s.theme.heading), Segment(" · \(n) event\(n == 1 ? "" : "s")", style: s.theme.meta)]
        case .month(let y, let m, let n):
            return [Segment("  \(monthNames[m - 1]) \(y)", style: s.theme.heading), Segment(" · \(n)", style: s.theme.meta)]
        case .undated(let n):
            return [Segment("undated", style: s.theme.heading), Segment(" · \(n)", style: s.theme.meta)]
        case .event(let e):
            let ev = model.events[e]
            var segs = [Segment("    " + Draw.pad(ev.value, 11), style: s.theme.date)]
            let sources = ev.sourceCount
            segs.append(Segment(Draw.pad("×\(sources)", 4), style: sources > 1 ? s.theme.heading : s.theme.meta))
            var used = 4 + 11 + 4
            for (i, a) in ev.actors.prefix(3).enumerated() {
                let name = (i > 0 ? ", " : "") + model.actor(a).name
                segs.append(Segment(name, style: s.theme.kind(model.actor(a).kind)))
                used += CharacterWidth.columns(name)
            }
            if ev.actors.count > 3 {
                segs.append(Segment(" +\(ev.actors.count - 3)", style: s.theme.meta))
                used += 3
            }
            if used < width - 4 {
                segs.append(Segment("  " + Draw.fit(Kwic.flat(Substring(model.workspace.label(of: ev.primary))), width - used - 2)))
            }
            return segs
        }
    }

    /// Bars of event counts across the filtered period, one column a bucket;
    /// the selected event's bucket is marked.
    static func drawHistogram(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel) {
        let h = s.derived.histogram
        guard h.total > 0, r.width >= 4 else { return }
        let firstMonth = h.firstMonth
        let months = h.monthCount
        let buckets = min(r.width, months)
        let perBucket = Int((Double(months) / Double(buckets)).rounded(.up))
        var counts = Array(repeating: 0, count: buckets)
        for (i, n) in h.counts.enumerated() where n > 0 { counts[min(buckets - 1, i / perBucket)] += n }
        c.put(Bars.histogram(counts, width: buckets), x: r.x, y: r.y, style: s.theme.bar, clip: r)
        // The selected event's column stands out.
        if case .event(let e) = s.selectedTimelineRow, let d = model.events[e].interval?.lowerBound {
            let x = r.x + min(buckets - 1, max(0, monthIndex(d) - firstMonth) / perBucket)
            c.restyle(Rect(x: x, y: r.y, width: 1, height: 1)) { $0 = s.theme.barSelected }
            if c[x, r.y].text == " " { c[x, r.y] = Cell("▁", style: s.theme.barSelected) }
        }
        // Year labels where a year starts, when there is room.
        var x = r.x
        var lastEnd = r.x - 1
        for i in 0..<buckets {
            let month = firstMonth + i * perBucket
            let year = month / 12
            let prevYear = i == 0 ? year - 1 : (firstMonth + (i - 1) * perBucket) / 12
            if year != prevYear, x > lastEnd {
                let label = String(year)
                if x + label.count <= r.maxX {
                    c.put(label, x: x, y: r.y + 1, style: s.theme.meta, clip: r)
                    lastEnd = x + label.count
                }
            }
            x += 1
        }
        let span = perBucket == 1 ? "1 column = 1 month" : "1 column = \(perBucket) months"
        if r.height >= 3 { c.put(Draw.fit("\(h.total) dated events · \(span)", r.width), x: r.x, y: r.y + 2, style: s.theme.meta, clip: r) }
    }

    static func monthIndex(_ day: Int) -> Int { MonthHistogram.monthIndex(day) }
}
