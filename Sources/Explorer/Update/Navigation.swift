import PolicyIndex
import TextUI

enum Motion {
    case by(Int), page(Int), halfPage(Int), top, bottom
}

extension App {
    static func layout(_ s: AppState, focus: Section? = nil) -> ScreenLayout {
        ScreenLayout(size: s.size, focus: focus ?? s.section)
    }

    static func rows(_ s: AppState, _ section: Section) -> Int {
        layout(s, focus: section).rows(section)
    }

    static func move(_ s: inout AppState, _ motion: Motion, _ model: ExplorerModel) {
        if let overlay = s.overlay {
            moveOverlay(&s, overlay, motion, model)
            return
        }
        if s.section == .reader {
            moveReader(&s, motion, model)
            return
        }
        let section = s.section
        let n = s.count(section, model)
        let visible = rows(s, section)
        var p = s.position(section)
        p.selected = target(p.selected, motion, count: n, page: visible)
        if case .page(let d) = motion { p.top += d * visible }
        select(&s, section, p, model)
    }

    static func target(_ current: Int, _ motion: Motion, count: Int, page: Int) -> Int {
        let t: Int
        switch motion {
        case .by(let d): t = current + d
        case .page(let d): t = current + d * max(1, page)
        case .halfPage(let d): t = current + d * max(1, page / 2)
        case .top: t = 0
        case .bottom: t = count - 1
        }
        return max(0, min(t, count - 1))
    }

    /// Moves a list's selection; what depends on it (relations, evidence, the
    /// reader's preview) follows.
    static func select(_ s: inout AppState, _ section: Section, _ p: ListPosition, _ model: ExplorerModel) {
        var p = p
        let before = s.position(section).selected
        p.clamp(count: s.count(section, model), rows: rows(s, section))
        s.lists[section] = p
        guard p.selected != before else { return }
        switch section {
        case .articleList:
            if let d = s.selectedDocument, d != s.reader.document { s.reader = ReaderState(document: d) }
        case .actorList:
            s.lists[.relations] = ListPosition()
            s.lists[.evidence] = ListPosition()
        case .relations:
            s.lists[.evidence] = ListPosition()
        default:
            break
        }
    }

    static func moveOverlay(_ s: inout AppState, _ overlay: Overlay, _ motion: Motion, _ model: ExplorerModel) {
        let page = max(1, s.size.height - 6)
        switch overlay {
        case .help(var p):
            let n = s.keymap.helpRows.count
            p.selected = target(p.top, motion, count: n, page: page)
            p.top = min(p.selected, max(0, n - page))
            s.overlay = .help(p)
        case .results(var p):
            p.selected = target(p.selected, motion, count: s.search?.hits.count ?? 0, page: page)
            p.clamp(count: s.search?.hits.count ?? 0, rows: page)
            s.overlay = .results(p)
        case .jump(let input, var p):
            let n = model.jumpMatches(input.text).count
            p.selected = target(p.selected, motion, count: n, page: page)
            p.clamp(count: n, rows: page)
            s.overlay = .jump(input, position: p)
        }
    }

    static func focus(_ s: inout AppState, section: Section) {
        s.section = section
        s.paneSection[section.pane] = section
    }

    static func focus(_ s: inout AppState, pane: Pane) {
        focus(&s, section: s.paneSection[pane] ?? pane.sections[0])
    }

    static func stepSection(_ s: inout AppState, _ d: Int, _ model: ExplorerModel) {
        let all = Section.allCases
        let i = all.firstIndex(of: s.section)! + d
        guard all.indices.contains(i) else { return }
        focus(&s, section: all[i])
    }

    /// Keeps every list's selection valid after the size or the lists changed.
    static func clampAll(_ s: inout AppState, _ model: ExplorerModel) {
        for section in Section.allCases where section != .reader {
            var p = s.position(section)
            p.clamp(count: s.count(section, model), rows: rows(s, section))
            s.lists[section] = p
        }
        if let d = s.reader.document {
            let l = readerLayout(s, d, model)
            s.reader.top = max(0, min(s.reader.top, max(0, l.lines.count - readerRows(s))))
        }
    }
}

// MARK: - Reader

extension App {
    static func readerWidth(_ s: AppState) -> Int {
        max(1, layout(s, focus: .reader).content(.reader)?.width ?? s.size.width)
    }
    static func readerRows(_ s: AppState) -> Int { rows(s, .reader) }

    static func readerLayout(_ s: AppState, _ d: DocumentID, _ model: ExplorerModel) -> ReaderLayout {
        model.readerLayout(d, width: readerWidth(s))
    }

    static func moveReader(_ s: inout AppState, _ motion: Motion, _ model: ExplorerModel) {
        guard let d = s.reader.document else { return }
        let doc = model.document(d)
        let l = readerLayout(s, d, model)
        let rows = readerRows(s)
        let maxTop = max(0, l.lines.count - rows)
        switch motion {
        case .by(let k):
            guard !doc.sentences.isEmpty else {
                s.reader.top = max(0, min(maxTop, s.reader.top + k))
                return
            }
            let cur = s.reader.sentence ?? firstVisibleSentence(s, doc, l) ?? 0
            let next = s.reader.sentence == nil ? cur : max(0, min(doc.sentences.count - 1, cur + k))
            selectSentence(&s, next, model)
        case .page(let k), .halfPage(let k):
            let step: Int
            if case .page = motion { step = max(1, rows - 2) } else { step = max(1, rows / 2) }
            s.reader.top = max(0, min(maxTop, s.reader.top + k * step))
            if let first = firstVisibleSentence(s, doc, l) {
                s.reader.sentence = first
                s.reader.link = firstMention(model, d, sentence: first)
            }
        case .top:
            s.reader.top = 0
            if !doc.sentences.isEmpty { selectSentence(&s, 0, model) }
        case .bottom:
            s.reader.top = maxTop
            if !doc.sentences.isEmpty { selectSentence(&s, doc.sentences.count - 1, model) }
        }
    }

    static func firstVisibleSentence(_ s: AppState, _ doc: Document, _ l: ReaderLayout) -> Int? {
        var i = s.reader.top
        while i < l.lines.count {
            if case .text = l.lines[i].kind, let k = doc.sentenceIndex(containing: l.lines[i].start) {
                // A sentence that began above the top counts only if nothing else starts on screen.
                if Int(doc.sentences[k].span.start) >= l.lines[i].start || i == l.lines.count - 1 { return k }
                return min(k + 1, doc.sentences.count - 1)
            }
            i += 1
        }
        return doc.sentences.isEmpty ? nil : doc.sentences.count - 1
    }

    /// Selects a sentence and scrolls so that all of it is visible.
    static func selectSentence(_ s: inout AppState, _ k: Int, _ model: ExplorerModel, link: Int? = nil) {
        guard let d = s.reader.document else { return }
        let doc = model.document(d)
        guard doc.sentences.indices.contains(k) else { return }
        s.reader.sentence = k
        s.reader.link = link ?? firstMention(model, d, sentence: k)
        reveal(&s, span: doc.sentences[k].span, model)
    }

    static func reveal(_ s: inout AppState, span: TextSpan, _ model: ExplorerModel, centre: Bool = false) {
        guard let d = s.reader.document else { return }
        let l = readerLayout(s, d, model)
        let rows = readerRows(s)
        let first = l.line(containing: Int(span.start))
        let last = l.line(containing: max(Int(span.start), Int(span.end) - 1))
        if centre {
            s.reader.top = max(0, first - rows / 3)
        } else if first < s.reader.top {
            s.reader.top = first
        } else if last >= s.reader.top + rows {
            s.reader.top = min(first, last - rows + 1)
        }
        s.reader.top = max(0, min(s.reader.top, max(0, l.lines.count - rows)))
    }

    /// The index (into all mentions) of the first mention in a sentence.
    static func firstMention(_ model: ExplorerModel, _ d: DocumentID, sentence k: Int) -> Int? {
        let range = model.mentionRanges[d.index]
        let all = model.workspace.actors.mentions
        return range.first { all[$0].sentence.index == Int32(k) }
    }

    static func stepLink(_ s: inout AppState, _ d: Int, _ model: ExplorerModel) {
        guard let doc = s.reader.document else { return }
        let range = model.mentionRanges[doc.index]
        guard !range.isEmpty else {
            s.message = "no actor mentions in this article"
            return
        }
        let all = model.workspace.actors.mentions
        let next: Int?
        if let l = s.reader.link, range.contains(l) {
            next = range.contains(l + d) ? l + d : nil
        } else {
            let k = Int32(s.reader.sentence ?? -1)
            next = d > 0 ? range.first { all[$0].sentence.index > k } : range.last { all[$0].sentence.index < max(0, k) }
        }
        guard let n = next else {
            s.message = d > 0 ? "last mention in this article" : "first mention in this article"
            return
        }
        s.reader.link = n
        s.reader.sentence = Int(all[n].sentence.index)
        reveal(&s, span: all[n].span, model)
        s.message = "\(model.actor(all[n].actor).name) — Enter opens the actor"
    }
}
