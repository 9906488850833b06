import Testing

@testable import Terminal

@Test func linksAgainstNcursesw() {
    #expect(TerminalInfo.ncursesVersion.hasPrefix("ncurses 6"))
}
