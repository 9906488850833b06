import CNcursesw
import Testing
import TextUI

@testable import Terminal

@Suite struct KeyTranslationTests {
    func char(_ v: UInt32) -> Key? { KeyTranslation.key(code: v, isKeyCode: false) }
    func code(_ v: Int32) -> Key? { KeyTranslation.key(code: UInt32(bitPattern: v), isKeyCode: true) }

    @Test func controlCharacters() {
        #expect(char(13) == .enter)
        #expect(char(10) == .enter)
        #expect(char(9) == .tab)
        #expect(char(27) == .escape)
        #expect(char(127) == .backspace)
        #expect(char(8) == .backspace)
        #expect(char(15) == .ctrl("o"))
        #expect(char(16) == .ctrl("p"))
        #expect(char(3) == .ctrl("c"))
        #expect(char(1) == .ctrl("a"))
        #expect(char(26) == .ctrl("z"))
        #expect(char(28) == .ctrl("\\"))
        #expect(char(0x85) == nil)
    }

    @Test func printableCharactersIncludingWideOnes() {
        #expect(char(0x6A) == .char("j"))
        #expect(char(0x20) == .char(" "))
        #expect(char(0xD55C) == .char("한"))
        #expect(char(0x1F600) == .char("😀"))
        #expect(char(0xD800) == nil)
    }

    @Test func functionKeys() {
        #expect(code(KEY_UP) == .up)
        #expect(code(KEY_DOWN) == .down)
        #expect(code(KEY_LEFT) == .left)
        #expect(code(KEY_RIGHT) == .right)
        #expect(code(KEY_PPAGE) == .pageUp)
        #expect(code(KEY_NPAGE) == .pageDown)
        #expect(code(KEY_HOME) == .home)
        #expect(code(KEY_END) == .end)
        #expect(code(KEY_BACKSPACE) == .backspace)
        #expect(code(KEY_DC) == .delete)
        #expect(code(KEY_BTAB) == .backTab)
        #expect(code(KEY_ENTER) == .enter)
        #expect(code(polex_key_f(1)) == .function(1))
        #expect(code(polex_key_f(12)) == .function(12))
        #expect(code(KEY_MOUSE) == nil)  // handled by the screen with getmouse
    }

    @Test func mouseReports() {
        let press = UInt64(polex_BUTTON1_PRESSED)
        #expect(MouseTranslation.event(x: 3, y: 4, buttons: press) == MouseEvent(kind: .press, x: 3, y: 4))
        #expect(MouseTranslation.event(x: 0, y: 0, buttons: UInt64(polex_BUTTON1_RELEASED))?.kind == .release)
        #expect(MouseTranslation.event(x: 0, y: 0, buttons: UInt64(polex_BUTTON4_PRESSED))?.kind == .wheelUp)
        #expect(MouseTranslation.event(x: 0, y: 0, buttons: UInt64(polex_BUTTON5_PRESSED))?.kind == .wheelDown)
        #expect(MouseTranslation.event(x: 0, y: 0, buttons: UInt64(polex_BUTTON1_DOUBLE_CLICKED))?.kind == .doubleClick)
        #expect(MouseTranslation.event(x: 0, y: 0, buttons: UInt64(polex_BUTTON3_PRESSED)) == nil)
    }
}

@Suite struct RowDiffTests {
    func canvas(_ rows: [String], width: Int = 20) -> Canvas {
        var c = Canvas(size: Size(width: width, height: rows.count))
        for (y, r) in rows.enumerated() { c.put(r, x: 0, y: y) }
        return c
    }

    @Test func unchangedRowsProduceNoRuns() {
        let a = canvas(["same", "rows"])
        #expect(RowDiff.changedRuns(a, a, y: 0, width: 20).isEmpty)
    }

    @Test func aFirstFrameOrNewSizeRewritesTheRow() {
        let a = canvas(["x"])
        #expect(RowDiff.changedRuns(a, nil, y: 0, width: 20) == [0..<20])
        #expect(RowDiff.changedRuns(a, canvas(["x"], width: 10), y: 0, width: 20) == [0..<20])
    }

    @Test func nearbyChangesMergeAndDistantOnesSplit() {
        let old = canvas(["aaaaaaaaaaaaaaaaaaaa"])
        #expect(RowDiff.changedRuns(canvas(["abaabaaaaaaaaaaaaaaa"]), old, y: 0, width: 20) == [1..<5])
        #expect(RowDiff.changedRuns(canvas(["abaaaaaaaaaaaaaaaaba"]), old, y: 0, width: 20) == [1..<2, 18..<19])
    }

    @Test func runsCoverWholeWideCharacters() {
        let old = canvas(["한국어"])
        var new = old
        new[1, 0] = Cell("", style: Style(fg: .red))  // only the right half differs
        #expect(RowDiff.changedRuns(new, old, y: 0, width: 20) == [0..<2])
        let changedLeft = canvas(["한x어"])
        #expect(RowDiff.changedRuns(changedLeft, old, y: 0, width: 20) == [2..<6])
    }
}
