import Testing

@testable import TextUI

@Suite struct WrappedTextTests {
    func texts(_ w: WrappedText) -> [String] { w.lines.map(\.text) }

    @Test func wrapsAtSpacesAndDropsTheBreakingSpace() {
        let w = WrappedText("the quick brown fox jumps", width: 10)
        #expect(texts(w) == ["the quick", "brown fox", "jumps"])
        #expect(w.lines.map(\.width) == [9, 9, 5])
    }

    @Test func breaksWordsLongerThanALine() {
        #expect(texts(WrappedText("abcdefghijkl xy", width: 5)) == ["abcde", "fghij", "kl xy"])
        #expect(texts(WrappedText("ab abcdefghijkl", width: 5)) == ["ab", "abcde", "fghij", "kl"])
    }

    @Test func keepsHardBreaksBlankLinesAndIndentation() {
        #expect(texts(WrappedText("a\n\n  b c\r\nd", width: 10)) == ["a", "", "  b c", "d"])
        #expect(texts(WrappedText("end\n", width: 10)) == ["end"])
        #expect(texts(WrappedText("", width: 10)) == [""])
    }

    @Test func measuresWideCharactersAndBreaksBetweenThem() {
        let w = WrappedText("한국어 문장입니다", width: 6)
        #expect(texts(w) == ["한국어", "문장입", "니다"])
        #expect(w.lines.allSatisfy { $0.width <= 6 })
        #expect(texts(WrappedText("中文和日本語のテキスト", width: 7)) == ["中文和", "日本語", "のテキ", "スト"])
    }

    @Test func combiningMarksAndEmojiHaveTheirScreenWidth() {
        let w = WrappedText("cafe\u{301} cafe\u{301} 😀😀 x", width: 5)
        #expect(texts(w) == ["cafe\u{301}", "cafe\u{301}", "😀😀", "x"])
        #expect(w.lines.map(\.width) == [4, 4, 4, 1])
    }

    @Test func controlCharactersAreMeasuredAsTheirPlaceholders() {
        let w = WrappedText("a\u{1B}[2Jb", width: 20)
        #expect(w.lines[0].width == 6)
        var c = Canvas(size: Size(width: 20, height: 1))
        w.draw(in: c.bounds, on: &c)
        #expect(c.line(0) == "a␛[2Jb")
    }

    @Test func spansStyleRunsAndLaterSpansLayerOver() {
        let text = "Seoul and Tokyo met"
        let red = Style(fg: .red)
        let hit = Style(bg: .yellow)
        let w = WrappedText(text, spans: [StyledSpan(utf8: 0..<5, style: red), StyledSpan(utf8: 3..<13, style: hit)], width: 40)
        let runs = w.lines[0].runs
        #expect(runs.map(\.text) == ["Seo", "ul", " and Tok", "yo met"])
        #expect(runs.map(\.style) == [red, Style(fg: .red, bg: .yellow), hit, .plain])
    }

    @Test func spansCanBeGivenInCharacters() {
        let text = "한국 and Japan"
        let span = StyledSpan(characters: 7..<12, in: text, style: .bold)
        #expect(span.range == 11..<16)
        let w = WrappedText(text, spans: [span], width: 40)
        #expect(w.lines[0].runs.last?.text == "Japan")
        #expect(w.lines[0].runs.last?.style == .bold)
    }

    @Test func mapsSourceOffsetsToLinesAndColumns() {
        let text = "the quick brown fox jumps"
        let w = WrappedText(text, width: 10)
        let fox = text.utf8.count - "fox jumps".utf8.count
        #expect(w.location(ofUTF8Offset: fox)! == (1, 6))
        #expect(w.location(ofUTF8Offset: 0)! == (0, 0))
        #expect(w.location(ofUTF8Offset: text.utf8.count - 1)! == (2, 4))
        let korean = WrappedText("한국어 문장입니다", width: 6)
        #expect(korean.location(ofUTF8Offset: "한국어 문".utf8.count)! == (1, 2))
    }

    @Test func sourceOffsetShiftsEverything() {
        let doc = "Title\n\nThe alliance was signed in 1953 by both."
        let start = "Title\n\n".utf8.count
        let para = doc.utf8.dropFirst(start)
        let date = doc.utf8.count - "1953 by both.".utf8.count
        let w = WrappedText(
            String(decoding: para, as: UTF8.self), spans: [StyledSpan(utf8: date..<(date + 4), style: .underline)],
            width: 16, sourceOffset: start)
        #expect(texts(w) == ["The alliance was", "signed in 1953", "by both."])
        let loc = w.location(ofUTF8Offset: date)!
        #expect(w.lines[loc.line].runs.contains { $0.text == "1953" && $0.style == .underline })
        #expect(w.lines[0].source.lowerBound == start)
    }

    @Test func drawsFromAFirstLineClippedToTheArea() {
        let w = WrappedText("one two three four five", spans: [StyledSpan(utf8: 4..<7, style: .bold)], width: 9)
        var c = Canvas(size: Size(width: 12, height: 2))
        w.draw(in: Rect(x: 1, y: 0, width: 5, height: 2), on: &c, firstLine: 1)
        #expect(texts(w) == ["one two", "three", "four five"])
        #expect(c.lines == [" three", " four"])
    }
}

@Suite struct WrappedTextLargeInputTests {
    @Test func aHugeWordIsCutIntoFullLines() {
        let word = String(repeating: "abcdefghij", count: 20_000)  // 200,000 characters, no space
        let w = WrappedText(word, width: 80)
        #expect(w.lineCount == 2_500)
        #expect(w.lines.allSatisfy { $0.width == 80 })
        #expect(w.location(ofUTF8Offset: 199_999)! == (2_499, 79))
    }

    @Test func manySpansOverALongArticleStayInOrder() {
        let sentence = "Seoul and Tokyo met in Washington on 18 August 2023. "
        let text = String(repeating: sentence, count: 2_000)
        let n = sentence.utf8.count
        let spans = (0..<2_000).flatMap { i in
            [
                StyledSpan(utf8: (i * n)..<(i * n + 5), style: .bold),
                StyledSpan(utf8: (i * n + 10)..<(i * n + 15), style: .underline),
            ]
        }
        let w = WrappedText(text, spans: spans, width: 60)
        let bold = w.lines.flatMap(\.runs).filter { $0.style == .bold }
        let underlined = w.lines.flatMap(\.runs).filter { $0.style == .underline }
        #expect(bold.count == 2_000 && bold.allSatisfy { $0.text == "Seoul" })
        #expect(underlined.count == 2_000 && underlined.allSatisfy { $0.text == "Tokyo" })
    }
}
