/// Small charts made of block characters: amounts, tone, counts over time, shading.
public enum Bars {
    /// Eighth blocks, from one eighth to a full cell.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// Heights for a histogram strip, lowest to highest.
    public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Shades for matrix cells, lightest to darkest.
    public static let shades: [Character] = ["░", "▒", "▓", "█"]

    /// A left-aligned bar `fraction` (0…1) of `width` columns long, to an eighth of a column.
    public static func horizontal(fraction: Double, width: Int) -> String {
        guard width > 0, fraction.isFinite else { return "" }
        let eighthsTotal = Int((min(max(fraction, 0), 1) * Double(width * 8)).rounded())
        var s = String(repeating: "█", count: eighthsTotal / 8)
        if eighthsTotal % 8 > 0 { s.append(eighths[eighthsTotal % 8 - 1]) }
        return s
    }

    /// A strip of `counts` as block heights scaled to the largest; zero is a space and
    /// any non-zero count shows at least `▁`. With more counts than `width`, neighbouring
    /// counts are summed into one column.
    public static func histogram(_ counts: [Int], width: Int) -> String {
        guard width > 0, !counts.isEmpty else { return "" }
        var columns = counts
        if counts.count > width {
            columns = (0..<width).map { i in
                let lo = i * counts.count / width
                let hi = (i + 1) * counts.count / width
                return counts[lo..<max(lo + 1, hi)].reduce(0, +)
            }
        }
        let top = max(1, columns.max() ?? 1)
        return String(columns.map { c -> Character in
            guard c > 0 else { return " " }
            let level = (c * levels.count + top - 1) / top  // 1 … 8, rounded up
            return levels[min(levels.count, max(1, level)) - 1]
        })
    }

    /// The shade for `fraction` (0…1): a middle dot for nothing, then ░ ▒ ▓ █.
    public static func shade(_ fraction: Double) -> Character {
        guard fraction.isFinite, fraction > 0 else { return "·" }
        let i = Int((min(fraction, 1) * Double(shades.count)).rounded(.up)) - 1
        return shades[min(shades.count - 1, max(0, i))]
    }
}

/// A bar from conflict (−10, left) to cooperation (+10, right) around a centre mark.
public struct ToneBar: Sendable {
    public var tone: Double
    public var theme: Theme
    public static let range = 10.0

    public init(tone: Double, theme: Theme) {
        self.tone = tone.isFinite ? min(max(tone, -Self.range), Self.range) : 0
        self.theme = theme
    }

    /// Draws on the first row of `area`: `─` track, `│` centre, `█` cells out from the
    /// centre (left for conflict, right for cooperation) proportional to the tone.
    public func draw(in area: Rect, on canvas: inout Canvas) {
        guard area.width > 0, area.height > 0 else { return }
        let centre = area.x + (area.width - 1) / 2
        let half = max(1, (area.width - 1) / 2)
        let cells = Int((abs(tone) / Self.range * Double(half)).rounded())
        for x in area.x..<area.maxX {
            var ch = "─"
            var style = theme.dim
            if x == centre {
                ch = "│"
                style = theme.text
            } else if tone < 0, x < centre, centre - x <= cells {
                ch = "█"
                style = theme.conflict
            } else if tone > 0, x > centre, x - centre <= cells {
                ch = "█"
                style = theme.cooperation
            }
            canvas.put(ch, x: x, y: area.y, style: style)
        }
    }

    /// The tone as text with its sign, e.g. `+3.5`, `-7.0`, `0.0`.
    public var label: String {
        let tenths = Int((tone * 10).rounded())
        let sign = tenths > 0 ? "+" : (tenths < 0 ? "-" : "")
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
