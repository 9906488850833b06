import Testing

@testable import PolicyIndex

@Suite struct JSONLinesLoaderTests {
    @Test func oneDocumentPerLineWithLineNumbers() throws {
        let corpus = TempCorpus()
        corpus.write(
            "feed.jsonl",
            """
            {"title": "First Article", "text": "Para one.\\n\\nPara two.", "date": "2020-01-02", "source": {"name": "Wire"}, "author": "A. Writer", "url": "https://e.org/1", "tags": ["x", "y"], "section": "World", "rank": 3}

            {"headline": "Second", "body": "Body text."}
            {"content": "<p>An <b>HTML</b> body.</p><p>Two.</p>"}
            {"title": "broken", "text": "unterminated}
            [1, 2]
            {"title": "no text"}
            {"text": "   "}
            """)
        let r = try corpus.load()
        #expect(r.documents.map(\.title) == ["First Article", "Second", "An HTML body."])
        #expect(r.documents.map(\.line) == [1, 3, 4])
        let first = r.documents[0]
        #expect(first.paragraphTexts == ["Para one.", "Para two."])
        #expect(first.date == DocumentDate(PartialDate(year: 2020, month: 1, day: 2), origin: .json))
        #expect(first.source == "Wire")
        #expect(first.author == "A. Writer")
        #expect(first.url == "https://e.org/1")
        #expect(first.tags == ["x", "y"])
        #expect(first.extra == ["section": "World", "rank": "3"])
        #expect(first.format == .jsonl)
        #expect(first.path == "feed.jsonl")
        #expect(r.documents[2].paragraphTexts == ["An HTML body.", "Two."])
        #expect(r.issues.map(\.line) == [5, 6, 7, 8])
        #expect(r.issues.map(\.reason) == ["not valid JSON", "not a JSON object", "no text, body or content field", "text field is blank"])
        #expect(r.issues.allSatisfy { $0.severity == .skipped && $0.path == corpus.path("feed.jsonl") })
    }

    @Test func manyLinesLoadInOrder() throws {
        let corpus = TempCorpus()
        let lines = (1...500).map { "{\"title\": \"Article \($0)\", \"text\": \"Text number \($0).\"}" }
        corpus.write("big.ndjson", lines.joined(separator: "\n"))
        let r = try corpus.load()
        #expect(r.documents.map(\.title) == (1...500).map { "Article \($0)" })
        #expect(r.documents.map(\.id) == (0..<500).map { DocumentID($0) })
    }

    @Test func manyBrokenLinesAreSummarised() throws {
        let corpus = TempCorpus()
        corpus.write("bad.jsonl", (["{\"text\": \"good one.\"}"] + Array(repeating: "{oops", count: 25)).joined(separator: "\n"))
        let r = try corpus.load()
        #expect(r.documents.count == 1)
        #expect(r.issues.count == JSONLinesReader.reportedLines + 1)
        #expect(r.issues.last?.reason == "15 more broken lines not listed")
    }
}
