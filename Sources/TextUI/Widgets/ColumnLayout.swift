/// How wide a column wants to be.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many columns (less only when the whole row does not fit).
    case fixed(Int)
    /// A share of what the fixed columns leave, by weight, but at least `min` columns.
    case flex(Int = 1, min: Int = 0)
}

/// Splits a row's width among columns, the way a table or a multi-pane screen needs it.
public enum ColumnLayout {
    /// Widths for `columns` in `total` columns with `gap` columns between neighbours.
    /// When space runs short, columns to the right shrink first (down to 0).
    public static func widths(_ columns: [ColumnWidth], total: Int, gap: Int = 1) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var available = max(0, total - gap * (columns.count - 1))
        var widths = [Int](repeating: 0, count: columns.count)
        // Fixed columns first, left to right, as far as the row allows.
        for (i, c) in columns.enumerated() {
            if case .fixed(let n) = c {
                widths[i] = min(max(0, n), available)
                available -= widths[i]
            }
        }
        // The rest is shared by weight; a column whose share is below its minimum gets
        // the minimum and leaves the others to share what remains (repeated until stable).
        var flexible = columns.indices.filter { if case .flex = columns[$0] { return true } else { return false } }
        var settled = true
        repeat {
            settled = true
            let weight = flexible.reduce(0) { $0 + Self.weight(columns[$1]) }
            for i in flexible where Self.minimum(columns[i]) * max(weight, 1) > available * Self.weight(columns[i]) {
                widths[i] = min(Self.minimum(columns[i]), available)
                available -= widths[i]
                flexible.removeAll { $0 == i }
                settled = false
                break
            }
        } while !settled
        let weight = flexible.reduce(0) { $0 + Self.weight(columns[$1]) }
        guard weight > 0, available > 0 else { return widths }
        var given = 0
        for i in flexible {
            widths[i] = available * Self.weight(columns[i]) / weight
            given += widths[i]
        }
        var left = available - given
        for i in flexible where left > 0 && Self.weight(columns[i]) > 0 {
            widths[i] += 1
            left -= 1
        }
        return widths
    }

    private static func weight(_ c: ColumnWidth) -> Int {
        if case .flex(let w, _) = c { return max(0, w) }
        return 0
    }

    private static func minimum(_ c: ColumnWidth) -> Int {
        if case .flex(_, let m) = c { return max(0, m) }
        return 0
    }

    /// The rectangles of `widths` laid side by side in `area`, `gap` apart.
    public static func split(_ area: Rect, widths: [Int], gap: Int = 1) -> [Rect] {
        var x = area.x
        return widths.map { w in
            defer { x += w + gap }
            return Rect(x: x, y: area.y, width: min(w, max(0, area.maxX - x)), height: area.height)
        }
    }
}

extension Canvas {
    /// Writes one table row: each text truncated (with an ellipsis) and aligned in its column.
    public mutating func putRow(
        _ texts: [String], widths: [Int], x: Int, y: Int, gap: Int = 1, styles: [Style] = [],
        alignments: [Alignment] = [], clip: Rect? = nil
    ) {
        var col = x
        for (i, w) in widths.enumerated() where i < texts.count {
            let text = TextFit.pad(texts[i], width: w, align: i < alignments.count ? alignments[i] : .left)
            put(text, x: col, y: y, style: i < styles.count ? styles[i] : .plain, clip: clip)
            col += w + gap
        }
    }
}
