import Testing

@testable import PolicyIndex

/// Odd input never crashes the analysis and never yields spans outside the text.
@Suite struct ActorRobustnessTests {
    typealias F = ActorFixtures

    private func check(_ docs: [Document]) {
        let a = F.analyze(docs)
        for m in a.mentions {
            let n = docs[m.sentence.document.index].text.utf8.count
            #expect(m.span.start >= 0 && m.span.end <= n && m.span.start < m.span.end)
        }
        for q in a.quotes {
            #expect(q.span.end <= docs[q.sentence.document.index].text.utf8.count)
        }
    }

    @Test func emptyAndPunctuationOnlyDocuments() {
        check([F.document(""), F.document("“”\"\"…—", id: 1), F.document("\u{201C}", id: 2), F.document("'s s' -", id: 3)])
    }

    @Test func wideScriptsEmojiAndControlBytes() {
        check([F.document("서울과 Seoul 🇰🇷 met \u{1B}[31mTokyo\u{7}, 東京 said “안녕하세요 여러분 모두,” Seoul said.")])
    }

    @Test func malformedSpansAreTolerated() {
        var d = F.document("Seoul and Tokyo held talks.", "Beijing watched.")
        let n = d.text.utf8.count
        d.sentences.append(Sentence(id: SentenceID(document: d.id, index: 2), span: TextSpan(n - 5, n + 40), paragraph: 0))
        d.sentences.append(Sentence(id: SentenceID(document: d.id, index: 3), span: TextSpan(3, 1), paragraph: 0))
        d.sentences.append(Sentence(id: SentenceID(document: d.id, index: 4), span: TextSpan(0, n), paragraph: 0))
        d.paragraphs.append(Paragraph(span: TextSpan(n + 10, n + 20)))
        check([d])
    }

    @Test func aVeryLongCapitalisedRunAndManyQuotes() {
        let run = Array(repeating: "Alpha Beta Gamma", count: 400).joined(separator: " ")
        let quotes = Array(repeating: "\u{201C}We will talk again soon,\u{201D} said Moon Jae-in.", count: 200).joined(separator: " ")
        check([F.document(run + " said.", quotes)])
    }

    @Test func theSameCorpusGivesTheSameAnalysis() {
        let docs = (0..<400).map { i in
            F.document(
                "Foreign Minister Vera Lind\(i % 7) met Seoul.", "Lind\(i % 7) said Tokyo and Beijing held talks.",
                id: i, date: PartialDate(year: 2000 + i % 20))
        }
        let x = F.analyze(docs)
        let y = F.analyze(docs)
        #expect(x.actors == y.actors)
        #expect(x.mentions == y.mentions)
        #expect(x.relations == y.relations)
        #expect(x.quotes == y.quotes)
        #expect(x.candidates == y.candidates)
    }
}
