import Testing

@testable import TextUI

/// `WrappedText.lineSources` must break exactly where `WrappedText` does: the reader
/// scrolls by its lines and draws from the source, so any difference shows as a
/// line cut in the wrong place.
@Suite struct LineSourcesTests {
    func expectSameBreaks(_ text: String, width: Int, offset: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        let full = WrappedText(text, width: width, sourceOffset: offset).lines.map(\.source)
        let fast = WrappedText.lineSources(text, width: width, sourceOffset: offset)
        #expect(fast == full, "width \(width): \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func asciiTextBreaksAsWrappedTextDoes() {
        for w in 1...12 {
            expectSameBreaks("the quick brown fox jumps over the lazy dog", width: w)
            expectSameBreaks("abcdefghijkl xy  ab    abcdefghijkl   ", width: w, offset: 17)
            expectSameBreaks("a\n\n  b c\nd\n", width: w)
            expectSameBreaks("tabs\tbetween\t\twords \t and   trailing   ", width: w)
            expectSameBreaks("", width: w)
            expectSameBreaks("   ", width: w)
            expectSameBreaks("x\n    abcdefgh\n  \tSeoul", width: w)
        }
    }

    /// Indentation that a long word pushes off its line leaves an empty line there.
    @Test func aLineOfOnlyDroppedSpacesIsEmpty() {
        #expect(WrappedText.lineSources("x\n    abcdefgh", width: 5) == [0..<1, 2..<2, 6..<11, 11..<14])
        #expect(WrappedText.lineSources("ab  cd", width: 3, sourceOffset: 10) == [10..<13, 14..<16])
    }

    @Test func otherTextTakesTheCharacterPathWithTheSameBreaks() {
        for w in 1...9 {
            expectSameBreaks("한국어 문장입니다 and 中文和日本語のテキスト", width: w)
            expectSameBreaks("cafe\u{301} cafe\u{301} 😀😀 x\r\ny", width: w, offset: 5)
            expectSameBreaks("a\u{1B}[2Jb c\u{202E}d e\u{200B}f\u{A0}g", width: w)
        }
    }

    /// Random words from a small alphabet of ASCII, wide, combining and space
    /// characters, from a fixed seed, at every width from 1 to 30.
    @Test func randomTextBreaksAsWrappedTextDoes() {
        var seed: UInt64 = 0x5eed_0001
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let asciiOnly: [String] = ["a", "b", "xyz", " ", "  ", "\t", "\n", "Seoul", "-", "."]
        let mixed = asciiOnly + ["한", "語", "e\u{301}", "😀", "\u{A0}", "\r\n", "\u{1B}"]
        for round in 0..<400 {
            let alphabet = round % 2 == 0 ? asciiOnly : mixed
            let text = (0..<next(60)).map { _ in alphabet[next(alphabet.count)] }.joined()
            expectSameBreaks(text, width: 1 + next(30), offset: next(100))
        }
    }
}
