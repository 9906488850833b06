import Testing

@testable import PolicyIndex

@Suite struct PlainTextLoaderTests {
    let clipping = """
        THE HARBOUR GAZETTE
        Home | World | Asia | Opinion
        Published daily by Harbour Media since 1921

        Allies Agree to Extend Cost-Sharing Talks Into Next Year
        By Mina Park
        November 12, 2020

        Negotiators from both capitals met on Thursday. They agreed to keep talking.

        The next round is set for January.
        """

    @Test func headlineSkipsMastheadAndReadsBylineAndDate() throws {
        let d = try loadOne("ledger.txt", clipping)
        #expect(d.title == "Allies Agree to Extend Cost-Sharing Talks Into Next Year")
        #expect(d.author == "Mina Park")
        #expect(d.date == DocumentDate(PartialDate(year: 2020, month: 11, day: 12), origin: .dateline))
        #expect(d.format == .text)
        #expect(d.paragraph(containing: "HARBOUR GAZETTE")?.boilerplate == .masthead)
        #expect(d.paragraph(containing: "Published daily")?.boilerplate == .masthead)
        #expect(d.paragraph(containing: "Home | World")?.boilerplate != nil)
        #expect(d.paragraph(containing: "Allies Agree")?.kind == .heading)
        #expect(d.paragraph(containing: "Negotiators")?.boilerplate == nil)
        let content = d.sentences.filter { !$0.isBoilerplate }.map { String(d.text($0.span)) }
        #expect(content == [
            "Allies Agree to Extend Cost-Sharing Talks Into Next Year", "Negotiators from both capitals met on Thursday.",
            "They agreed to keep talking.", "The next round is set for January.",
        ])
    }

    /// A line of section names between two or more separators is masthead, not
    /// the headline, whichever separator it uses (names this long are not a
    /// menu to the boilerplate rules, which see a menu in short items only).
    @Test(arguments: [" » ", " · ", " | ", " > "])
    func separatedSectionLinesAreMasthead(separator: String) throws {
        let line = ["Politics and Power Today", "Asia Pacific Region Desk", "Diplomacy Today and Tomorrow"].joined(separator: separator)
        let d = try loadOne("s.txt", line + "\n\nAllies Extend Talks\n\nNegotiators met on Thursday. They agreed to keep talking.\n")
        #expect(d.title == "Allies Extend Talks")
        let once = "Politics and Power Today" + separator + "Diplomacy Today and Tomorrow Again"
        let e = try loadOne("t.txt", once + "\n\nAllies Extend Talks\n\nNegotiators met on Thursday. They agreed to keep talking.\n")
        #expect(e.title == once)
    }

    @Test func keyValueHeaderLines() throws {
        let d = try loadOne(
            "x.txt",
            "Title: Ministers Meet in Geneva\nSource: Wire Service\nDate: 2019-03-04\n\nThe ministers met. They talked.")
        #expect(d.title == "Ministers Meet in Geneva")
        #expect(d.source == "Wire Service")
        #expect(d.date?.date == PartialDate(year: 2019, month: 3, day: 4))
    }

    @Test func hardWrappedParagraphsAreJoined() throws {
        let text = """
            A Headline For Wrapped Prose

            This paragraph was wrapped by an editor at a fixed width so that
            every line is about as long as the next one and the sentence runs
            across the line breaks without stopping.

            Second paragraph here.
            """
        let d = try loadOne("w.txt", text)
        #expect(d.paragraphTexts.count == 3)
        #expect(d.paragraphTexts[1].hasPrefix("This paragraph was wrapped by an editor at a fixed width so that every line"))
        #expect(d.sentences.count == 3)
    }

    @Test func listItemsAndQuotes() throws {
        let text = """
            Points Agreed At The Summit

            The leaders agreed on three points:
            - a hotline between the capitals
            - yearly meetings
            1. first numbered point
            2) second numbered point
            > A quoted line from the statement
            > that continues here.
            """
        let d = try loadOne("l.txt", text)
        let kinds = d.paragraphs.map(\.kind)
        #expect(kinds == [.heading, .body, .listItem, .listItem, .listItem, .listItem, .quote])
        #expect(d.paragraphTexts[2] == "a hotline between the capitals")
        #expect(d.paragraphTexts[6] == "A quoted line from the statement that continues here.")
    }

    @Test func yearOpeningASentenceIsNotAListItem() throws {
        let d = try loadOne("y.txt", "Some Heading Here Today\n\n1954. The treaty was signed that year.")
        #expect(d.paragraphs.last?.kind == .body)
    }

    @Test func fallbackTitleWhenNoHeadline() throws {
        let d = try loadOne("notes.txt", "the first line is a long lower-case sentence that ends with a stop.\n")
        #expect(d.title.hasPrefix("the first line"))
        let e = try loadOne("blank-title.txt", "\n\n   \n...\n")
        // A line of dots is no headline: the file name stands in.
        #expect(e.title == "blank title")
    }

    @Test func textIsNormalisedButQuotesAndDashesStay() throws {
        let d = try loadOne("n.txt", "US–ROK Talks — “Progress” Made\r\n\r\nThe allies\u{00A0}met.\r\n")
        #expect(d.title == "US–ROK Talks — “Progress” Made")
        #expect(d.text == "US–ROK Talks — “Progress” Made\n\nThe allies met.")
    }

    @Test func spansAndIdsAreConsistent() throws {
        let d = try loadOne("s.txt", clipping)
        for (i, s) in d.sentences.enumerated() {
            #expect(s.id == SentenceID(document: d.id, index: i))
            let p = d.paragraphs[Int(s.paragraph)]
            #expect(p.span.contains(s.span))
            #expect(p.sentences.contains(i))
            #expect(s.isBoilerplate == p.isBoilerplate)
            #expect(s.wordCount > 0)
        }
        #expect(d.wordCount == d.sentences.reduce(0) { $0 + Int($1.wordCount) })
    }

    @Test func wordCounts() throws {
        let d = try loadOne("c.txt", "Some Heading Here\n\nThe U.S.-led talks — “frank” — ended, 13.9% up.")
        #expect(d.sentences.last?.wordCount == 7)
    }
}
