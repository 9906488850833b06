import Testing

@testable import PolicyIndex

/// Titles and metadata values become one clean line: whitespace runs and
/// control characters fold to one space, the ends are trimmed, and a value
/// longer than the limit is cut at a word with an ellipsis.
@Suite struct TitleTextTests {
    @Test func whitespaceAndControlsFoldToOneSpace() {
        #expect(TitleText.clean("  Talks\t\tresume \n in\u{0} Geneva \u{7F}") == "Talks resume in Geneva")
        #expect(TitleText.clean("Seoul\u{A0}\u{2003}and\u{85}Tokyo\u{2028}") == "Seoul and Tokyo")
        #expect(TitleText.clean("Zoë’s café — “reopened”") == "Zoë’s café — “reopened”")
    }

    @Test func blankValuesAreNil() {
        #expect(TitleText.clean("") == nil)
        #expect(TitleText.clean(" \t\n\u{A0}\u{1}") == nil)
    }

    @Test func longValuesAreCutAtAWord() {
        let words = (1...60).map { "word\($0)" }.joined(separator: "  ")
        let cut = TitleText.clean(words, limit: 50)
        #expect(cut == "word1 word2 word3 word4 word5 word6 word7 word8…")
        #expect(TitleText.clean(String(repeating: "x", count: 70), limit: 50) == String(repeating: "x", count: 50) + "…")
        // At the limit exactly, nothing is cut; characters count, not bytes.
        #expect(TitleText.clean(String(repeating: "é", count: 50), limit: 50) == String(repeating: "é", count: 50))
        #expect(TitleText.clean(String(repeating: "é", count: 51), limit: 50) == String(repeating: "é", count: 50) + "…")
        // Thousands of scalars stop early without changing the result.
        #expect(TitleText.clean(String(repeating: "ab ", count: 5000), limit: 10) == "ab ab ab…")
    }
}
