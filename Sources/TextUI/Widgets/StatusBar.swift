/// A piece of text in one style; nil style means the surrounding bar's style.
public struct Segment: Hashable, Sendable {
    public var text: String
    public var style: Style?
    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }
}

/// A one-row bar with a left part and a right part. The right part (position, key
/// hints) keeps its room; the left part (corpus, focus, filter) is cut with an ellipsis.
public struct StatusBar: Sendable {
    public var left: [Segment]
    public var right: [Segment]
    public var style: Style

    public init(left: [Segment], right: [Segment] = [], style: Style) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Key hints as segments: the key in `theme.statusKey`, its meaning in the bar style.
    public static func hints(_ pairs: [(key: String, meaning: String)], theme: Theme) -> [Segment] {
        var out: [Segment] = []
        for (i, p) in pairs.enumerated() {
            if i > 0 { out.append(Segment("  ")) }
            out.append(Segment(p.key, style: theme.statusKey))
            out.append(Segment(" " + p.meaning))
        }
        return out
    }

    public func draw(in area: Rect, on canvas: inout Canvas) {
        guard area.width > 0, area.height > 0 else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        canvas.fill(row, with: Cell(" ", style: style))
        let rightWidth = min(area.width, right.reduce(0) { $0 + CharacterWidth.columns($1.text) })
        var x = area.maxX - rightWidth
        for s in right { x = canvas.put(s.text, x: x, y: row.y, style: s.style ?? style, clip: row) }
        let leftRoom = area.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        Self.put(left, room: leftRoom, x: area.x, y: row.y, base: style, on: &canvas)
    }

    /// Writes segments into `room` columns, ending in `…` when they do not fit.
    static func put(_ segments: [Segment], room: Int, x: Int, y: Int, base: Style, on canvas: inout Canvas) {
        guard room > 0 else { return }
        let total = segments.reduce(0) { $0 + CharacterWidth.columns($1.text) }
        var col = x
        var left = room
        for s in segments where left > 0 {
            let w = CharacterWidth.columns(s.text)
            let text = total > room && w >= left ? TextFit.truncate(s.text + "…", width: left) : s.text
            let drawn = min(left, CharacterWidth.columns(text))
            canvas.put(text, x: col, y: y, style: s.style ?? base, clip: Rect(x: col, y: y, width: drawn, height: 1))
            col += drawn
            left -= drawn
        }
    }
}
