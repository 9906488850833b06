import TextUI

/// Small drawing steps the panes share, on top of TextUI's widgets.
enum Draw {
    /// Writes segments left to right in a one-row rectangle, clipped to it.
    static func segments(_ c: inout Canvas, _ r: Rect, _ segments: [Segment], base: Style = .plain) {
        var x = r.x
        for seg in segments {
            x = c.put(seg.text, x: x, y: r.y, style: seg.style ?? base, clip: r)
            if x >= r.maxX { break }
        }
    }

    /// A scrolling list of `count` rows drawn by `row`, with the selection
    /// highlighted and a scroll bar when the rows do not fit.
    static func list(
        _ c: inout Canvas, _ r: Rect, count: Int, position p: ListPosition, focused: Bool, theme: Theme,
        row: (Int, Rect) -> [Segment]
    ) {
        ListView(count: count, selected: p.selected, offset: p.top, focused: focused, theme: theme)
            .draw(in: r, on: &c) { i, rect, canvas in segments(&canvas, rect, row(i, rect)) }
    }

    /// A note centred in a rectangle (empty lists, loading).
    static func note(_ c: inout Canvas, _ r: Rect, _ text: String, theme: Theme) {
        guard r.height > 0, r.width > 0 else { return }
        centred(&c, r, y: r.y + min(r.height - 1, r.height / 2), text, style: theme.dim)
    }

    /// One line centred across a rectangle on row `y`, truncated to fit.
    static func centred(_ c: inout Canvas, _ r: Rect, y: Int, _ text: String, style: Style) {
        let t = TextFit.truncate(text, width: r.width)
        let x = r.x + max(0, (r.width - CharacterWidth.columns(t)) / 2)
        c.put(t, x: x, y: y, style: style, clip: r)
    }

    static func fit(_ text: String, _ width: Int) -> String { TextFit.truncate(text, width: max(0, width)) }
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        TextFit.pad(text, width: max(0, width), align: right ? .right : .left)
    }

    /// The style of a tone: conflict, cooperation or neutral.
    static func toneStyle(_ tone: Double, _ theme: Theme) -> Style {
        tone < -0.5 ? theme.conflict : tone > 0.5 ? theme.cooperation : theme.neutral
    }
}
