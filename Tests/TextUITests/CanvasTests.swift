import Testing

@testable import TextUI

@Suite struct CanvasTests {
    @Test func printsAsText() {
        var c = Canvas(size: Size(width: 10, height: 2))
        c.put("hello", x: 1, y: 0)
        c.put("world!!!!!!", x: 3, y: 1)
        #expect(c.lines == [" hello", "   world!!"])
    }

    @Test func wideCharactersTakeTwoColumns() {
        var c = Canvas(size: Size(width: 6, height: 1))
        let end = c.put("한국", x: 0, y: 0)
        #expect(end == 4)
        #expect(c[1, 0].isContinuation)
        #expect(c.line(0) == "한국")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var c = Canvas(size: Size(width: 3, height: 1))
        c.put("a한국", x: 0, y: 0)
        #expect(c.line(0) == "a한")
        var d = Canvas(size: Size(width: 2, height: 1))
        d.put("a한", x: 0, y: 0)
        #expect(d[1, 0].text == " ")
    }

    @Test func controlSequencesBecomeVisiblePlaceholders() {
        var c = Canvas(size: Size(width: 20, height: 1))
        c.put("a\u{1B}[2Jb\u{07}", x: 0, y: 0)
        #expect(c.line(0) == "a␛[2Jb␇")
        #expect(!c.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func clipsToARectangle() {
        var c = Canvas(size: Size(width: 10, height: 1))
        c.put("abcdefgh", x: 0, y: 0, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(c.line(0) == "  cde")
    }
}
