import Testing
@testable import TextUI

@testable import Terminal

/// Headless ncurses: one screen at a time, so the suite is serialised.
@Suite(.serialized) struct NcursesTests {
    @Test func linksAgainstNcursesw() {
        #expect(TerminalInfo.ncursesVersion.hasPrefix("ncurses 6"))
    }

    static let samples = [
        "“curly” ‘quotes’ — dash – en",
        "한국어 문장입니다 ok",
        "中文和日本語のテキスト",
        "emoji 😀 here 🎉 done",
        "e\u{301}te\u{301} combining",
        "한 jamo",
        "flag 🇯🇵 and ❤️ heart",
        "family 👨‍👩‍👧 thumb 👍🏽 end",
        "zalgo a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} end",
        "ctrl \u{1B}[2J \u{202E}rtl\u{202C} bell\u{07}",
        "fullwidth ＡＢＣ！ and ideographic　space",
    ]

    @Test(arguments: samples) func canvasColumnsEqualNcursesColumns(_ sample: String) throws {
        var canvas = Canvas(size: Size(width: 60, height: 3))
        canvas.put(sample, x: 2, y: 1)
        canvas.put("|", x: CharacterWidth.columns(sample) + 2, y: 1)
        try HeadlessScreen.with(size: Size(width: 60, height: 3)) { screen in
            screen.draw(canvas)
            // Every cell that starts a character in the Canvas holds the same base character in ncurses.
            for x in 0..<canvas.width where !canvas[x, 1].isContinuation {
                let expected = canvas[x, 1].text
                let actual = screen.screenCell(x: x, y: 1)
                #expect(actual.unicodeScalars.first == expected.unicodeScalars.first, "column \(x) of \(sample.debugDescription)")
            }
            // And the marker after the text is where the Canvas says.
            #expect(screen.screenCell(x: CharacterWidth.columns(sample) + 2, y: 1) == "|")
        }
    }

    @Test func rowsReadBackAsTheCanvasText() throws {
        var canvas = Canvas(size: Size(width: 40, height: 4))
        canvas.put("“Quoted” — 한국 😀 e\u{301}", x: 0, y: 0)
        canvas.put("plain ascii line", x: 3, y: 2, style: Style(fg: .red, .bold))
        try HeadlessScreen.with(size: Size(width: 40, height: 4)) { screen in
            screen.draw(canvas)
            for y in 0..<4 {
                var row = screen.screenRow(y)
                while row.last == " " { row.removeLast() }
                #expect(row == canvas.line(y))
            }
        }
    }

    @Test func redrawingWritesOnlyWhatChanged() throws {
        var first = Canvas(size: Size(width: 30, height: 3))
        first.put("one", x: 0, y: 0)
        first.put("two", x: 0, y: 1)
        var second = first
        second.put("TWO", x: 0, y: 1)
        try HeadlessScreen.with(size: Size(width: 30, height: 3)) { screen in
            screen.draw(first)
            screen.draw(second)
            #expect(screen.screenRow(1).hasPrefix("TWO"))
            #expect(screen.screenRow(0).hasPrefix("one"))
        }
    }

    @Test func wcwidthTableMatchesTheCLibraryForEveryScalar() throws {
        // The table was generated from wcwidth; this proves it still matches the C library
        // (and so ncurses) on this machine. Surrogates are not scalars.
        try HeadlessScreen.with { _ in
            var mismatches: [String] = []
            for v in UInt32(0x20)...0x10FFFF where !(0xD800...0xDFFF).contains(v) && !(0x7F..<0xA0).contains(v) {
                let c = polexWcwidth(v)
                let mine = CharacterWidth.kind(v)
                let expected: CharacterWidth.Kind = c < 0 ? .unprintable : (c == 0 ? .zero : (c == 2 ? .wide : .single))
                if mine != expected, mismatches.count < 10 { mismatches.append(String(v, radix: 16)) }
            }
            #expect(mismatches.isEmpty, "scalars whose width differs: \(mismatches)")
        }
    }
}
