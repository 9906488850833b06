import Foundation
import Testing

/// Thousands of random keys and resizes from a fixed seed against the real explorer:
/// it must stay alive and responsive, keep a sane screen, and quit with the terminal
/// restored. The seed makes a failure reproducible.
@Suite(.serialized) struct MonkeyTests {
    /// A small deterministic generator (SplitMix64), so runs repeat exactly.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Keys by tmux name. Not `q` (it quits), not C-c / C-z / C-\ (signals, tested elsewhere).
    static let keys = [
        "j", "k", "h", "l", "g", "G", "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Tab",
        "BTab", "1", "2", "3", "Enter", "BSpace", "C-o", "]", "[", "/", ":", "C-p", "n", "N", "?", "Escape", "f", "s",
        "t", "r", "z", "m", "'", "a", "#", "5", "x", "Space", "F1", "DC", "C-a", "C-e", "C-u", "C-w", "é", "한", "😀",
    ]

    @Test func randomKeysAndResizesNeverBreakIt() throws {
        var rng = SeededRandom(state: 20_240_601)
        let tmux = try TmuxSession(polex: ["--no-session"], width: 100, height: 30)
        try tmux.waitFor(TerminalHygieneTests.ready, timeout: .seconds(30))
        var width = 100
        var height = 30
        for round in 0..<60 {
            let batch = (0..<50).map { _ in Self.keys[Int.random(in: 0..<Self.keys.count, using: &rng)] }
            try tmux.sendKeys(batch)
            if round % 4 == 3 {
                width = Int.random(in: 1...160, using: &rng)
                height = Int.random(in: 1...50, using: &rng)
                try tmux.resize(width: width, height: height)
            }
            #expect(try tmux.programAlive(), "the explorer died in round \(round)")
        }
        // Back to a normal size; Escape closes whatever line or overlay is open.
        try tmux.resize(width: 100, height: 30)
        try tmux.sendKeys(["Escape", "Escape", "Escape"])
        let screen = try tmux.waitUntil(timeout: .seconds(20), "a sane screen after the storm") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 30 && lines.contains { $0.contains("polex") }
        }
        #expect(!screen.contains("␛["), "escape sequences from keys leaked onto the screen")
        #expect(try tmux.alternateScreenOn())
        // It still answers: q (pressed until it quits, as overlays take one each) ends it cleanly.
        var status: Int?
        for _ in 0..<5 where status == nil {
            try tmux.sendKeys(["q"])
            status = try? tmux.waitForExit(timeout: .seconds(3))
        }
        let last = (try? tmux.capture()) ?? ""
        #expect(status == 0, "still running; the screen:\n\(last)")
        #expect(try tmux.alternateScreenOn() == false)
        #expect(try tmux.mouseReportingOn() == false)
    }
}
