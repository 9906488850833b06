import PolicyIndex
import TextUI

/// Following links, the history stack, marks and numbered references.
extension App {
    static func followLink(_ s: inout AppState, _ model: ExplorerModel) {
        switch s.overlay {
        case .help: s.overlay = nil
        case .results(let p): openHit(&s, p.selected, model)
        case .jump(let input, let p):
            let matches = model.jumpMatches(input.text)
            s.overlay = nil
            guard matches.indices.contains(p.selected) else { return }
            go(&s, to: matches[p.selected], model)
        case nil:
            followInSection(&s, model)
        }
    }

    static func followInSection(_ s: inout AppState, _ model: ExplorerModel) {
        switch s.section {
        case .articleList:
            guard let d = s.selectedDocument else { return }
            record(&s)
            if s.reader.document != d { s.reader = ReaderState(document: d) }
            focus(&s, section: .reader)
        case .reader:
            guard let a = s.linkedActor(model) else {
                s.message = "no actor mention in this sentence; ] finds the next one"
                return
            }
            record(&s)
            showActor(&s, a, model)
        case .actorList:
            guard s.selectedActor != nil else { return }
            if s.shownRelations(model).isEmpty {
                s.message = "this actor has no relations"
                return
            }
            record(&s)
            focus(&s, section: .relations)
        case .relations:
            guard s.selectedRelation(model) != nil else { return }
            record(&s)
            focus(&s, section: .evidence)
        case .evidence:
            let ev = s.shownEvidence(model)
            let k = s.position(.evidence).selected
            guard ev.indices.contains(k) else { return }
            record(&s)
            open(&s, ev[k].sentence, highlight: ev[k].cueSpan, model)
        case .timeline:
            switch s.selectedTimelineRow {
            case .event(let e):
                record(&s)
                open(&s, model.events[e].primary.sentence, highlight: model.events[e].primary.expression.span, model)
            case .year, .month:
                setFilter(&s, model)
            case .undated, nil:
                break
            }
        }
    }

    /// Opens a document in the reader at a sentence, highlighted and scrolled into view.
    static func open(_ s: inout AppState, _ sentence: SentenceID, highlight: TextSpan? = nil, _ model: ExplorerModel) {
        let d = sentence.document
        guard d.index >= 0, d.index < model.documentCount else { return }
        s.reader = ReaderState(document: d)
        if let row = s.derived.articles.firstIndex(of: d) {
            var p = s.position(.articleList)
            p.selected = row
            p.clamp(count: s.derived.articles.count, rows: rows(s, .articleList))
            s.lists[.articleList] = p
        }
        focus(&s, section: .reader)
        let doc = model.document(d)
        guard doc.sentences.indices.contains(Int(sentence.index)) else { return }
        let k = Int(sentence.index)
        s.reader.sentence = k
        s.reader.link = firstMention(model, d, sentence: k)
        reveal(&s, span: highlight ?? doc.sentences[k].span, model, centre: true)
    }

    /// Selects an actor in the Actors pane, widening its filters when they hide it.
    static func showActor(_ s: inout AppState, _ a: ActorRef, _ model: ExplorerModel) {
        let t = s.table(model)
        let rep = t.representative[a.index]
        if s.derived.actors.firstIndex(of: rep) == nil, let k = s.kind, model.actor(rep).kind != k {
            s.kind = nil
            refresh(&s, model)
        }
        if s.derived.actors.firstIndex(of: rep) == nil, s.frozen[.actors] == nil, s.filter != nil {
            s.filter = nil
            refresh(&s, model)
            s.message = "filter cleared to show \(model.actor(rep).name)"
        }
        guard let row = s.derived.actors.firstIndex(of: rep) else {
            s.message = "\(model.actor(rep).name) is hidden by the frozen Actors pane"
            return
        }
        var p = s.position(.actorList)
        p.selected = row
        select(&s, .actorList, p, model)
        focus(&s, section: .actorList)
    }

    static func go(_ s: inout AppState, to target: JumpTarget, _ model: ExplorerModel) {
        record(&s)
        switch target.kind {
        case .actor(let a): showActor(&s, a, model)
        case .article(let d):
            if s.derived.articles.firstIndex(of: d) == nil, s.frozen[.articles] == nil, s.filter != nil {
                s.filter = nil
                refresh(&s, model)
            }
            open(&s, SentenceID(document: d, index: 0), model)
            s.reader.sentence = nil
            s.reader.top = 0
        case .date(let date): showDate(&s, date, model)
        }
    }

    /// Scrolls the timeline to a year or month heading.
    static func showDate(_ s: inout AppState, _ date: PartialDate, _ model: ExplorerModel) {
        func row() -> Int? {
            s.derived.timelineRows.firstIndex { r in
                switch r {
                case .year(let y, _): return date.month == nil && y == date.year
                case .month(let y, let m, _): return y == date.year && m == date.month
                default: return false
                }
            }
        }
        if row() == nil, s.frozen[.timeline] == nil, s.filter != nil {
            s.filter = nil
            refresh(&s, model)
        }
        guard let r = row() else {
            s.message = "no events in \(date.iso)"
            return
        }
        var p = s.position(.timeline)
        p.selected = r
        p.top = r
        select(&s, .timeline, p, model)
        focus(&s, section: .timeline)
    }

    static func followNumber(_ s: inout AppState, _ n: Int?, _ model: ExplorerModel) {
        let ev = s.shownEvidence(model)
        guard let n, n >= 1, n <= ev.count else {
            s.message = ev.isEmpty ? "no evidence list: pick a relation first" : "evidence is numbered 1–\(ev.count)"
            return
        }
        record(&s)
        var p = s.position(.evidence)
        p.selected = n - 1
        select(&s, .evidence, p, model)
        s.paneSection[.actors] = .evidence
        open(&s, ev[n - 1].sentence, highlight: ev[n - 1].cueSpan, model)
    }

    // MARK: History and marks

    static let historyLimit = 200

    /// Records the current place before a jump.
    static func record(_ s: inout AppState) {
        let here = s.location
        if s.back.last != here { s.back.append(here) }
        if s.back.count > historyLimit { s.back.removeFirst(s.back.count - historyLimit) }
        s.forward.removeAll()
    }

    static func goBack(_ s: inout AppState, _ model: ExplorerModel) {
        guard let loc = s.back.popLast() else {
            s.message = "nothing to go back to"
            return
        }
        s.forward.append(s.location)
        restore(&s, loc, model)
    }

    static func goForward(_ s: inout AppState, _ model: ExplorerModel) {
        guard let loc = s.forward.popLast() else {
            s.message = "nothing to go forward to"
            return
        }
        s.back.append(s.location)
        restore(&s, loc, model)
    }

    static func jumpToMark(_ s: inout AppState, _ c: Character, _ model: ExplorerModel) {
        if c == "'" {
            goBack(&s, model)
            return
        }
        guard let loc = s.marks[c] else {
            s.message = "no mark \(c)"
            return
        }
        record(&s)
        restore(&s, loc, model)
    }

    static func restore(_ s: inout AppState, _ loc: Location, _ model: ExplorerModel) {
        let refilter = loc.filter != s.filter
        s.filter = loc.filter
        if refilter { refresh(&s, model, keepSelection: false) }
        s.lists = loc.lists
        s.reader = loc.reader
        focus(&s, section: loc.section)
        clampAll(&s, model)
    }
}
