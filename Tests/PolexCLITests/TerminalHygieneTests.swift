import Foundation
import Testing

/// The real `polex` explorer in tmux: however it ends — quit, Ctrl-C, SIGTERM, SIGHUP,
/// a crash — the terminal must come back out of the alternate screen with mouse
/// reporting off; hostile text must stay text; odd terminals must not break it.
@Suite(.serialized) struct TerminalHygieneTests {
    /// What the explorer shows once the corpus is loaded (the loading frame has only "q quits").
    static let ready = "? help"

    func start(
        _ args: [String] = [], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
        serverOptions: [String: String] = [:]
    ) throws -> TmuxSession {
        let tmux = try TmuxSession(
            polex: ["--no-session"] + args, width: width, height: height, environment: environment,
            serverOptions: serverOptions)
        try tmux.waitFor(Self.ready, timeout: .seconds(30))
        return tmux
    }

    /// The terminal is back to normal: program gone with `status`, main screen, no mouse reports.
    func expectRestored(_ tmux: TmuxSession, status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try tmux.waitForExit(timeout: .seconds(30)) == status, sourceLocation: sourceLocation)
        #expect(try tmux.alternateScreenOn() == false, sourceLocation: sourceLocation)
        #expect(try tmux.mouseReportingOn() == false, sourceLocation: sourceLocation)
        #expect(!(try tmux.capture()).contains(Self.ready), "explorer leftovers on the shell screen", sourceLocation: sourceLocation)
    }

    @Test func startsInTheAlternateScreenAndQuitsCleanly() throws {
        let tmux = try start()
        #expect(try tmux.alternateScreenOn())
        #expect(try tmux.mouseReportingOn())
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test(arguments: [(SIGTERM, "TERM"), (SIGHUP, "HUP"), (SIGINT, "INT")])
    func aSignalRestoresTheTerminal(_ signal: (Int32, String)) throws {
        let tmux = try start()
        try tmux.signal(signal.0)
        try expectRestored(tmux, status: 128 + Int(signal.0))
    }

    @Test func ctrlCQuitsAtOnce() throws {
        let tmux = try start()
        try tmux.sendKeys("C-c")
        try expectRestored(tmux, status: 128 + Int(SIGINT))
    }

    @Test(arguments: [SIGSEGV, SIGABRT, SIGILL])
    func aCrashRestoresTheTerminal(_ signal: Int32) throws {
        let tmux = try start()
        try tmux.signal(signal)
        let status = try tmux.waitForExit(timeout: .seconds(60))
        #expect(status == 128 + Int(signal))
        #expect(try tmux.alternateScreenOn() == false)
        #expect(try tmux.mouseReportingOn() == false)
    }

    @Test func suspendGivesTheTerminalBackAndResumeRedraws() throws {
        let tmux = try start()
        try tmux.signal(SIGTSTP)
        try tmux.waitUntil("the suspended explorer to leave the alternate screen") { _ in
            (try? tmux.alternateScreenOn()) == false
        }
        #expect(try tmux.mouseReportingOn() == false)
        try tmux.signal(SIGCONT)
        try tmux.waitUntil("the resumed explorer to redraw") { screen in
            screen.contains(Self.ready) && (try? tmux.alternateScreenOn()) == true
        }
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func resizeStormsAndTinySizesKeepItAlive() throws {
        let tmux = try start()
        for (w, h) in [(80, 24), (40, 12), (20, 6), (1, 1), (2, 2), (39, 11), (200, 60), (121, 41), (10, 3), (120, 40)] {
            try tmux.resize(width: w, height: h)
        }
        try tmux.waitUntil("a redraw at 120x40") { screen in
            screen.contains(Self.ready) && screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 40
        }
        #expect(try tmux.programAlive())
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func hostileTextCannotActOnTheTerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-hostile-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = """
            Hostile \u{1B}]0;PWNED\u{07} title \u{1B}]52;c;c2VjcmV0\u{07} end

            Body \u{1B}[2J\u{1B}[H cleared? \u{1B}[31mred\u{1B}[0m \u{202E}desrever\u{202C} bell\u{07} csi\u{9B}1;1H \
            osc\u{9D}2;PWNED2\u{9C} and Seoul met Tokyo.
            """
        try text.write(to: dir.appendingPathComponent("hostile.txt"), atomically: true, encoding: .utf8)
        let titleBefore = "polex-test-title"
        let tmux = try start([dir.path], serverOptions: ["set-clipboard": "on", "allow-rename": "on"])
        try tmux.run(["select-pane", "-t", "0", "-T", titleBefore])
        try tmux.sendKeys("Enter")
        let screen = try tmux.waitFor("␛]0;PWNED␇")
        #expect(screen.contains("⇆"))
        #expect(screen.contains(Self.ready), "the status bar is still there: nothing cleared the screen")
        #expect(try tmux.format("pane_title") == titleBefore)
        #expect(try tmux.run(["list-buffers"]).isEmpty, "an OSC 52 clipboard write got through")
        #expect(!(try tmux.captureStyled()).contains("\u{1B}[31m"), "a colour sequence from the text got through")
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func aLocaleThatIsNotUTF8FallsBackToASCIIAndSaysSo() throws {
        let tmux = try start(environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = try tmux.waitFor("not UTF-8")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "only ASCII on a non-UTF-8 terminal")
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test(arguments: [["TERM": "vt100"], ["NO_COLOR": "1"]])
    func noColourTerminalsGetNoColourSequences(_ environment: [String: String]) throws {
        let tmux = try start(environment: environment)
        let colours = Self.colourParameters(in: try tmux.captureStyled())
        #expect(colours.isEmpty, "colours drawn: \(colours.prefix(5))")
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func a256ColourTerminalGetsColours() throws {
        let tmux = try start(environment: ["TERM": "xterm-256color"])
        let colours = Self.colourParameters(in: try tmux.captureStyled())
        #expect(!colours.isEmpty, "no colour drawn on xterm-256color")
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func aDumbTerminalIsRefusedWithAReason() throws {
        let tmux = try TmuxSession(polex: ["--no-session"], environment: ["TERM": "dumb"])
        #expect(try tmux.waitForExit(timeout: .seconds(30)) != 0)
        #expect(try tmux.capture().contains("TERM=dumb"))
    }

    @Test func mouseClicksAndTheWheelArrive() throws {
        let tmux = try start()
        func statusLine(_ screen: String) -> String {
            screen.split(separator: "\n").last(where: { $0.contains(Self.ready) }).map(String.init) ?? ""
        }
        let before = try tmux.capture()
        #expect(statusLine(before).contains("Articles"), "\(before)")
        try tmux.wheel(up: false, x: 10, y: 5)
        try tmux.click(x: 60, y: 5)  // inside the Actors pane
        try tmux.waitUntil("a click to focus the Actors pane") { statusLine($0).contains("Actors") }
        #expect(try tmux.programAlive())
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    /// SGR parameters that set a colour (30–38, 40–48, 90–97, 100–107) in `styled` text.
    static func colourParameters(in styled: String) -> [String] {
        var found: [String] = []
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            let params = rest.prefix { $0.isNumber || $0 == ";" }
            guard rest.dropFirst(params.count).first == "m" else { continue }
            for p in params.split(separator: ";") {
                guard let n = Int(p) else { continue }
                if (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n) {
                    found.append(String(params))
                    break
                }
            }
        }
        return found
    }
}
