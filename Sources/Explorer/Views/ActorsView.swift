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
        let p = s.position(.actorList)
        let showKind = r.width >= 30
        for i in 0..<r.height {
            let k = p.top + i
            guard k < list.count else { break }
            let a = model.actor(list[k])
            let figure: Int
            switch s.sort {
            case .mentions: figure = t.mentionCount[list[k].index]
            case .weight: figure = t.weight[list[k].index]
            case .centrality: figure = t.degree[list[k].index]
            }
            let nameWidth = max(1, r.width - 7 - (showKind ? 8 : 0))
            var segs = [Segment(Draw.pad(a.name, nameWidth), s.theme.kind(a.kind))]
            if showKind { segs.append(Segment(" " + Draw.pad(kindLabel(a.kind), 7), s.theme.meta)) }
            segs.append(Segment(" " + Draw.pad(String(figure), 6, right: true), .plain))
            Draw.row(&c, r, y: r.y + i, segs, selected: k == p.selected, focused: focused, theme: s.theme)
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
        let p = s.position(.relations)
        let barWidth = r.width >= 44 ? 11 : r.width >= 30 ? 7 : 0
        for i in 0..<r.height {
            let k = p.top + i
            guard k < rels.count else { break }
            let rel = t.relations[rels[k]]
            let partner = model.actor(rel.other(than: me))
            let nameWidth = max(1, r.width - 5 - (barWidth > 0 ? barWidth + 7 : 0))
            var segs = [
                Segment(Draw.pad(partner.name, nameWidth), s.theme.kind(partner.kind)),
                Segment(Draw.pad(String(rel.evidence.count), 4, right: true) + " ", .plain),
            ]
            if barWidth > 0 {
                segs += Draw.toneBar(rel.tone, width: barWidth, theme: s.theme)
                let tone = (rel.tone >= 0 ? "+" : "") + String(format1(rel.tone))
                segs.append(Segment(" " + Draw.pad(tone, 5, right: true), rel.tone < -0.5 ? s.theme.conflict : rel.tone > 0.5 ? s.theme.cooperation : s.theme.neutral))
            }
            Draw.row(&c, r, y: r.y + i, segs, selected: k == p.selected, focused: focused, theme: s.theme)
        }
    }

    /// One decimal without Foundation's formatters.
    static func format1(_ v: Double) -> String {
        let t = (v * 10).rounded() / 10
        let whole = Int(t)
        let frac = abs(Int((t * 10).rounded()) % 10)
        return "\(t < 0 && whole == 0 ? "-" : "")\(whole).\(frac)"
    }

    static func drawEvidence(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel, focused: Bool) {
        guard let rel = s.selectedRelation(model) else {
            Draw.note(&c, r, "select a relation", theme: s.theme)
            return
        }
        let ev = rel.evidence
        let p = s.position(.evidence)
        let numberWidth = String(ev.count).count + 1
        for i in 0..<r.height {
            let k = p.top + i
            guard k < ev.count else { break }
            let e = ev[k]
            let doc = model.document(e.sentence.document)
            let date = doc.date.map { $0.date.iso + " " } ?? ""
            let prefix = Draw.pad("#\(k + 1)", numberWidth) + " "
            let tone = e.tone < -0.5 ? s.theme.conflict : e.tone > 0.5 ? s.theme.cooperation : s.theme.neutral
            let mark = e.negated ? "¬" : e.hedged ? "~" : e.tone < -0.5 ? "▼" : e.tone > 0.5 ? "▲" : "•"
            var segs = [Segment(prefix, s.theme.number), Segment(mark + " ", tone)]
            let dateWidth = r.width >= 60 ? CharacterWidth.columns(date) : 0
            if dateWidth > 0 { segs.append(Segment(date, s.theme.meta)) }
            let avail = max(1, r.width - CharacterWidth.columns(prefix) - 2 - dateWidth)
            segs += Kwic.segments(model, e, relation: rel, width: avail, keyword: tone.with(.bold))
            Draw.row(&c, r, y: r.y + i, segs, selected: k == p.selected, focused: focused, theme: s.theme)
        }
    }
}

/// Keyword-in-context lines: the cue (or the partner's mention) centred.
enum Kwic {
    static func segments(_ model: ExplorerModel, _ e: Evidence, relation: Relation, width: Int, keyword: Style) -> [Segment] {
        let doc = model.document(e.sentence.document)
        guard let sentence = doc.sentence(e.sentence) else { return [] }
        let span = sentence.span
        var key = e.cueSpan
        if key == nil {
            let all = model.workspace.actors.mentions
            key = model.mentionRanges[doc.id.index].lazy.map { all[$0] }
                .first { $0.sentence == e.sentence && ($0.actor == relation.b || $0.actor == relation.a) }?.span
        }
        guard let k = key, span.contains(k) else {
            return [Segment(Draw.fit(flat(doc.text(span)), width))]
        }
        return line(left: flat(doc.text(TextSpan(Int(span.start), Int(k.start)))), key: flat(doc.text(k)),
                    right: flat(doc.text(TextSpan(Int(k.end), Int(span.end)))), width: width, keyword: keyword)
    }

    static func line(left: String, key: String, right: String, width: Int, keyword: Style) -> [Segment] {
        let kw = Draw.fit(key, max(1, width / 2))
        let kwWidth = CharacterWidth.columns(kw)
        let leftWidth = max(0, (width - kwWidth) / 3)
        var l = ""
        var col = 0
        for ch in left.reversed() {
            let w = CharacterWidth.columns(String(ch))
            if col + w > leftWidth - 1 { l = "…" + l; col += 1; break }
            l = String(ch) + l
            col += w
        }
        let pad = String(repeating: " ", count: max(0, leftWidth - CharacterWidth.columns(l)))
        let rightWidth = max(0, width - leftWidth - kwWidth)
        return [Segment(pad + l), Segment(kw, keyword), Segment(Draw.fit(right, rightWidth))]
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
