import Testing

@testable import PolicyIndex

/// The byte path of `ParagraphFeatures.lowerAndWords` must agree with
/// `lowercased()` and the Character split it stands in for.
@Suite struct ParagraphFoldingTests {
    static let samples = [
        "Share on Twitter | Email | Print",
        "tab\u{09}and\u{10}control\u{19}bytes [brackets] @at `tick` {braces}",
        "“We will not yield,” the Minister said — twice… in 2019.",
        "Posted on March 3, 2020 · by THE EDITORS\u{00A0}© 2021 Example Press",
        "Leave a Reply\r\nCancel reply",
        "Tags: NATO, U.S.-led drills, § 12 « notes »",
        "Zoë’s café reopened in Malmö",
        "a\u{200D}b joined by a zero-width joiner",
        "",
    ]

    @Test(arguments: samples)
    func bytePathMatchesUnicodePath(_ sample: String) {
        let bytes = Array(sample.utf8)
        let (lower, words) = bytes.withUnsafeBufferPointer { ParagraphFeatures.lowerAndWords($0) }
        let expected = sample.lowercased()
        #expect(lower == expected)
        #expect(words.map(String.init) == expected.split { !($0.isLetter || $0.isNumber) }.map(String.init))
    }

    @Test func proseWithCurlyQuotesTakesTheBytePath() {
        let bytes = Array("“Yes,” she said — “now.”".utf8)
        #expect(bytes.withUnsafeBufferPointer { ParagraphFeatures.isFoldableOnBytes($0) })
        let accented = Array("Zoë".utf8)
        #expect(!accented.withUnsafeBufferPointer { ParagraphFeatures.isFoldableOnBytes($0) })
    }
}
