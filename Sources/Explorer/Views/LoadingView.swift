import PolicyIndex
import TextUI

/// The screen while the workspace is built: which stage is running, how far it
/// has come, and a bar for the stages that count their work. A large corpus
/// takes seconds, and a frame that says how many files are read tells the user
/// polex is working and roughly how long is left.
enum LoadingView {
    static func draw(_ c: inout Canvas, _ r: Rect, _ s: AppState) {
        guard let p = s.loadProgress else {
            Draw.note(&c, r, "loading…", theme: s.theme)
            return
        }
        let stageLine = "\(p.stage.label)…" + (p.stage == .reading ? "  \(grouped(p.done)) / \(grouped(p.total))" : "  \(grouped(p.total)) articles")
        // Stage n of m, so the bar restarting for each stage is not mistaken for going back.
        let step = (LoadProgress.Stage.allCases.firstIndex(of: p.stage) ?? 0) + 1
        let stepLine = "step \(step) of \(LoadProgress.Stage.allCases.count)"
        guard r.height >= 4, r.width >= 12 else {
            Draw.note(&c, r, stageLine, theme: s.theme)
            return
        }
        let barWidth = min(50, r.width - 8)
        let top = r.y + max(0, (r.height - 4) / 2)
        Draw.centred(&c, r, y: top, stageLine, style: s.theme.dim)
        if p.stage == .reading {
            let bar = TextFit.pad(Bars.horizontal(fraction: p.fraction, width: barWidth), width: barWidth)
            let percent = TextFit.pad("\(Int((p.fraction * 100).rounded(.down)))%", width: 5, align: .right)
            Draw.centred(&c, r, y: top + 1, "▕" + bar + "▏" + percent, style: s.theme.dim)
        }
        Draw.centred(&c, r, y: top + 3, stepLine, style: s.theme.dim)
    }

    /// 12345 → "12,345": counts of tens of thousands of files read better grouped.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
