import PolicyIndex
import TextUI

/// The status bar (corpus, focus, filter, hints) and the command line.
enum StatusView {
    static func draw(_ c: inout Canvas, _ r: Rect, left: String, right: String, theme: Theme) {
        guard r.height > 0 else { return }
        c.fill(r, with: Cell(" ", style: theme.status))
        let rw = CharacterWidth.columns(right)
        c.put(Draw.fit(left, max(0, r.width - rw - 1)), x: r.x, y: r.y, style: theme.status, clip: r)
        if rw < r.width { c.put(right, x: r.maxX - rw, y: r.y, style: theme.status, clip: r) }
    }

    static func drawBars(_ c: inout Canvas, _ s: AppState, _ l: ScreenLayout, _ model: ExplorerModel) {
        let r = l.status
        guard r.height > 0 else { return }
        c.fill(r, with: Cell(" ", style: s.theme.status))
        var x = c.put(" polex │ \(model.corpusName) · \(model.documentCount) articles │ \(s.section.pane.title)", x: r.x, y: r.y, style: s.theme.status, clip: r)
        if s.section.pane.sections.count > 1 { x = c.put(" › \(s.section.title)", x: x, y: r.y, style: s.theme.status, clip: r) }
        if let f = s.filter {
            x = c.put(" │ ", x: x, y: r.y, style: s.theme.status, clip: r)
            x = c.put("filter: \(f.label(model))", x: x, y: r.y, style: s.theme.statusAccent, clip: r)
            x = c.put(" (F clears)", x: x, y: r.y, style: s.theme.status, clip: r)
        }
        let frozen = Pane.allCases.filter { s.frozen[$0] != nil }.map(\.title)
        if !frozen.isEmpty { x = c.put(" │ frozen: " + frozen.joined(separator: ", "), x: x, y: r.y, style: s.theme.status, clip: r) }
        let right = "? help  q quit "
        if x + right.count + 2 <= r.maxX { c.put(right, x: r.maxX - right.count, y: r.y, style: s.theme.status, clip: r) }

        let cmd = l.command
        guard cmd.height > 0 else { return }
        switch s.pending {
        case .search(let text):
            c.put("/" + text, x: cmd.x, y: cmd.y, clip: cmd)
            c.put("█", x: min(cmd.maxX - 1, cmd.x + 1 + CharacterWidth.columns(text)), y: cmd.y, style: s.theme.dim, clip: cmd)
            return
        case .number(let digits):
            c.put("#" + digits, x: cmd.x, y: cmd.y, style: s.theme.heading, clip: cmd)
            c.put("  Enter follows evidence #\(digits.isEmpty ? "n" : digits) · Esc cancels", x: cmd.x + 1 + digits.count, y: cmd.y, style: s.theme.meta, clip: cmd)
            return
        case .setMark:
            c.put("m… a letter names the mark", x: cmd.x, y: cmd.y, style: s.theme.meta, clip: cmd)
            return
        case .jumpToMark:
            let known = s.marks.keys.sorted().map(String.init).joined()
            c.put("'… to mark: \(known.isEmpty ? "none set" : known)", x: cmd.x, y: cmd.y, style: s.theme.meta, clip: cmd)
            return
        case .none:
            break
        }
        if let m = s.message {
            c.put(m, x: cmd.x, y: cmd.y, style: s.theme.message, clip: cmd)
        } else {
            c.put(hints(s), x: cmd.x, y: cmd.y, style: s.theme.meta, clip: cmd)
        }
    }

    /// A few keys that matter where the focus is, read from the key table.
    static func hints(_ s: AppState) -> String {
        let k = s.keymap
        func key(_ c: Command) -> String { k.keys(for: c).first?.description ?? "?" }
        var parts: [String] = []
        switch s.section {
        case .articleList: parts = ["\(key(.followLink)) read", "\(key(.setFilter)) filter to article"]
        case .reader: parts = ["j/k sentence", "]/[ mention", "\(key(.followLink)) open actor", "\(key(.goBack)) back"]
        case .actorList: parts = ["\(key(.followLink)) relations", "\(key(.setFilter)) filter", "\(key(.cycleActorSort)) sort", "\(key(.filterKind)) kind", "\(key(.toggleRollup)) roll up"]
        case .relations: parts = ["\(key(.followLink)) evidence", "\(key(.setFilter)) filter to relation"]
        case .evidence: parts = ["\(key(.followLink)) open article", "#n Enter follows n"]
        case .timeline: parts = ["\(key(.followLink)) open article", "\(key(.setFilter)) filter to period"]
        }
        parts += ["Tab pane", "/ search", ": jump", "\(key(.toggleFreeze)) freeze"]
        return parts.joined(separator: " · ")
    }
}
