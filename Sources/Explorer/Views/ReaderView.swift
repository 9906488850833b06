import PolicyIndex
import TextUI

/// The reader: wrapped paragraphs with mentions coloured by kind, dates
/// marked, boilerplate dimmed, search hits and the selected sentence highlighted.
enum ReaderView {
    /// Where the reader stands: the selected sentence, the lines shown, the percentage.
    static func position(_ s: AppState, _ model: ExplorerModel, _ r: Rect) -> String? {
        guard let d = s.reader.document, r.width > 0, r.height > 0 else { return nil }
        let layout = model.readerLayout(d, width: r.width)
        let top = max(0, min(s.reader.top, max(0, layout.lines.count - 1)))
        var label = ScrollBar.percent(first: top, visible: r.height, count: layout.lines.count)
        if let k = s.reader.sentence { label = "s\(k + 1)/\(model.document(d).sentences.count) · " + label }
        return label
    }

    static func draw(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel, focused: Bool) {
        guard let d = s.reader.document else {
            Draw.note(&c, r, "no article: pick one in the list", theme: s.theme)
            return
        }
        guard r.width > 0, r.height > 0 else { return }
        let doc = model.document(d)
        let layout = model.readerLayout(d, width: r.width)
        let top = max(0, min(s.reader.top, max(0, layout.lines.count - 1)))
        let visible = top..<min(layout.lines.count, top + r.height)
        let marks = Marks(s, model, doc, layout.lines[visible])
        for (i, k) in visible.enumerated() {
            let line = layout.lines[k]
            let y = r.y + i
            switch line.kind {
            case .title(let t): c.put(t, x: r.x, y: y, style: s.theme.heading, clip: r)
            case .meta(let t): c.put(t, x: r.x, y: y, style: s.theme.meta, clip: r)
            case .blank: break
            case .text(let p):
                drawText(&c, r, y: y, line: line, paragraph: doc.paragraphs.indices.contains(p) ? doc.paragraphs[p] : nil, doc: doc, marks: marks, theme: s.theme)
            }
        }
    }

    /// The spans to style within the visible part of a document.
    struct Marks {
        var mentions: [(TextSpan, Style, Bool)] = []
        var dates: [TextSpan] = []
        var hits: [TextSpan] = []
        var hitWords: [String] = []
        var sentence: TextSpan?

        init(_ s: AppState, _ model: ExplorerModel, _ doc: Document, _ lines: ArraySlice<ReaderLine>) {
            let lo = lines.first { $0.start >= 0 }?.start ?? 0
            let hi = lines.last?.end ?? 0
            guard hi > lo else { return }
            let all = model.workspace.actors.mentions
            let t = s.table(model)
            var focusActor: ActorRef?
            if case .actor(let a) = s.filter(for: .articles) { focusActor = t.representative[a.index] }
            for i in model.mentionRanges[doc.id.index] {
                let m = all[i]
                guard Int(m.span.end) > lo, Int(m.span.start) < hi else { continue }
                var st = s.theme.kind(model.actor(m.actor).kind)
                if t.representative[m.actor.index] == focusActor { st = st.with([.bold, .underline]) }
                if i == s.reader.link { st = st.with(s.theme.linkCursor.attributes) }
                mentions.append((m.span, st, i == s.reader.link))
            }
            let exprs = model.workspace.timeline.expressions
            for e in model.expressionsByDocument[doc.id.index] where Int(exprs[e].span.end) > lo && Int(exprs[e].span.start) < hi {
                dates.append(exprs[e].span)
            }
            if let search = s.search {
                var any = false
                for stop in search.stops where stop.sentence.document == doc.id {
                    guard let span = stop.span else { continue }
                    any = true
                    if Int(span.end) > lo, Int(span.start) < hi { hits.append(span) }
                }
                if !any, search.stops.contains(where: { $0.sentence.document == doc.id }) {
                    hitWords = Self.words(search.query)
                }
            }
            if let k = s.reader.sentence, doc.sentences.indices.contains(k) { sentence = doc.sentences[k].span }
        }

        /// Plain words of a query, for highlighting when the index gave no spans.
        static func words(_ q: String) -> [String] {
            q.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() }.filter { !["and", "or", "not"].contains($0) }
        }
    }

    static func drawText(_ c: inout Canvas, _ r: Rect, y: Int, line: ReaderLine, paragraph: Paragraph?, doc: Document, marks: Marks, theme: Theme) {
        var base = Style.plain
        if paragraph?.isBoilerplate == true { base = theme.boilerplate }
        if paragraph?.kind == .heading { base = base.with(.bold) }
        if paragraph?.kind == .quote { base = base.with(.italic) }
        let text = doc.text(TextSpan(line.start, line.end))
        var wordHits: [Range<Int>] = []
        if !marks.hitWords.isEmpty {
            let lower = Array(text.lowercased().utf8)
            if lower.count == line.end - line.start {
                for w in marks.hitWords {
                    let wb = Array(w.utf8)
                    guard !wb.isEmpty, wb.count <= lower.count else { continue }
                    for i in 0...(lower.count - wb.count) where lower[i..<(i + wb.count)].elementsEqual(wb) {
                        wordHits.append((line.start + i)..<(line.start + i + wb.count))
                    }
                }
            }
        }
        var x = r.x
        var offset = line.start
        var run = ""
        var runStyle = base
        for ch in text {
            let o = offset
            offset += ch.utf8.count
            var st = base
            if let sp = marks.sentence, sp.range.contains(o) { st.bg = theme.sentence.bg; st.attributes.formUnion(theme.sentence.attributes) }
            if marks.dates.contains(where: { $0.range.contains(o) }) {
                st.fg = theme.date.fg
                st.attributes.formUnion(theme.date.attributes)
            }
            if let m = marks.mentions.first(where: { $0.0.range.contains(o) }) {
                st.fg = m.1.fg
                st.attributes.formUnion(m.1.attributes)
                if m.2 { st.attributes.formUnion(theme.linkCursor.attributes) }
            }
            if marks.hits.contains(where: { $0.range.contains(o) }) || wordHits.contains(where: { $0.contains(o) }) {
                st.fg = theme.searchHit.fg
                st.bg = theme.searchHit.bg
                st.attributes.formUnion(theme.searchHit.attributes)
            }
            if st != runStyle, !run.isEmpty {
                x = c.put(run, x: x, y: y, style: runStyle, clip: r)
                run = ""
            }
            runStyle = st
            run.append(ch)
        }
        if !run.isEmpty { c.put(run, x: x, y: y, style: runStyle, clip: r) }
    }
}
