import Testing

@testable import TextUI

@Suite struct CharacterWidthTests {
    func cells(_ c: Character) -> [String] {
        var out: [String] = []
        CharacterWidth.forEachCell(of: c) { text, _ in out.append(text) }
        return out
    }

    @Test func commonWidths() {
        #expect(CharacterWidth.columns("abc") == 3)
        #expect(CharacterWidth.columns("“quoted” — and – ‘so’ …") == 23)
        #expect(CharacterWidth.columns("한국어") == 6)
        #expect(CharacterWidth.columns("中文") == 4)
        #expect(CharacterWidth.columns("ＡＢ") == 4)
        #expect(CharacterWidth.columns("😀") == 2)
        #expect(CharacterWidth.columns("e\u{301}") == 1)
        #expect(CharacterWidth.columns("\u{200B}") == 0)
    }

    @Test func hangulJamoComposeIntoOneWideCell() {
        let syllable: Character = "\u{1112}\u{1161}\u{11AB}"  // ㅎ ㅏ ㄴ, decomposed 한
        #expect(CharacterWidth.columns(syllable) == 2)
        #expect(cells(syllable) == ["\u{1112}\u{1161}\u{11AB}"])
    }

    @Test func emojiSequencesAreReducedToWhatEveryTerminalAgreesOn() {
        #expect(cells("👨‍👩‍👧") == ["👨"])  // ZWJ family: first member
        #expect(cells("👍🏽") == ["👍"])  // skin tone modifier dropped
        #expect(cells("❤️") == ["❤"])  // VS16 dropped: width stays 1
        #expect(CharacterWidth.columns("❤️") == 1)
        #expect(cells("🇯🇵") == ["🇯", "🇵"])  // regional indicators: one column each
        #expect(CharacterWidth.columns("🇯🇵") == 2)
        #expect(cells("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}") == ["🏴"])  // tags dropped
        #expect(cells("1\u{FE0F}\u{20E3}") == ["1\u{20E3}"])  // keycap: base plus enclosing mark
    }

    @Test func combiningStacksAreCapped() {
        let zalgo: Character = "a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}"
        let c = cells(zalgo)
        #expect(c.count == 1)
        #expect(c[0].unicodeScalars.count == 1 + CharacterWidth.maxMarks)
        #expect(CharacterWidth.columns(zalgo) == 1)
    }

    @Test func aMarkWithoutABaseGetsADottedCircle() {
        #expect(cells("\u{301}") == ["\u{25CC}\u{301}"])
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.put("\u{301}x", x: 0, y: 0)
        #expect(canvas.line(0) == "\u{25CC}\u{301}x")
    }

    @Test func controlsAndBidiBecomeVisiblePlaceholders() {
        #expect(CharacterWidth.sanitize("\u{1B}") == "␛")
        #expect(CharacterWidth.sanitize("\u{07}") == "␇")
        #expect(CharacterWidth.sanitize("\u{7F}") == "␡")
        #expect(CharacterWidth.sanitize("\u{9B}") == "\u{FFFD}")  // C1 CSI
        #expect(CharacterWidth.sanitize("\u{202E}") == "⇆")
        #expect(CharacterWidth.sanitize("\u{2067}") == "⇆")
        #expect(CharacterWidth.sanitize("\r\n") == "␍␊")
        #expect(CharacterWidth.sanitize("a") == nil)
        #expect(CharacterWidth.sanitize("한") == nil)
    }

    @Test func unprintableScalarsBecomeAReplacementCharacter() {
        #expect(cells("\u{2028}") == ["\u{FFFD}"])  // line separator: wcwidth says -1
        #expect(cells("\u{378}") == ["\u{FFFD}"])  // unassigned in the C library's tables
    }

    @Test(arguments: [
        "\u{1B}]52;c;aGVsbG8=\u{07}",  // OSC 52 clipboard write
        "\u{1B}]0;new title\u{07}",  // set the window title
        "\u{1B}[2J\u{1B}[H",  // clear screen, cursor home
        "\u{9B}31m red \u{9D}0;t\u{9C}",  // C1 CSI, OSC, ST
        "abc\u{202E}cba\u{202C}\u{2066}x\u{2069}",
        "a\u{8}b\rc\nd\u{0}e",
    ])
    func noControlReachesACell(_ hostile: String) {
        var canvas = Canvas(size: Size(width: 60, height: 1))
        let end = canvas.put(hostile, x: 0, y: 0)
        #expect(end == CharacterWidth.columns(hostile))
        for cell in canvas.cells {
            for s in cell.text.unicodeScalars {
                #expect(!(s.value < 0x20 || (0x7F..<0xA0).contains(s.value)), "control \(s.value) in a cell")
                #expect(!(0x202A...0x202E).contains(s.value) && !(0x2066...0x2069).contains(s.value))
            }
        }
    }

    @Test func theOneScalarShortcutAgreesWithTheCellsForEveryScalar() {
        var mismatches: [UInt32] = []
        // The planes with assigned characters that matter for text, emoji and tags.
        let scalars = Array(UInt32(0)...0x2FFFF) + Array(UInt32(0xE0000)...0xE01FF)
        for v in scalars {
            guard let s = Unicode.Scalar(v) else { continue }
            let c = Character(s)
            var cellWidth = 0
            CharacterWidth.forEachCell(of: c) { _, w in cellWidth += w }
            if CharacterWidth.columns(c) != cellWidth, mismatches.count < 10 { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.map { String($0, radix: 16) })")
    }
}
