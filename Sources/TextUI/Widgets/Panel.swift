/// A bordered box with a title: the frame of every pane. The focused pane gets heavy
/// lines as well as the focus colour, so focus shows even in monochrome.
public struct Panel: Sendable {
    public var title: String
    public var focused: Bool
    public var theme: Theme
    /// Drawn at the right end of the top border (a position like `12/340`, a `frozen` mark).
    public var rightTitle: String?

    public init(title: String, focused: Bool = false, theme: Theme, rightTitle: String? = nil) {
        self.title = title
        self.focused = focused
        self.theme = theme
        self.rightTitle = rightTitle
    }

    /// Draws the frame in `area` and returns the area inside it. An area too small for a
    /// frame (under 3×3) is returned unchanged and nothing is drawn.
    @discardableResult
    public func draw(in area: Rect, on canvas: inout Canvas) -> Rect {
        guard area.width >= 3, area.height >= 3 else { return area }
        let line = focused ? BoxLines.heavy : BoxLines.light
        let style = focused ? theme.focusBorder : theme.border
        let inner = area.inset(by: 1)
        canvas.fill(inner, with: Cell(" ", style: theme.text))
        let horizontal = String(repeating: line.horizontal, count: area.width - 2)
        canvas.put(String(line.topLeft) + horizontal + String(line.topRight), x: area.x, y: area.y, style: style, clip: area)
        canvas.put(
            String(line.bottomLeft) + horizontal + String(line.bottomRight), x: area.x, y: area.maxY - 1, style: style,
            clip: area)
        for y in (area.y + 1)..<(area.maxY - 1) {
            canvas.put(String(line.vertical), x: area.x, y: y, style: style)
            canvas.put(String(line.vertical), x: area.maxX - 1, y: y, style: style)
        }
        // Titles sit on the top border, one space of padding each side; the right one wins room.
        let room = area.width - 4
        var rightWidth = 0
        if let rightTitle, !rightTitle.isEmpty, room >= 6 {
            let text = " " + TextFit.truncate(rightTitle, width: max(0, room / 2 - 2)) + " "
            rightWidth = CharacterWidth.columns(text)
            canvas.put(text, x: area.maxX - 2 - rightWidth, y: area.y, style: style, clip: area)
        }
        let titleRoom = room - rightWidth - (rightWidth > 0 ? 1 : 0) - 2
        if !title.isEmpty, titleRoom >= 1 {
            let text = " " + TextFit.truncate(title, width: titleRoom) + " "
            canvas.put(text, x: area.x + 2, y: area.y, style: focused ? theme.focusTitle : theme.title, clip: area)
        }
        return inner
    }
}

/// The characters of a frame.
public struct BoxLines: Sendable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    public static let light = BoxLines(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let heavy = BoxLines(
        horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
}
