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
            c.put(hints(s, model), x: cmd.x, y: cmd.y, style: s.theme.meta, clip: cmd)
        }
    }

    /// A few keys that matter where the focus is, read from the key table;
    /// while indexing, only those that work yet.
    static func hints(_ s: AppState, _ model: ExplorerModel) -> String {
        let k = s.keymap
        func key(_ c: Command) -> String { k.keys(for: c).first?.description ?? "?" }
        // Each hint with the command it names, so the ones that wait for the index can be left out.
        var parts: [(Command, String)] = []
        switch s.section {
        case .articleList: parts = [(.followLink, "\(key(.followLink)) read"), (.setFilter, "\(key(.setFilter)) filter to article")]
        case .reader:
            parts = [
                (.moveDown, "j/k sentence"), (.nextLink, "\(key(.nextLink))/\(key(.prevLink)) mention"),
                (.followLink, "\(key(.followLink)) open actor"), (.goBack, "\(key(.goBack)) back"),
            ]
        case .actorList:
            parts = [
                (.followLink, "\(key(.followLink)) relations"), (.setFilter, "\(key(.setFilter)) filter"),
                (.cycleActorSort, "\(key(.cycleActorSort)) sort"), (.filterKind, "\(key(.filterKind)) kind"),
                (.toggleRollup, "\(key(.toggleRollup)) roll up"),
            ]
        case .relations: parts = [(.followLink, "\(key(.followLink)) evidence"), (.setFilter, "\(key(.setFilter)) filter to relation")]
        case .evidence: parts = [(.followLink, "\(key(.followLink)) open article"), (.followNumber, "#n Enter follows n")]
        case .timeline: parts = [(.followLink, "\(key(.followLink)) open article"), (.setFilter, "\(key(.setFilter)) filter to period")]
        }
        parts += [
            (.focusNextPane, "Tab pane"), (.search, "\(key(.search)) search"), (.quickJump, "\(key(.quickJump)) jump"),
            (.toggleFreeze, "\(key(.toggleFreeze)) freeze"),
        ]
        if model.workspace.isPreview { parts.removeAll { App.waitsForIndex($0.0, s, model) } }
        return parts.map(\.1).joined(separator: " · ")
    }
}
