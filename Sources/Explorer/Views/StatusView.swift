import PolicyIndex
import TextUI

/// The status bar (corpus, focus, filter, frozen panes) and the command line
/// (typing, messages, key hints).
enum StatusView {
    static func drawBars(_ c: inout Canvas, _ s: AppState, _ l: ScreenLayout, _ model: ExplorerModel) {
        var left = [Segment(" polex")]
        // Up front, so a narrow status bar still says the index is not done.
        if model.workspace.isPreview { left += [Segment(" · "), Segment("indexing…", style: s.theme.statusAccent)] }
        left.append(Segment(" │ \(model.corpusName) · \(model.documentCount) articles │ \(s.section.pane.title)"))
        if s.section.title != s.section.pane.title { left.append(Segment(" › \(s.section.title)")) }
        if let f = s.filter {
            left.append(Segment(" │ "))
            left.append(Segment("filter: \(f.label(model))", style: s.theme.statusAccent))
            left.append(Segment(" (F clears)"))
        }
        let frozen = Pane.allCases.filter { s.frozen[$0] != nil }.map(\.title)
        if !frozen.isEmpty { left.append(Segment(" │ frozen: " + frozen.joined(separator: ", "))) }
        let right = StatusBar.hints([("?", "help"), ("q", "quit")], theme: s.theme) + [Segment(" ")]
        StatusBar(left: left, right: right, style: s.theme.status).draw(in: l.status, on: &c)

        let cmd = l.command
        guard cmd.height > 0 else { return }
        switch s.pending {
        case .search(let input):
            TextInputView(prompt: "/", state: input, theme: s.theme, suffix: "Enter searches · Esc cancels").draw(in: cmd, on: &c)
            return
        case .number(let digits):
            TextInputView(prompt: "#", state: TextInputState(digits), theme: s.theme, suffix: "Enter follows evidence #\(digits.isEmpty ? "n" : digits) · Esc cancels").draw(in: cmd, on: &c)
            return
        case .setMark:
            c.put("m… a letter names the mark", x: cmd.x, y: cmd.y, style: s.theme.meta, clip: cmd)
            return
        case .jumpToMark:
            let known = s.marks.keys.sorted().map(String.init).joined()
            c.put("'… to mark: \(known.isEmpty ? "none set" : known) ('' goes back)", x: cmd.x, y: cmd.y, style: s.theme.meta, clip: cmd)
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
        case .reader: parts = ["j/k sentence", "\(key(.nextLink))/\(key(.prevLink)) mention", "\(key(.followLink)) open actor", "\(key(.goBack)) back"]
        case .actorList: parts = ["\(key(.followLink)) relations", "\(key(.setFilter)) filter", "\(key(.cycleActorSort)) sort", "\(key(.filterKind)) kind", "\(key(.toggleRollup)) roll up"]
        case .relations: parts = ["\(key(.followLink)) evidence", "\(key(.setFilter)) filter to relation"]
        case .evidence: parts = ["\(key(.followLink)) open article", "#n Enter follows n"]
        case .timeline: parts = ["\(key(.followLink)) open article", "\(key(.setFilter)) filter to period"]
        }
        parts += ["Tab pane", "\(key(.search)) search", "\(key(.quickJump)) jump", "\(key(.toggleFreeze)) freeze"]
        return parts.joined(separator: " · ")
    }
}
