import Foundation
import PolicyIndex

@testable import Explorer

/// A small corpus built in memory: six short articles in our own words, with
/// actors, mentions, relations and timeline events derived by simple rules,
/// so screens can be tested without the full analysis pipeline.
enum Fixture {
    struct Article {
        var title: String
        var date: PartialDate?
        var source: String
        var paragraphs: [String]
        var boilerplate: Set<Int> = []
    }

    static let articles: [Article] = [
        Article(
            title: "Seoul and Washington renew cost-sharing deal", date: PartialDate(year: 2021, month: 3, day: 8), source: "Harbour Times",
            paragraphs: [
                "South Korea and the United States agreed on a new cost-sharing deal in March 2021. The deal covers six years.",
                "Moon Jae-in welcomed the agreement. Joe Biden praised South Korea as a linchpin of stability.",
                "China warned against any new deployment on the peninsula in 2021.",
                "Share this article. Sign up for our newsletter.",
            ], boilerplate: [3]),
        Article(
            title: "Tokyo and Seoul resume talks after trade dispute", date: PartialDate(year: 2019, month: 11, day: 22), source: "Eastern Ledger",
            paragraphs: [
                "Japan and South Korea resumed talks in November 2019 after months of export curbs.",
                "Japan had imposed sanctions on chemicals in July 2019. South Korea protested the curbs.",
                "한국 정부는 대화를 환영했다 🙂 and officials called it a first step.",
            ]),
        Article(
            title: "Pyongyang tests missile as allies watch", date: PartialDate(year: 2022, month: 1, day: 5), source: "Harbour Times",
            paragraphs: [
                "North Korea launched a missile in January 2022. Japan condemned the launch.",
                "The United States and Japan agreed to coordinate their response. South Korea called for restraint.",
            ]),
        Article(
            title: "Armistice anniversary draws veterans", date: PartialDate(year: 2020, month: 7, day: 27), source: "Capital Review",
            paragraphs: [
                "Veterans gathered in July 2020 to mark the armistice of 1953.",
                "The United States and South Korea praised the alliance. North Korea sent no delegation.",
            ]),
        Article(
            title: "Beijing hosts regional forum", date: PartialDate(year: 2019, month: 4), source: "Eastern Ledger",
            paragraphs: [
                "China hosted a forum in April 2019. Japan and China agreed to expand trade links.",
                "A stray \u{1B}[2J control sequence must never reach the terminal.",
            ]),
        Article(
            title: "Undated background note", date: nil, source: "Archive",
            paragraphs: ["The alliance between South Korea and the United States dates from 1953."]),
    ]

    static let actors: [Actor] = [
        Actor(id: "kr", name: "South Korea", kind: .country, aliases: ["Seoul"]),
        Actor(id: "us", name: "United States", kind: .country, aliases: ["Washington"]),
        Actor(id: "jp", name: "Japan", kind: .country, aliases: ["Tokyo"]),
        Actor(id: "cn", name: "China", kind: .country, aliases: ["Beijing"]),
        Actor(id: "kp", name: "North Korea", kind: .country, aliases: ["Pyongyang"]),
        Actor(id: "moon-jae-in", name: "Moon Jae-in", kind: .person, affiliation: "kr"),
        Actor(id: "joe-biden", name: "Joe Biden", kind: .person, affiliation: "us"),
        Actor(id: "alliance", name: "alliance", kind: .topic),
    ]

    static let cues: [(String, RelationClass, Double)] = [
        ("agreed", .verbalCooperation, 5), ("praised", .verbalCooperation, 4), ("welcomed", .verbalCooperation, 3),
        ("resumed talks", .verbalCooperation, 3), ("warned", .verbalConflict, -4), ("condemned", .verbalConflict, -5),
        ("sanctions", .materialConflict, -7), ("protested", .verbalConflict, -3),
    ]

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func workspace() -> Workspace {
        var docs: [Document] = []
        for (i, a) in articles.enumerated() { docs.append(document(i, a)) }
        let analysis = analyse(docs)
        let timeline = Timeline(documents: docs, actors: analysis)
        return Workspace(
            roots: ["fixture/corpus"], documents: docs, issues: [], textIndex: TextIndex(documents: docs), actors: analysis,
            timeline: timeline, timings: StageTimings())
            .withTimeline(buildTimeline(docs, analysis))
    }

    static let model = ExplorerModel(workspace: workspace())

    static func document(_ i: Int, _ a: Article) -> Document {
        let id = DocumentID(i)
        var text = ""
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        for (p, para) in a.paragraphs.enumerated() {
            if p > 0 { text += "\n\n" }
            let start = text.utf8.count
            let first = sentences.count
            var offset = start
            for piece in split(para) {
                let len = piece.utf8.count
                let lead = piece.prefix { $0 == " " }.utf8.count
                sentences.append(Sentence(
                    id: SentenceID(document: id, index: sentences.count), span: TextSpan(offset + lead, offset + len),
                    paragraph: p, isBoilerplate: a.boilerplate.contains(p), wordCount: piece.split(separator: " ").count))
                offset += len
            }
            text += para
            paragraphs.append(Paragraph(
                span: TextSpan(start, text.utf8.count), boilerplate: a.boilerplate.contains(p) ? .shareButtons : nil,
                sentences: first..<sentences.count))
        }
        return Document(
            id: id, path: "corpus/article-\(i + 1).md", format: .markdown, title: a.title, source: a.source,
            date: a.date.map { DocumentDate($0, origin: .frontMatter) }, text: text, paragraphs: paragraphs, sentences: sentences,
            byteCount: text.utf8.count)
    }

    /// Splits after ". " keeping the full stop with its sentence.
    static func split(_ para: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var prev: Character = " "
        for ch in para {
            if ch == " ", prev == "." {
                out.append(cur)
                cur = ""
            }
            cur.append(ch)
            prev = ch
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    static func occurrences(_ needle: String, in text: String) -> [Range<Int>] {
        let h = Array(text.utf8)
        let n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= h.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i <= h.count - n.count {
            if h[i..<(i + n.count)].elementsEqual(n) {
                out.append(i..<(i + n.count))
                i += n.count
            } else {
                i += 1
            }
        }
        return out
    }

    static func analyse(_ docs: [Document]) -> ActorAnalysis {
        var mentions: [Mention] = []
        for d in docs {
            var found: [Mention] = []
            for (k, a) in actors.enumerated() {
                for name in [a.name] + a.aliases {
                    for r in occurrences(name, in: d.text) {
                        guard let s = d.sentenceIndex(containing: r.lowerBound), !d.sentences[s].isBoilerplate else { continue }
                        if found.contains(where: { $0.span.range.overlaps(r) }) { continue }
                        found.append(Mention(actor: ActorRef(k), sentence: SentenceID(document: d.id, index: s), span: TextSpan(r.lowerBound, r.upperBound), reason: .alias(name)))
                    }
                }
            }
            mentions += found.sorted { $0.span < $1.span }
        }
        var byActor = Array(repeating: [Int](), count: actors.count)
        for (i, m) in mentions.enumerated() { byActor[m.actor.index].append(i) }
        // Relations: every pair of actors in one sentence; the first cue decides the class.
        var relations: [String: Relation] = [:]
        var bySentence: [SentenceID: [Mention]] = [:]
        for m in mentions { bySentence[m.sentence, default: []].append(m) }
        for (sid, ms) in bySentence.sorted(by: { $0.key < $1.key }) {
            let refs = Array(Set(ms.map(\.actor))).sorted()
            guard refs.count >= 2 else { continue }
            let doc = docs[sid.document.index]
            let text = String(doc.text(doc.sentences[Int(sid.index)].span))
            let start = Int(doc.sentences[Int(sid.index)].span.start)
            var ev = Evidence(sentence: sid)
            if let cue = cues.first(where: { text.contains($0.0) }), let r = occurrences(cue.0, in: text).first {
                ev = Evidence(sentence: sid, cue: cue.0, cueSpan: TextSpan(start + r.lowerBound, start + r.upperBound), relationClass: cue.1, tone: cue.2)
            }
            for x in 0..<refs.count {
                for y in (x + 1)..<refs.count {
                    let key = "\(refs[x].raw)-\(refs[y].raw)"
                    var rel = relations[key] ?? Relation(a: refs[x], b: refs[y])
                    rel.evidence.append(ev)
                    rel.classCounts[ev.relationClass, default: 0] += 1
                    relations[key] = rel
                }
            }
        }
        let rels = relations.values.map { r -> Relation in
            var r = r
            r.tone = r.evidence.map(\.tone).reduce(0, +) / Double(r.evidence.count)
            r.documentCount = Set(r.evidence.map(\.sentence.document)).count
            return r
        }.sorted { ($0.evidence.count, $1.a, $1.b) > ($1.evidence.count, $0.a, $0.b) }
        return ActorAnalysis(actors: actors, mentions: mentions, mentionsByActor: byActor, relations: rels, quotes: [])
    }

    /// Dates written as "Month YYYY" or "YYYY", one timeline entry per sentence and date.
    static func buildTimeline(_ docs: [Document], _ analysis: ActorAnalysis) -> ([TemporalExpression], [TimelineEvent]) {
        var expressions: [TemporalExpression] = []
        var entries: [TimelineEntry] = []
        for d in docs {
            for (si, s) in d.sentences.enumerated() where !s.isBoilerplate {
                let text = String(d.text(s.span))
                let bytes = Array(text.utf8)
                var i = 0
                while i + 4 <= bytes.count {
                    let isYear = bytes[i..<(i + 4)].allSatisfy { $0 >= 48 && $0 <= 57 } && (i == 0 || bytes[i - 1] == 32)
                    guard isYear, let year = Int(String(decoding: bytes[i..<(i + 4)], as: UTF8.self)) else {
                        i += 1
                        continue
                    }
                    var lo = i
                    var date = PartialDate(year: year)
                    for (m, name) in months.enumerated() {
                        let n = Array((name + " ").utf8)
                        if i >= n.count, bytes[(i - n.count)..<i].elementsEqual(n) {
                            lo = i - n.count
                            date = PartialDate(year: year, month: m + 1)
                        }
                    }
                    let span = TextSpan(Int(s.span.start) + lo, Int(s.span.start) + i + 4)
                    let sid = SentenceID(document: d.id, index: si)
                    let e = TemporalExpression(
                        sentence: sid, span: span, text: String(decoding: bytes[lo..<(i + 4)], as: UTF8.self), value: date.iso,
                        grain: date.month == nil ? .year : .month, interval: date.firstDay..<date.endDay)
                    expressions.append(e)
                    let actorsHere = Array(Set(analysis.mentions.filter { $0.sentence == sid }.map(\.actor))).sorted()
                    entries.append(TimelineEntry(expression: e, sentence: sid, actors: actorsHere))
                    i += 4
                }
            }
        }
        // Entries with the same date and a shared actor form one event.
        var events: [TimelineEvent] = []
        for entry in entries.sorted(by: { ($0.expression.interval!.lowerBound, $0.sentence) < ($1.expression.interval!.lowerBound, $1.sentence) }) {
            if let k = events.firstIndex(where: { $0.value == entry.expression.value && !Set($0.actors).isDisjoint(with: entry.actors) }) {
                events[k].entries.append(entry)
            } else {
                events.append(TimelineEvent(entries: [entry]))
            }
        }
        return (expressions, events)
    }
}

extension Workspace {
    /// The same workspace with a timeline built elsewhere.
    func withTimeline(_ t: ([TemporalExpression], [TimelineEvent])) -> Workspace {
        var timeline = self.timeline
        timeline.expressions = t.0
        timeline.events = t.1
        return Workspace(roots: roots, documents: documents, issues: issues, textIndex: textIndex, actors: actors, timeline: timeline, timings: timings)
    }
}
