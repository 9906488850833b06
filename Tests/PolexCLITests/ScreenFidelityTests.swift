import Foundation
import Testing

/// What a real terminal shows is exactly what the explorer drew on its Canvas. The
/// headless replay (`--script … --dump-screen WxH`) prints the Canvas of a state; the
/// same state reached in tmux must give the same screen, row for row. A width the
/// Canvas and the terminal disagree on (a wide, zero-width, combining or emoji
/// character, a placeholder for a control) would shift every cell after it.
@Suite(.serialized) struct ScreenFidelityTests {
    /// Hostile text of every kind the hardening list names, in one article: escape and
    /// control sequences (clear screen, title, OSC 52 clipboard write, C0 and C1
    /// controls), bidi overrides, zero-width characters, a combining stack, emoji
    /// sequences, flags, wide CJK and fullwidth text, a 3,000-character word and a
    /// 20,000-character paragraph.
    static let article: String = {
        let e = "\u{1B}"
        let zalgo = "Z" + String(repeating: "\u{301}\u{302}\u{303}\u{304}\u{306}\u{307}\u{308}\u{30A}", count: 3)
        return "Wide And Hostile Text\n\n"
            + "한국어 문장 and 中文字符 with ｆｕｌｌｗｉｄｔｈ forms. "
            + "Zero\u{200B}width\u{2060}joiner\u{FEFF}marks and \u{200E}LRM here. "
            + "A stack \(zalgo) of marks. "
            + "Family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} and flag \u{1F1EF}\u{1F1F5} and thumbs \u{1F44D}\u{1F3FD} done. "
            + "Clear \(e)[2J\(e)[H, title \(e)]0;PWNED\u{07}, clipboard \(e)]52;c;c2VjcmV0\u{07}, "
            + "C1 \u{9B}31m and \u{9D}2;x\u{9C}, bell \u{07}, \u{202E}desrever\u{202C} text. "
            + "Long " + String(repeating: "x", count: 3000) + " end.\n\n"
            + Array(repeating: "word", count: 4000).joined(separator: " ") + "\n"
    }()

    static func corpus() throws -> CorpusCommandTests.Corpus {
        try CorpusCommandTests.Corpus(files: ["hostile.txt": article])
    }

    /// The Canvas after `commands`, as the headless replay prints it, one row a line
    /// with trailing spaces dropped (tmux drops them too).
    static func canvas(_ c: CorpusCommandTests.Corpus, width: Int, height: Int, commands: [String]) throws -> [String] {
        let script = c.root.deletingLastPathComponent().appendingPathComponent("polex-script-\(UUID().uuidString)")
        try commands.map { $0 + "\n" }.joined().write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let r = try Polex.run(
            ["--no-session", "--snapshot", "never", "--script", script.path, "--dump-screen", "\(width)x\(height)", c.path],
            environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        return rows(r.stdout, height)
    }

    static func rows(_ text: String, _ height: Int) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(height).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        return lines + Array(repeating: "", count: max(0, height - lines.count))
    }

    func start(_ c: CorpusCommandTests.Corpus, width: Int, height: Int) throws -> TmuxSession {
        let tmux = try TmuxSession(polex: ["--no-session", "--snapshot", "never", c.path], width: width, height: height)
        // The article list comes first (`indexing…` in the status bar); the replay draws the finished model.
        try tmux.waitUntil(timeout: .seconds(30), "the corpus to load") {
            !$0.contains("loading") && !$0.contains("indexing…") && $0.contains("1 article")
        }
        return tmux
    }

    /// Waits until tmux shows `expected`; on a time-out, says which rows differ.
    /// One column wide, the last row is the bottom-right cell alone, which ncurses
    /// cannot write without scrolling (its insert-character trick needs a cell to the
    /// left); that row is left out.
    func expectScreen(
        _ tmux: TmuxSession, _ canvas: [String], width: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = width == 1 ? Array(canvas.dropLast()) : canvas
        var last: [String] = []
        do {
            try tmux.waitUntil(what) { screen in
                last = Array(Self.rows(screen, canvas.count).prefix(expected.count))
                return last == expected
            }
        } catch {
            let diff = zip(expected, last).enumerated().filter { $0.element.0 != $0.element.1 }
                .map { "row \($0.offset):\n  canvas: \($0.element.0)\n  tmux:   \($0.element.1)" }
            Issue.record("\(what): tmux differs from the Canvas\n\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [(80, 24), (40, 12), (120, 40)])
    func hostileTextShowsExactlyAsDrawn(_ size: (Int, Int)) throws {
        let c = try Self.corpus()
        let expected = try Self.canvas(c, width: size.0, height: size.1, commands: ["follow-link"])
        #expect(expected.contains { $0.contains("␛]0;PWNED") } || size.0 < 80, "placeholders are on the Canvas")
        let tmux = try start(c, width: size.0, height: size.1)
        try tmux.sendKeys("Enter")
        expectScreen(tmux, expected, width: size.0, "the reader at \(size.0)×\(size.1)")
        // Reading on through the long word and the long paragraph.
        let paged = try Self.canvas(c, width: size.0, height: size.1, commands: ["follow-link", "page-down", "page-down"])
        try tmux.sendKeys("PageDown", "PageDown")
        expectScreen(tmux, paged, width: size.0, "two pages further at \(size.0)×\(size.1)")
        #expect(try tmux.format("pane_title") != "PWNED")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit(timeout: .seconds(30)) == 0)
    }

    /// Tiny terminals, 1×1 up to the 40×12 the layout needs: each size shows exactly
    /// the Canvas drawn for it (a notice, or as much of it as fits), reached by
    /// resizing a running explorer.
    @Test func tinyTerminalsShowExactlyTheCanvas() throws {
        let c = try Self.corpus()
        let tmux = try start(c, width: 120, height: 40)
        // A key clears the "loaded" message, which the replay never shows.
        try tmux.sendKeys("Escape")
        for (w, h) in [(1, 1), (2, 1), (1, 3), (10, 3), (20, 6), (39, 12), (40, 11), (40, 12), (41, 13)] {
            let expected = try Self.canvas(c, width: w, height: h, commands: [])
            try tmux.resize(width: w, height: h)
            expectScreen(tmux, expected, width: w, "\(w)×\(h)")
            #expect(try tmux.programAlive())
        }
        try tmux.resize(width: 120, height: 40)
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit(timeout: .seconds(30)) == 0)
    }
}
