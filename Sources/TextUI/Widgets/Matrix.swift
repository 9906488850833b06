/// An actor × actor matrix of shaded cells: rows are labelled, columns are numbered
/// with the row numbers, a cell's shade is the relation's strength and its colour its
/// tone (conflict or cooperation). Reads at a glance where a graph would need room.
public struct MatrixView: Sendable {
    public var labels: [String]
    /// `values[row][column]`: signed strength (negative = conflict), nil for no relation.
    public var values: [[Double?]]
    public var theme: Theme
    /// Row highlighted as the selected actor.
    public var highlighted: Int?

    public init(labels: [String], values: [[Double?]], theme: Theme, highlighted: Int? = nil) {
        self.labels = labels
        self.values = values
        self.theme = theme
        self.highlighted = highlighted
    }

    /// Draws as many rows and columns as fit; each cell is two columns wide.
    public func draw(in area: Rect, on canvas: inout Canvas) {
        guard area.width >= 6, area.height >= 2, !labels.isEmpty else { return }
        let n = labels.count
        let numberWidth = String(n).count
        let labelWidth = min(labels.map { CharacterWidth.columns($0) }.max() ?? 0, max(4, area.width / 3))
        let gridX = area.x + numberWidth + 1 + labelWidth + 1
        let columns = min(n, max(0, (area.maxX - gridX) / 2))
        let rows = min(n, area.height - 1)
        let peak = values.flatMap { $0.compactMap { $0.map(abs) } }.max() ?? 0
        // Header: column numbers (last digit) over each cell.
        for c in 0..<columns {
            canvas.put(String((c + 1) % 10), x: gridX + 2 * c, y: area.y, style: theme.dim)
        }
        for r in 0..<rows {
            let y = area.y + 1 + r
            let rowStyle = r == highlighted ? theme.selection : theme.text
            canvas.put(TextFit.pad(String(r + 1), width: numberWidth, align: .right), x: area.x, y: y, style: theme.dim)
            canvas.put(TextFit.pad(labels[r], width: labelWidth), x: area.x + numberWidth + 1, y: y, style: rowStyle)
            for c in 0..<columns {
                let v = r < values.count && c < values[r].count ? values[r][c] : nil
                let cell: String
                let style: Style
                if r == c {
                    cell = "╲╲"
                    style = theme.dim
                } else if let v, peak > 0 {
                    let ch = Bars.shade(abs(v) / peak)
                    cell = String([ch, ch])
                    style = v < 0 ? theme.conflict : (v > 0 ? theme.cooperation : theme.bar)
                } else {
                    cell = "· "
                    style = theme.dim
                }
                canvas.put(cell, x: gridX + 2 * c, y: y, style: style)
            }
        }
    }
}
