#if canImport(Glibc)
    import Glibc
#endif
import TextUI

@testable import Terminal

/// A TerminalScreen drawing into /dev/null, so tests can read back what ncurses holds.
/// Screens are process-wide in ncurses: a second one cannot open while one is, so the
/// suites that use this are `.serialized` (and TerminalScreen refuses a second screen).
enum HeadlessScreen {
    static func with<T>(
        size: Size = Size(width: 80, height: 24), term: String = "xterm-256color", _ body: (TerminalScreen) throws -> T
    ) throws -> T {
        setenv("LC_ALL", "C.UTF-8", 1)
        var options = TerminalScreen.Options()
        options.termType = term
        options.handleSignals = false
        options.redirectStderr = false
        options.mouse = false
        let out = fopen("/dev/null", "w")
        let input = fopen("/dev/null", "r")
        defer {
            if let out { fclose(out) }
            if let input { fclose(input) }
        }
        let screen = try TerminalScreen(options: options, output: out, input: input)
        defer { screen.close() }
        screen.resize(to: size)
        return try body(screen)
    }
}

import CNcursesw

func polexWcwidth(_ v: UInt32) -> Int32 { polex_wcwidth(v) }
