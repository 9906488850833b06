import PolicyIndex
import TextUI

/// The Actors pane: the actor list, the selected actor's relations with a
/// tone bar, and the numbered evidence of the selected relation in KWIC form.
enum ActorsView {
    static func kindLabel(_ k: ActorKind) -> String {
        switch k {
        case .country: "country"
        case .person: "person"
        case .organization: "org"
        case .topic: "topic"
        }
    }

    static func drawList(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel, focused: Bool) {
        let list = s.derived.actors
        guard !list.isEmpty else {
            Draw.note(&c, r, model.workspace.actors.actors.isEmpty ? "no actors found" : "no actors under this filter", theme: s.theme)
            return
        }
        let t = s.table(model)
        Draw.list(&c, r, count: list.count, position: s.position(.actorList), focused: focused, theme: s.theme) { k, row in
            let ref = list[k]
            let a = model.actor(ref)
            let figure: Int
            switch s.sort {
            case .mentions: figure = t.mentionCount[ref.index]
            case .weight: figure = t.weight[ref.index]
            case .centrality: figure = t.degree[ref.index]
            }
            let showKind = row.width >= 30
            let nameWidth = max(1, row.width - 7 - (showKind ? 8 : 0))
            var segs = [Segment(Draw.pad(a.name, nameWidth), style: s.theme.kind(a.kind))]
            if showKind { segs.append(Segment(" " + Draw.pad(kindLabel(a.kind), 7), style: s.theme.meta)) }
            segs.append(Segment(" " + Draw.pad(String(figure), 6, right: true)))
            return segs
        }
    }

    static func drawRelations(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel, focused: Bool) {
        guard let a = s.selectedActor else {
            Draw.note(&c, r, "select an actor", theme: s.theme)
            return
        }
        let rels = s.shownRelations(model)
        guard !rels.isEmpty else {
            Draw.note(&c, r, "no relations for \(model.actor(a).name)", theme: s.theme)
            return
        }
        let t = s.table(model)
        let me = t.representative[a.index]
        Draw.list(&c, r, count: rels.count, position: s.position(.relations), focused: focused, theme: s.theme) { k, row in
            let rel = t.relations[rels[k]]
            let partner = model.actor(rel.other(than: me))
            let barWidth = row.width >= 44 ? 11 : row.width >= 30 ? 7 : 0
            let nameWidth = max(1, row.width - 5 - (barWidth > 0 ? barWidth + 7 : 0))
            var segs = [
                Segment(Draw.pad(partner.name, nameWidth), style: s.theme.kind(partner.kind)),
                Segment(Draw.pad(String(rel.evidence.count), 4, right: true) + " "),
            ]
            if barWidth > 0 {
                segs += toneBar(rel.tone, width: barWidth, s.theme)
                segs.append(Segment(" " + Draw.pad(ToneBar(tone: rel.tone, theme: s.theme).label, 5, right: true), style: Draw.toneStyle(rel.tone, s.theme)))
            }
            return segs
        }
    }

    /// TextUI's tone bar, drawn on a one-row canvas and read back as segments
    /// so it can sit inside a list row.
    static func toneBar(_ tone: Double, width: Int, _ theme: Theme) -> [Segment] {
        var strip = Canvas(size: Size(width: width, height: 1))
        ToneBar(tone: tone, theme: theme).draw(in: strip.bounds, on: &strip)
        return (0..<width).map { Segment(strip[$0, 0].text, style: strip[$0, 0].style) }
    }

    static func drawEvidence(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel, focused: Bool) {
        guard let rel = s.selectedRelation(model) else {
            Draw.note(&c, r, "select a relation", theme: s.theme)
            return
        }
        let ev = rel.evidence
        let numberWidth = String(ev.count).count + 1
        Draw.list(&c, r, count: ev.count, position: s.position(.evidence), focused: focused, theme: s.theme) { k, row in
            let e = ev[k]
            let doc = model.document(e.sentence.document)
            let date = doc.date.map { $0.date.iso + " " } ?? ""
            let prefix = Draw.pad("#\(k + 1)", numberWidth) + " "
            let tone = Draw.toneStyle(e.tone, s.theme)
            let mark = e.negated ? "¬" : e.hedged ? "~" : e.tone < -0.5 ? "▼" : e.tone > 0.5 ? "▲" : "•"
            var segs = [Segment(prefix, style: s.theme.number), Segment(mark + " ", style: tone)]
            let dateWidth = row.width >= 60 ? CharacterWidth.columns(date) : 0
            if dateWidth > 0 { segs.append(Segment(date, style: s.theme.meta)) }
            let avail = max(1, row.width - CharacterWidth.columns(prefix) - 2 - dateWidth)
            return segs + Kwic.segments(model, e, relation: rel, width: avail, keyword: tone.with(.bold))
        }
    }
}

/// Keyword-in-context lines from PolicyIndex's snippets: the cue (or the
/// partner's mention) marked, and set at a fixed column so keywords align.
enum Kwic {
    static func segments(_ model: ExplorerModel, _ e: Evidence, relation: Relation, width: Int, keyword: Style) -> [Segment] {
        let doc = model.document(e.sentence.document)
        guard let sentence = doc.sentence(e.sentence) else { return [] }
        var key = e.cueSpan
        if key == nil {
            let all = model.workspace.actors.mentions
            key = model.mentionRanges[doc.id.index].lazy.map { all[$0] }
                .first { $0.sentence == e.sentence && ($0.actor == relation.b || $0.actor == relation.a) }?.span
        }
        return line(doc, focus: key ?? sentence.span, within: sentence.span, width: width, keyword: keyword)
    }

    /// One snippet line with its first mark in `keyword` style, the mark starting
    /// about a third of the way in when the text before it allows.
    static func line(_ doc: Document, focus: TextSpan, within: TextSpan, width: Int, keyword: Style, marks: [TextSpan]? = nil) -> [Segment] {
        guard width > 0 else { return [] }
        let snippet = doc.snippet(around: focus, width: width, marks: marks ?? [focus], within: within)
        let bytes = Array(snippet.text.utf8)
        var segs: [Segment] = []
        var at = 0
        for m in snippet.marks where m.lowerBound >= at && m.upperBound <= bytes.count {
            segs.append(Segment(String(decoding: bytes[at..<m.lowerBound], as: UTF8.self)))
            segs.append(Segment(String(decoding: bytes[m], as: UTF8.self), style: keyword))
            at = m.upperBound
        }
        segs.append(Segment(String(decoding: bytes[at...], as: UTF8.self)))
        // Align: pad so that the first mark starts near a third of the width.
        if let first = snippet.marks.first, first.lowerBound <= bytes.count {
            let before = CharacterWidth.columns(String(decoding: bytes[..<first.lowerBound], as: UTF8.self))
            let pad = min(width / 3, max(0, width - CharacterWidth.columns(snippet.text))) - before
            if pad > 0 { segs.insert(Segment(String(repeating: " ", count: pad)), at: 0) }
        }
        return segs
    }

    /// Line breaks and runs of spaces folded to one space.
    static func flat(_ s: Substring) -> String {
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace {
                if !space { out.append(" ") }
                space = true
            } else {
                out.append(ch)
                space = false
            }
        }
        return out
    }
}
