import Testing

@testable import TextUI

@Suite struct PanelTests {
    @Test func drawsAFrameWithTitleAndReturnsTheInside() {
        var c = Canvas(size: Size(width: 12, height: 4))
        let inner = Panel(title: "Actors", theme: .mono).draw(in: c.bounds, on: &c)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(c.lines == ["┌─ Actors ─┐", "│          │", "│          │", "└──────────┘"])
    }

    @Test func focusUsesHeavyLinesAndTheFocusStyle() {
        var c = Canvas(size: Size(width: 10, height: 3))
        Panel(title: "A", focused: true, theme: .colors8).draw(in: c.bounds, on: &c)
        #expect(c.line(0) == "┏━ A ━━━━┓")
        #expect(c[0, 0].style == Theme.colors8.focusBorder)
        #expect(c[3, 0].style == Theme.colors8.focusTitle)
    }

    @Test func longTitlesAreCutAndTheRightTitleKeepsItsPlace() {
        var c = Canvas(size: Size(width: 24, height: 3))
        Panel(title: "A very long pane title here", theme: .mono, rightTitle: "3/40").draw(in: c.bounds, on: &c)
        #expect(c.line(0).hasSuffix(" 3/40 ─┐"))
        #expect(c.line(0).contains("…"))
        #expect(CharacterWidth.columns(c.line(0)) == 24)
    }

    @Test func tooSmallAreasAreLeftAlone() {
        var c = Canvas(size: Size(width: 2, height: 2))
        let inner = Panel(title: "X", theme: .mono).draw(in: c.bounds, on: &c)
        #expect(inner == c.bounds)
        #expect(c.text == "\n")
    }
}

@Suite struct ListViewTests {
    func render(count: Int, selected: Int?, offset: Int, height: Int) -> (Canvas, Int) {
        var c = Canvas(size: Size(width: 10, height: height))
        let used = ListView(count: count, selected: selected, offset: offset, theme: .mono).draw(in: c.bounds, on: &c) {
            i, rect, canvas in canvas.put("item \(i)", x: rect.x, y: rect.y, clip: rect)
        }
        return (c, used)
    }

    @Test func scrollsToKeepTheSelectionInView() {
        let (c, used) = render(count: 20, selected: 7, offset: 0, height: 4)
        #expect(used == 4)
        #expect(c.lines.map { String($0.prefix(6)) } == ["item 4", "item 5", "item 6", "item 7"])
        #expect(c[0, 3].style.attributes.contains(.reverse))
        #expect(!c[0, 2].style.attributes.contains(.reverse))
    }

    @Test func drawsAScrollBarOnlyWhenRowsAreHidden() {
        let (long, _) = render(count: 20, selected: 0, offset: 0, height: 4)
        #expect((0..<4).map { long[9, $0].text } == ["█", "│", "│", "│"])
        let (short, _) = render(count: 3, selected: 0, offset: 0, height: 4)
        #expect(short.line(3) == "")
        #expect((0..<3).allSatisfy { short[9, $0].text == " " })
    }

    @Test func offsetMovesAsLittleAsPossible() {
        #expect(ListScroll.offset(selected: 5, count: 100, visible: 10, current: 3) == 3)
        #expect(ListScroll.offset(selected: 2, count: 100, visible: 10, current: 3) == 2)
        #expect(ListScroll.offset(selected: 15, count: 100, visible: 10, current: 3) == 6)
        #expect(ListScroll.offset(selected: 99, count: 100, visible: 10, current: 0) == 90)
        #expect(ListScroll.offset(selected: 0, count: 100, visible: 10, current: 95) == 0)
        #expect(ListScroll.offset(selected: nil, count: 100, visible: 10, current: 200) == 90)
        #expect(ListScroll.offset(selected: 3, count: 5, visible: 10, current: 2) == 0)
        #expect(ListScroll.offset(selected: 15, count: 100, visible: 10, current: 3, margin: 2) == 8)
    }

    @Test func mouseRowsMapToIndices() {
        let area = Rect(x: 0, y: 2, width: 10, height: 5)
        #expect(ListView.index(atY: 4, in: area, offset: 10, count: 100) == 12)
        #expect(ListView.index(atY: 1, in: area, offset: 10, count: 100) == nil)
        #expect(ListView.index(atY: 6, in: area, offset: 0, count: 3) == nil)
    }

    @Test func positionLabels() {
        #expect(ScrollBar.label(first: 40, visible: 20, count: 340) == "41-60/340")
        #expect(ScrollBar.label(first: 0, visible: 20, count: 5) == "All 5")
        #expect(ScrollBar.percent(first: 0, visible: 10, count: 100) == "Top")
        #expect(ScrollBar.percent(first: 40, visible: 10, count: 100) == "50%")
        #expect(ScrollBar.percent(first: 90, visible: 10, count: 100) == "Bot")
    }
}

@Suite struct ColumnLayoutTests {
    @Test func fixedAndFlexShareTheRow() {
        #expect(ColumnLayout.widths([.fixed(5), .flex(), .fixed(3)], total: 30) == [5, 20, 3])
        #expect(ColumnLayout.widths([.flex(1), .flex(2)], total: 31, gap: 1) == [10, 20])
        #expect(ColumnLayout.widths([.flex(1, min: 8), .flex(3)], total: 10, gap: 0) == [8, 2])
    }

    @Test func rightColumnsShrinkFirstWhenShort() {
        #expect(ColumnLayout.widths([.fixed(6), .fixed(6), .flex(1, min: 4)], total: 10, gap: 1) == [6, 2, 0])
        #expect(ColumnLayout.widths([.fixed(6)], total: 0) == [0])
    }

    @Test func truncatesByDisplayWidthWithAnEllipsis() {
        #expect(TextFit.truncate("Washington", width: 6) == "Washi…")
        #expect(TextFit.truncate("한국어문장", width: 6) == "한국…")
        #expect(TextFit.truncate("한국어문장", width: 5) == "한국…")
        #expect(TextFit.truncate("short", width: 5) == "short")
        #expect(TextFit.truncate("abc", width: 1) == "…")
        #expect(TextFit.truncate("abc", width: 0) == "")
        #expect(TextFit.pad("ab", width: 5, align: .right) == "   ab")
        #expect(TextFit.pad("한", width: 5, align: .center) == " 한  ")
    }

    @Test func putRowAlignsCells() {
        var c = Canvas(size: Size(width: 20, height: 1))
        c.putRow(["China", "12", "long name here"], widths: [6, 4, 6], x: 0, y: 0, alignments: [.left, .right])
        #expect(c.line(0) == "China    12 long …")
    }
}

@Suite struct BarTests {
    @Test func horizontalBarsResolveEighths() {
        #expect(Bars.horizontal(fraction: 1, width: 4) == "████")
        #expect(Bars.horizontal(fraction: 0.5, width: 3) == "█▌")
        #expect(Bars.horizontal(fraction: 0, width: 3) == "")
        #expect(Bars.horizontal(fraction: .nan, width: 3) == "")
        #expect(Bars.horizontal(fraction: 7, width: 2) == "██")
    }

    @Test func histogramScalesToTheLargestCount() {
        #expect(Bars.histogram([0, 1, 2, 4, 8], width: 10) == " ▁▂▄█")
        #expect(Bars.histogram([1, 1, 0, 0, 5, 5], width: 3) == "▂ █")
        #expect(Bars.histogram([], width: 3) == "")
        #expect(Bars.histogram([0, 0], width: 3) == "  ")
        #expect(Bars.histogram([1, 1000], width: 2) == "▁█")
    }

    @Test func shadesGrowWithTheValue() {
        #expect([0, 0.1, 0.3, 0.6, 1.0].map(Bars.shade) == ["·", "░", "▒", "▓", "█"])
    }

    @Test func toneBarGrowsFromTheCentre() {
        var c = Canvas(size: Size(width: 11, height: 2))
        ToneBar(tone: -10, theme: .colors8).draw(in: Rect(x: 0, y: 0, width: 11, height: 1), on: &c)
        ToneBar(tone: 4, theme: .colors8).draw(in: Rect(x: 0, y: 1, width: 11, height: 1), on: &c)
        #expect(c.lines == ["█████│─────", "─────│██───"])
        #expect(c[0, 0].style == Theme.colors8.conflict)
        #expect(c[6, 1].style == Theme.colors8.cooperation)
        #expect(ToneBar(tone: 3.46, theme: .mono).label == "+3.5")
        #expect(ToneBar(tone: -30, theme: .mono).label == "-10.0")
        #expect(ToneBar(tone: .nan, theme: .mono).label == "0.0")
    }

    @Test func matrixShadesByStrengthAndColoursByTone() {
        var c = Canvas(size: Size(width: 20, height: 4))
        MatrixView(
            labels: ["China", "Japan", "US"], values: [[nil, -4, 1], [-4, nil, 2], [1, 2, nil]], theme: .colors8
        ).draw(in: c.bounds, on: &c)
        #expect(c.lines == ["        1 2 3", "1 China ╲╲██░░", "2 Japan ██╲╲▒▒", "3 US    ░░▒▒╲╲"])
        #expect(c[10, 1].style == Theme.colors8.conflict)
        #expect(c[12, 1].style == Theme.colors8.cooperation)
    }
}

@Suite struct StatusBarTests {
    @Test func rightPartKeepsItsRoomAndLeftIsCut() {
        var c = Canvas(size: Size(width: 30, height: 1))
        StatusBar(
            left: [Segment("corpus: 1,204 articles · filter: China")], right: StatusBar.hints([("?", "help"), ("q", "quit")], theme: .mono),
            style: Theme.mono.statusBar
        ).draw(in: c.bounds, on: &c)
        #expect(c.line(0) == "corpus: 1,204 … ? help  q quit")
        #expect(c[0, 0].style == Theme.mono.statusBar)
        #expect(c[16, 0].style == Theme.mono.statusKey)
        #expect(c[17, 0].style == Theme.mono.statusBar)
    }

    @Test func fillsTheRowWhenShort() {
        var c = Canvas(size: Size(width: 12, height: 1))
        StatusBar(left: [Segment("ok")], style: Theme.mono.statusBar).draw(in: c.bounds, on: &c)
        #expect(c[11, 0].style == Theme.mono.statusBar)
        #expect(c.line(0) == "ok")
    }
}

@Suite struct TextInputTests {
    @Test func editsLikeAShell() {
        var s = TextInputState()
        for ch in "chna" { _ = s.handle(.char(ch)) }
        #expect(s.handle(.left) == .moved)
        #expect(s.handle(.left) == .moved)
        #expect(s.handle(.char("i")) == .edited)
        #expect(s.text == "china" && s.cursor == 3)
        #expect(s.handle(.ctrl("a")) == .moved)
        #expect(s.handle(.delete) == .edited)
        #expect(s.text == "hina")
        #expect(s.handle(.end) == .moved)
        #expect(s.handle(.backspace) == .edited)
        #expect(s.text == "hin")
        _ = s.handle(.char(" "))
        _ = s.handle(.char("x"))
        #expect(s.handle(.ctrl("w")) == .edited)
        #expect(s.text == "hin ")
        #expect(s.handle(.ctrl("u")) == .edited)
        #expect(s.text.isEmpty)
        #expect(s.handle(.backspace) == .ignored)
        #expect(s.handle(.char("\u{1B}")) == .ignored)
        #expect(s.handle(.enter) == .submitted)
        #expect(s.handle(.escape) == .cancelled)
    }

    @Test func drawsTheCursorAndScrollsToIt() {
        var c = Canvas(size: Size(width: 10, height: 1))
        let state = TextInputState("alliance treaty")
        TextInputView(prompt: "/", state: state, theme: .mono).draw(in: c.bounds, on: &c)
        #expect(c.line(0) == "/e treaty")
        #expect(c[9, 0].style.attributes.contains(.reverse))
        var d = Canvas(size: Size(width: 12, height: 1))
        var mid = TextInputState("한국 ok")
        mid.cursor = 1
        TextInputView(prompt: ":", state: mid, theme: .mono).draw(in: d.bounds, on: &d)
        #expect(d.line(0) == ":한국 ok")
        #expect(d[3, 0].style.attributes.contains(.reverse))
        #expect(!d[1, 0].style.attributes.contains(.reverse))
    }
}
