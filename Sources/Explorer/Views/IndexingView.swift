import PolicyIndex
import TextUI

/// What the actors and timeline panes show while the articles are already
/// readable but the rest of the index is still being built: what the pane is
/// waiting for and which stage the build is in.
enum IndexingView {
    static func draw(_ c: inout Canvas, _ r: Rect, _ pane: Pane, _ s: AppState) {
        guard r.height > 0, r.width > 0 else { return }
        var lines = [waiting(pane)]
        if let p = s.loadProgress {
            let step = (LoadProgress.Stage.allCases.firstIndex(of: p.stage) ?? 0) + 1
            lines.append("\(p.stage.label)…")
            lines.append("step \(step) of \(LoadProgress.Stage.allCases.count)")
        }
        lines.append("the articles can be read meanwhile")
        let top = r.y + max(0, (r.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < r.maxY {
            Draw.centred(&c, r, y: top + i, line, style: s.theme.dim)
        }
    }

    /// One line naming what the pane waits for.
    static func waiting(_ pane: Pane) -> String {
        switch pane {
        case .articles: return ""
        case .actors: return "finding actors and relations…"
        case .timeline: return "dating events…"
        }
    }
}
