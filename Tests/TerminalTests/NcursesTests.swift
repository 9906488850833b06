import Testing

@testable import Terminal
@testable import TextUI

#if canImport(Glibc)
    import Glibc
#endif

/// Headless ncurses: one screen at a time, so every suite that opens one is nested here
/// and runs serialised.
@Suite(.serialized) enum HeadlessNcurses {}

extension HeadlessNcurses {
    @Suite struct NcursesTests {
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
                    #expect(
                        actual.unicodeScalars.first == expected.unicodeScalars.first,
                        "column \(x) of \(sample.debugDescription)")
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
                for v in UInt32(0x20)...0x10FFFF
                where !(0xD800...0xDFFF).contains(v) && !(0x7F..<0xA0).contains(v) {
                    let c = polexWcwidth(v)
                    let mine = CharacterWidth.kind(v)
                    let expected: CharacterWidth.Kind =
                        c < 0 ? .unprintable : (c == 0 ? .zero : (c == 2 ? .wide : .single))
                    if mine != expected, mismatches.count < 10 { mismatches.append(String(v, radix: 16)) }
                }
                #expect(mismatches.isEmpty, "scalars whose width differs: \(mismatches)")
            }
        }
    }

    @Suite struct TerminalScreenTests {
        @Test func oneChangedLineOfALargeScreenTouchesOneLine() throws {
            let size = Size(width: 200, height: 60)
            var first = Canvas(size: size)
            for y in 0..<60 {
                first.put(
                    String(repeating: "línea \(y) 한국 ", count: 12), x: 0, y: y,
                    style: Style(fg: .indexed(UInt8(y))))
            }
            var second = first
            second.put("changed", x: 50, y: 30, style: .bold)
            try HeadlessScreen.with(size: size) { screen in
                screen.draw(first)
                #expect(screen.lastDrawRows == 60)
                // The cost is measured in the benchmarks (`polex bench --frames`); here we check
                // the work done: one row, one run.
                screen.draw(second)
                #expect(screen.lastDrawRows == 1)
                #expect(screen.lastDrawRuns == 1)
                #expect(screen.screenRow(30).contains("changed"))
                screen.draw(second)
                #expect(screen.lastDrawRows == 0)
            }
        }

        @Test func aResizedCanvasRepaintsEverything() throws {
            try HeadlessScreen.with(size: Size(width: 30, height: 5)) { screen in
                var a = Canvas(size: Size(width: 30, height: 5))
                a.put("before", x: 0, y: 4)
                screen.draw(a)
                screen.resize(to: Size(width: 20, height: 3))
                #expect(screen.size == Size(width: 20, height: 3))
                var b = Canvas(size: Size(width: 20, height: 3))
                b.put("after", x: 0, y: 0)
                screen.draw(b)
                #expect(screen.lastDrawRows == 3)
                #expect(screen.screenRow(0).hasPrefix("after"))
            }
        }

        @Test func aCanvasLargerThanTheScreenIsClipped() throws {
            try HeadlessScreen.with(size: Size(width: 10, height: 2)) { screen in
                var c = Canvas(size: Size(width: 30, height: 5))
                c.put("123456789한국", x: 0, y: 0)
                screen.draw(c)
                // The wide character that would straddle the right edge becomes a space.
                #expect(screen.screenRow(0) == "123456789 ")
            }
        }

        @Test func colourDepthFollowsTheTerminalAndNoColor() throws {
            // The test runner may itself run with NO_COLOR set: start without it, put it back after.
            let outer = getenv("NO_COLOR").map { String(cString: $0) }
            defer {
                if let outer { setenv("NO_COLOR", outer, 1) } else { unsetenv("NO_COLOR") }
            }
            unsetenv("NO_COLOR")
            let full = try HeadlessScreen.with(term: "xterm-256color") { $0.colorDepth }
            #expect(full == .indexed256)
            let basic = try HeadlessScreen.with(term: "xterm") { $0.colorDepth }
            #expect(basic == .basic)
            #expect(try HeadlessScreen.with(term: "vt100") { $0.colorDepth } == .mono)
            setenv("NO_COLOR", "1", 1)
            #expect(try HeadlessScreen.with(term: "xterm-256color") { $0.colorDepth } == .mono)
        }

        @Test func unusableTerminalsAreRefusedWithAReason() {
            for term in ["dumb", "no-such-terminal-type"] {
                var options = TerminalScreen.Options()
                options.termType = term
                options.handleSignals = false
                options.redirectStderr = false
                #expect(throws: TerminalError.self) {
                    _ = try TerminalScreen(
                        options: options, output: fopen("/dev/null", "w"), input: fopen("/dev/null", "r"))
                }
            }
        }

        @Test func stderrGoesToALogFileUntilRestored() throws {
            let log = try #require(StderrLog())
            defer { unlink(log.path) }
            #expect(log.path.hasSuffix("polex-\(getpid())-stderr.log"))
            var bytes = Array("fatal: something the screen would have hidden\n".utf8)
            _ = write(2, &bytes, bytes.count)
            let logged = log.restore()
            #expect(logged == "fatal: something the screen would have hidden\n")
            #expect(access(log.path, F_OK) == 0, "a non-empty log is kept for the user")
            let empty = try #require(StderrLog())
            #expect(empty.restore().isEmpty)
            #expect(access(empty.path, F_OK) != 0, "an empty log is removed")
        }

        @Test func stylesMapToPairsAndDegrade() {
            #expect(ColorPairs.number(.indexed(196), depth: .indexed256) == 196)
            #expect(ColorPairs.number(.indexed(196), depth: .basic) == 1)  // bright red → red
            #expect(ColorPairs.number(.indexed(46), depth: .basic) == 2)  // green
            #expect(ColorPairs.number(.indexed(21), depth: .basic) == 4)  // blue
            #expect(ColorPairs.number(.indexed(231), depth: .basic) == 7)  // white
            #expect(ColorPairs.number(.indexed(236), depth: .basic) == 0)  // dark grey → black
            #expect(ColorPairs.number(.brightCyan, depth: .indexed256) == 14)
            #expect(ColorPairs.number(.brightCyan, depth: .basic) == 6)
            #expect(ColorPairs.number(.default, depth: .basic) == -1)
        }

        @Test func asciiFallbackKeepsShapes() {
            #expect(ASCIIFallback.character(for: "─") == 45)
            #expect(ASCIIFallback.character(for: "┃") == 124)
            #expect(ASCIIFallback.character(for: "┏") == 43)
            #expect(ASCIIFallback.character(for: "█") == 35)
            #expect(ASCIIFallback.character(for: "“") == 34)
            #expect(ASCIIFallback.character(for: "한") == 63)
            #expect(ASCIIFallback.character(for: "a") == 97)
        }
    }
}
