import Testing

@testable import PolicyIndex

@Suite struct MarkdownLoaderTests {
    @Test func frontMatterFields() throws {
        let d = try loadOne(
            "a.md",
            """
            ---
            title: "Seoul and Tokyo Resume Dialogue"
            date: 2021-03-18
            source: The Harbour Gazette
            author: Mina Park
            url: https://example.org/a
            tags: [alliance, trade]
            desk: Asia
            series: {name: Dialogues, part: 2}
            ---
            # A Different Heading

            Officials met on **Thursday** in [Seoul](https://example.org/seoul).
            """)
        #expect(d.title == "Seoul and Tokyo Resume Dialogue")
        #expect(d.date == DocumentDate(PartialDate(year: 2021, month: 3, day: 18), origin: .frontMatter))
        #expect(d.source == "The Harbour Gazette")
        #expect(d.author == "Mina Park")
        #expect(d.url == "https://example.org/a")
        #expect(d.tags == ["alliance", "trade"])
        #expect(d.extra["desk"] == "Asia")
        #expect(d.extra["series"] == "name: Dialogues, part: 2")
        #expect(d.format == .markdown)
        #expect(d.paragraphTexts == ["A Different Heading", "Officials met on Thursday in Seoul."])
        #expect(d.paragraphs.map(\.kind) == [.heading, .body])
    }

    @Test func dateAtMonthPrecisionStaysAMonth() throws {
        let d = try loadOne("m.md", "---\ndate: 2020-11\n---\nText here.")
        #expect(d.date?.date == PartialDate(year: 2020, month: 11))
        #expect(d.date?.date.precision == .month)
    }

    @Test func titleFromFirstHeadingWithoutFrontMatter() throws {
        let d = try loadOne("h.md", "Intro line\n\n## Second level\n\n# Top Level Title\n\nBody.")
        #expect(d.title == "Top Level Title")
    }

    @Test func setextHeadingsRulesListsQuotesTables() throws {
        let d = try loadOne(
            "s.md",
            """
            Big Title
            =========

            Para one with *emphasis*, __strong__, `code` and ~~strike~~ and snake_case and 2 * 3.

            ---

            * item one with ![a chart](c.png) image
            * item two [linked][ref]

            > quoted **words**
            continued lazily

            | Country | Talks |
            |---------|:-----:|
            | Japan   | 3     |

            [ref]: https://example.org
            <!-- a comment -->
            """)
        #expect(d.paragraphTexts == [
            "Big Title", "Para one with emphasis, strong, code and strike and snake_case and 2 * 3.",
            "item one with image", "item two linked", "quoted words continued lazily", "Country · Talks", "Japan · 3",
        ])
        #expect(d.paragraphs.map(\.kind) == [.heading, .body, .listItem, .listItem, .quote, .body, .body])
    }

    /// Rules of every mark, spaced or not, end a paragraph and leave no text;
    /// a line with anything else on it, or fewer than three marks, is text.
    @Test func thematicBreaksOfEveryKind() throws {
        let d = try loadOne("r.md", "One.\n\n* * *\n\nTwo.\n\n___\nThree.\n\n - - - \n\nFour.\n\n--- and more\n\n-- \n\n-=-\n")
        #expect(d.paragraphTexts == ["One.", "Two.", "Three.", "Four.", "--- and more", "--", "-=-"])
    }

    @Test func fencedCodeKeepsItsCharacters() throws {
        let d = try loadOne("c.md", "# T\n\n```\nlet a_b = x * y // [not a link](z)\n```\n")
        #expect(d.paragraphTexts.last == "let a_b = x * y // [not a link](z)")
    }

    @Test func badFrontMatterWarnsAndKeepsBody() throws {
        let corpus = TempCorpus()
        corpus.write("bad.md", "---\ntitle: [unclosed\n  : : :\n---\n# Still Here\n\nBody text.")
        let r = try corpus.load()
        #expect(r.documents.count == 1)
        #expect(r.documents[0].title == "Still Here")
        #expect(r.issues.count == 1)
        #expect(r.issues[0].severity == .warning)
        #expect(r.issues[0].reason.contains("not valid YAML"))
    }

    @Test func aliasesAreRefused() throws {
        let yaml = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\ntitle: Bomb\n"
        let corpus = TempCorpus()
        corpus.write("bomb.md", "---\n\(yaml)---\nBody text here.")
        let r = try corpus.load()
        #expect(r.documents.first?.title != "Bomb")
        #expect(r.issues.first?.reason.contains("aliases") == true)
    }

    @Test func unclosedFrontMatterIsReadAsText() throws {
        let corpus = TempCorpus()
        corpus.write("open.md", "---\ntitle: nothing closes this\n\nA paragraph.")
        let r = try corpus.load()
        #expect(r.documents[0].text.contains("A paragraph."))
        #expect(r.issues.first?.reason.contains("no closing") == true)
    }

    @Test func quotedAsterisksAndCommentsAreNotAliases() throws {
        let d = try loadOne("q.md", "---\ntitle: \"*Breaking* news\" # a *comment\n---\nBody.")
        #expect(d.title == "*Breaking* news")
    }
}
