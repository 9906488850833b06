/// A scrolling list with a selected row and a scroll indicator. It draws only the
/// visible rows and asks the caller to draw each one, so a list of 50,000 articles
/// costs what a screenful costs.
public struct ListView: Sendable {
    public var count: Int
    /// The selected index, nil for none.
    public var selected: Int?
    /// The first visible index the state asked for; drawing adjusts it to keep `selected` in view.
    public var offset: Int
    public var focused: Bool
    public var theme: Theme
    /// A one-column scroll bar at the right edge when the rows do not all fit.
    public var showsScrollBar: Bool

    public init(
        count: Int, selected: Int?, offset: Int = 0, focused: Bool = true, theme: Theme, showsScrollBar: Bool = true
    ) {
        self.count = max(0, count)
        self.selected = selected.map { min(max(0, $0), max(0, count - 1)) }
        self.offset = offset
        self.focused = focused
        self.theme = theme
        self.showsScrollBar = showsScrollBar
    }

    /// Draws the visible rows into `area`: `row(index, rowRect, &canvas)` draws one row's
    /// content, then the selected row is highlighted. Returns the offset used, which the
    /// app may store so the next frame scrolls from there.
    @discardableResult
    public func draw(in area: Rect, on canvas: inout Canvas, row: (Int, Rect, inout Canvas) -> Void) -> Int {
        guard !area.isEmpty else { return offset }
        let first = ListScroll.offset(selected: selected, count: count, visible: area.height, current: offset)
        let bar = showsScrollBar && count > area.height && area.width > 1
        let content = bar ? Rect(x: area.x, y: area.y, width: area.width - 1, height: area.height) : area
        for i in 0..<area.height {
            let index = first + i
            guard index < count else { break }
            let rect = Rect(x: content.x, y: content.y + i, width: content.width, height: 1)
            row(index, rect, &canvas)
            if index == selected {
                let highlight = focused ? theme.selection : theme.inactiveSelection
                canvas.restyle(rect) { $0 = highlight.over($0) }
            }
        }
        if bar {
            ScrollBar.draw(
                in: Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height), first: first,
                visible: area.height, count: count, theme: theme, on: &canvas)
        }
        return first
    }

    /// The list index under screen row `y` (mouse clicks), given the offset that was drawn.
    public static func index(atY y: Int, in area: Rect, offset: Int, count: Int) -> Int? {
        guard y >= area.y, y < area.maxY else { return nil }
        let i = offset + (y - area.y)
        return i < count ? i : nil
    }
}

/// Keeping a selection in view.
public enum ListScroll {
    /// The first visible index that shows `selected`, moving as little as possible from
    /// `current`, keeping `margin` rows of context above and below when there is room,
    /// and never leaving empty rows at the bottom while rows are hidden above.
    public static func offset(selected: Int?, count: Int, visible: Int, current: Int, margin: Int = 0) -> Int {
        guard visible > 0, count > visible else { return 0 }
        let maxOffset = count - visible
        var first = min(max(0, current), maxOffset)
        guard let sel = selected.map({ min(max(0, $0), count - 1) }) else { return first }
        let m = min(max(0, margin), (visible - 1) / 2)
        if sel < first + m { first = sel - m }
        if sel > first + visible - 1 - m { first = sel - visible + 1 + m }
        return min(max(0, first), maxOffset)
    }

    /// The selection moved by `delta` (PgDn is `+visible`), clamped to the list.
    public static func move(_ selected: Int, by delta: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(max(0, selected + delta), count - 1)
    }
}

/// A vertical scroll bar and a textual position.
public enum ScrollBar {
    /// Draws a track (`│`) with a thumb (`█`) sized and placed by the visible share.
    public static func draw(in area: Rect, first: Int, visible: Int, count: Int, theme: Theme, on canvas: inout Canvas) {
        guard area.height > 0, area.width > 0, count > 0 else { return }
        let h = area.height
        let thumb = max(1, min(h, h * visible / max(count, 1)))
        let maxFirst = max(1, count - visible)
        let top = min(h - thumb, (h - thumb) * min(first, maxFirst) / maxFirst)
        for i in 0..<h {
            let inThumb = i >= top && i < top + thumb
            canvas.put(
                inThumb ? "█" : "│", x: area.x, y: area.y + i, style: inThumb ? theme.focusBorder : theme.dim, clip: area)
        }
    }

    /// `41-60/340`, `All` when everything fits, `0/0` for an empty list.
    public static func label(first: Int, visible: Int, count: Int) -> String {
        guard count > 0 else { return "0/0" }
        if count <= visible { return "All \(count)" }
        let last = min(count, first + visible)
        return "\(first + 1)-\(last)/\(count)"
    }

    /// A percentage through the content, as pagers show it: `Top`, `42%`, `Bot`.
    public static func percent(first: Int, visible: Int, count: Int) -> String {
        if count <= visible { return "All" }
        if first <= 0 { return "Top" }
        if first + visible >= count { return "Bot" }
        return "\(100 * (first + visible) / count)%"
    }
}
