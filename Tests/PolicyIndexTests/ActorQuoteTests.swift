import Testing

@testable import PolicyIndex

@Suite struct ActorQuoteTests {
    typealias F = ActorFixtures

    private func quotes(_ sentences: String...) -> [(speaker: String?, name: String?, rule: String, text: String)] {
        let d = F.document([sentences])
        let a = F.analyze([d])
        return a.quotes.map { q in (q.speaker.map { a.actor($0).id }, q.speakerName, q.attribution, String(d.text(q.span))) }
    }

    @Test func quoteThenSaidWithName() {
        let q = quotes("\u{201C}We will keep talking with everyone,\u{201D} said Moon Jae-in.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "moon-jae-in")
        #expect(q.first?.rule == "quote-then-said")
        #expect(q.first?.text == "We will keep talking with everyone,")
    }

    @Test func pronounAfterQuoteResolvesToTheOnePersonNamedBefore() {
        let q = quotes(
            "Joe Biden arrived in Seoul on Friday.",
            "\u{201C}The alliance has never been stronger,\u{201D} he said.")
        #expect(q.map(\.speaker) == ["joe-biden"])
        #expect(q.first?.rule == "pronoun")
        #expect(q.first?.name == nil)
    }

    @Test func pronounWithTwoCandidatesStaysUnclear() {
        let q = quotes(
            "Joe Biden and Moon Jae-in met in Seoul.",
            "\u{201C}We have a lot to discuss today,\u{201D} he said.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == nil)
        #expect(q.first?.name == "he")
        #expect(q.first?.rule == "pronoun-unclear")
    }

    @Test func statedThatBeforeTheQuote() {
        let q = quotes("Xi Jinping stated that \u{201C}no one can stop the tide of history.\u{201D}")
        #expect(q.map(\.speaker) == ["xi-jinping"])
        #expect(q.first?.rule == "stated-that")
    }

    @Test func straightQuotesAndColon() {
        let q = quotes("Kim Jong-un said: \"our answer will be firm and quick.\"")
        #expect(q.map(\.speaker) == ["kim-jong-un"])
        #expect(q.first?.rule == "said-then-quote")
    }

    @Test func indirectSpeechWithThat() {
        let q = quotes("Moon Jae-in said on Tuesday that the two Koreas would reopen the liaison office.")
        #expect(q.map(\.speaker) == ["moon-jae-in"])
        #expect(q.first?.rule == "said-that")
        #expect(q.first?.text == "the two Koreas would reopen the liaison office")
    }

    @Test func speakerWithoutActorKeepsTheirWords() {
        let q = quotes("\u{201C}The channel stays open for now,\u{201D} the ministry said.")
        #expect(q.first?.speaker == nil)
        #expect(q.first?.name == "the ministry")
    }

    @Test func titlesAndScareQuotesAreNotQuotes() {
        let q = quotes(
            "The paper was called \u{201C}A Long Road to Peace in Asia\u{201D} by its authors.",
            "Seoul spoke of \u{201C}strategic patience\u{201D} again.")
        #expect(q.isEmpty)
    }

    @Test func nextSentenceSubjectIsNotTheSpeaker() {
        let q = quotes("Moon Jae-in said: \u{201C}We are ready to talk to anyone.\u{201D} Xi Jinping said nothing.")
        #expect(q.map(\.speaker) == ["moon-jae-in"])
    }

    @Test func quotesCarryTheirSentence() {
        let d = F.document("Seoul waited.", "\u{201C}We will answer soon enough,\u{201D} said Xi Jinping.")
        let a = F.analyze([d])
        #expect(a.quotes.map(\.sentence) == [SentenceID(document: d.id, index: 1)])
    }
}
