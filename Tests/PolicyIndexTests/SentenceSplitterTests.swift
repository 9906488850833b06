import Testing

@testable import PolicyIndex

@Suite struct SentenceSplitterTests {
    func split(_ s: String) -> [String] { SentenceSplitter.split(s).map(String.init) }

    @Test func simpleSentences() {
        #expect(split("One is here. Two follows! Is three a question? Yes.") == [
            "One is here.", "Two follows!", "Is three a question?", "Yes.",
        ])
    }

    @Test(arguments: [
        "The U.S. and Japan met on Nov. 12 in Tokyo.",
        "Mr. Kim, Dr. Lee and Gen. Park spoke with Sen. Warren.",
        "J. F. Kennedy visited West Berlin.",
        "Growth was 13.9% in the year to March.",
        "See example.com or v1.2.3 for details.",
        "It rose to No. 5 in the rankings.",
        "Trade between Japan vs. Korea fell.",
        "They met at 9 a.m. on Tuesday.",
        "Under Art. 9 of the constitution, it cannot.",
        "Apple Inc. CEO Tim Cook spoke.",
    ])
    func abbreviationsDoNotEndSentences(_ sentence: String) {
        #expect(split(sentence) == [sentence])
    }

    @Test func initialismBeforeASentenceOpenerEnds() {
        #expect(split("Troops stay in the U.S. The talks continue.") == ["Troops stay in the U.S.", "The talks continue."])
        #expect(split("It ended at 5 p.m. He left.") == ["It ended at 5 p.m.", "He left."])
    }

    @Test func monthWithoutDayEndsAtASentence() {
        #expect(split("They met in Nov. The talks failed.") == ["They met in Nov.", "The talks failed."])
    }

    @Test func quotesCloseSentences() {
        #expect(split("He said, \"We agree.\" Then he left.") == ["He said, \"We agree.\"", "Then he left."])
        #expect(split("“It is over.” Talks ended.") == ["“It is over.”", "Talks ended."])
        #expect(split("\"Why now?\" she asked. No one knew.") == ["\"Why now?\" she asked.", "No one knew."])
    }

    @Test func ellipses() {
        #expect(split("He paused... Then he spoke.") == ["He paused...", "Then he spoke."])
        #expect(split("He paused… Then he spoke.") == ["He paused…", "Then he spoke."])
        #expect(split("It was ... well, odd.") == ["It was ... well, odd."])
    }

    @Test func lowerCaseAfterAStopDoesNotSplit() {
        #expect(split("Prices (approx. ten) rose. e.g. this one stays.") == ["Prices (approx. ten) rose. e.g. this one stays."])
    }

    @Test func missingSpaceAfterAStop() {
        #expect(split("The talks ended.Negotiators left.") == ["The talks ended.", "Negotiators left."])
    }

    @Test func nonLatinCapitalsAndScripts() {
        #expect(split("Talks ended. Économie next. 서울에서 회담. Tokyo next.") == [
            "Talks ended.", "Économie next.", "서울에서 회담.", "Tokyo next.",
        ])
    }

    @Test func noTerminatorIsOneSentence() {
        #expect(split("A headline without a stop") == ["A headline without a stop"])
        #expect(split("   ") == [])
    }

    @Test func runOnTextIsCut() {
        let text = String(repeating: "word ", count: 2000)
        let parts = split(text)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= SentenceSplitter.maxSentenceBytes })
        #expect(parts.joined(separator: " ").split(separator: " ").count == 2000)
    }

    /// The scan over a run of terminators (or closers, or spaces) once carried the
    /// sentence past the limit before the length check saw it (a fuzz finding).
    @Test(arguments: [
        String(repeating: "a", count: 1500) + " " + String(repeating: "!", count: 700) + " and more words",
        String(repeating: "b", count: 2000) + String(repeating: ".", count: 300) + String(repeating: ")", count: 300) + " then",
        String(repeating: "c ", count: 1000) + String(repeating: "?", count: 3000),
    ])
    func terminatorRunsNeverPassTheLimit(_ text: String) {
        let parts = split(text)
        #expect(parts.allSatisfy { $0.utf8.count <= SentenceSplitter.maxSentenceBytes }, "\(parts.map(\.utf8.count))")
        #expect(parts.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test func oneHugeWordIsCutOnCharacterBoundaries() {
        let text = String(repeating: "한", count: 5000)
        let parts = split(text)
        #expect(parts.count > 1)
        #expect(parts.joined() == text)
    }

    @Test func spansCoverTheTextInOrder() {
        let text = "First one. Second one! Third?"
        var copy = text
        var ranges: [Range<Int>] = []
        copy.withUTF8 { SentenceSplitter.split($0, 0..<$0.count, into: &ranges) }
        #expect(ranges == [0..<10, 11..<22, 23..<29])
    }
}
