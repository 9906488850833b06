import TextUI

/// A piece of styled text in a row.
struct Segment {
    var text: String
    var style: Style
    init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Small drawing steps the panes share.
enum Draw {
    /// A box with a title in the top border and an optional label in the bottom one.
    static func box(_ c: inout Canvas, _ r: Rect, title: String, focused: Bool, theme: Theme, footer: String? = nil) {
        guard r.width >= 2, r.height >= 2 else { return }
        let b = focused ? theme.borderFocused : theme.border
        let horizontal = String(repeating: "─", count: r.width - 2)
        c.put("┌" + horizontal + "┐", x: r.x, y: r.y, style: b)
        c.put("└" + horizontal + "┘", x: r.x, y: r.maxY - 1, style: b)
        for y in (r.y + 1)..<(r.maxY - 1) {
            c.put("│", x: r.x, y: y, style: b)
            c.put("│", x: r.maxX - 1, y: y, style: b)
        }
        if r.width > 4 {
            let t = " " + fit(title, r.width - 4) + " "
            c.put(t, x: r.x + 1, y: r.y, style: focused ? theme.titleFocused : theme.title, clip: r)
        }
        if let footer, r.width > 6 {
            let f = " " + fit(footer, r.width - 6) + " "
            c.put(f, x: r.maxX - 2 - CharacterWidth.columns(f), y: r.maxY - 1, style: b, clip: r)
        }
    }

    /// Cuts text to `width` columns, ending with "…" when it had to cut.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if CharacterWidth.columns(text) <= width { return text }
        var out = ""
        var col = 0
        for ch in text {
            let w = CharacterWidth.columns(String(ch))
            if col + w > width - 1 { break }
            out.append(ch)
            col += w
        }
        return out + "…"
    }

    /// Pads or cuts to exactly `width` columns.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let t = fit(text, width)
        let gap = String(repeating: " ", count: max(0, width - CharacterWidth.columns(t)))
        return right ? gap + t : t + gap
    }

    /// One list row: segments left to right, clipped; a selected row is filled
    /// with the selection style.
    static func row(_ c: inout Canvas, _ r: Rect, y: Int, _ segments: [Segment], selected: Bool, focused: Bool, theme: Theme) {
        guard y >= r.y, y < r.maxY else { return }
        let line = Rect(x: r.x, y: y, width: r.width, height: 1)
        let sel = focused ? theme.selection : theme.selectionUnfocused
        if selected { c.fill(line, with: Cell(" ", style: sel)) }
        var x = r.x
        for seg in segments {
            var st = seg.style
            if selected {
                st.bg = sel.bg
                if focused { st.fg = sel.fg }
                st.attributes.formUnion(sel.attributes)
            }
            x = c.put(seg.text, x: x, y: y, style: st, clip: line)
            if x >= r.maxX { break }
        }
    }

    /// A note centred in a rectangle (empty lists, loading).
    static func note(_ c: inout Canvas, _ r: Rect, _ text: String, theme: Theme) {
        guard r.height > 0, r.width > 0 else { return }
        let t = fit(text, r.width)
        let x = r.x + max(0, (r.width - CharacterWidth.columns(t)) / 2)
        c.put(t, x: x, y: r.y + min(r.height - 1, r.height / 2), style: theme.dim, clip: r)
    }

    /// A tone bar from conflict (left) to cooperation (right) with a marker.
    static func toneBar(_ tone: Double, width: Int, theme: Theme) -> [Segment] {
        guard width >= 3 else { return [] }
        let t = max(-10, min(10, tone))
        let pos = Int(((t + 10) / 20 * Double(width - 1)).rounded())
        let mid = (width - 1) / 2
        var segs: [Segment] = []
        for i in 0..<width {
            let ch: String = i == pos ? "●" : i == mid ? "┼" : "─"
            let st = i == pos ? (t < -0.5 ? theme.conflict : t > 0.5 ? theme.cooperation : theme.neutral).with(.bold) : theme.neutral
            segs.append(Segment(ch, st))
        }
        return segs
    }

    /// Eight-level block for a fraction 0…1 (a zero count stays blank).
    static func block(_ value: Int, max m: Int) -> String {
        guard value > 0, m > 0 else { return " " }
        let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let i = min(7, max(0, Int((Double(value) / Double(m) * 8).rounded(.up)) - 1))
        return levels[i]
    }
}
