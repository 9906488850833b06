import Testing
@testable import PolicyIndex

@Suite struct SnippetTests {
    private func span(of needle: String, in text: String) -> TextSpan {
        let r = text.range(of: needle)!
        let lo = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        return TextSpan(lo, lo + needle.utf8.count)
    }

    @Test func shortTextIsShownWhole() {
        let text = "Talks resumed in Geneva."
        let s = Snippet.around(span(of: "Geneva", in: text), in: text, width: 60, marks: [span(of: "Geneva", in: text)])
        #expect(s.text == text)
        #expect(s.marked() == "Talks resumed in [Geneva].")
    }

    @Test func longTextIsCutAroundTheFocusWithinWidth() {
        let filler = String(repeating: "lorem ipsum dolor ", count: 20)
        let text = filler + "the envoy arrived in Pyongyang on Tuesday " + filler
        let focus = span(of: "Pyongyang", in: text)
        let s = Snippet.around(focus, in: text, width: 40, marks: [focus])
        #expect(s.text.count <= 40)
        #expect(s.text.hasPrefix("…"))
        #expect(s.text.hasSuffix("…"))
        #expect(s.marked().contains("[Pyongyang]"))
        // Cuts fall on word boundaries: no fragment of "lorem"/"ipsum"/"dolor" next to the ellipses.
        let inner = s.text.dropFirst().dropLast()
        for word in inner.split(separator: " ") {
            #expect(["lorem", "ipsum", "dolor", "the", "envoy", "arrived", "in", "Pyongyang", "on", "Tuesday"].contains(String(word)))
        }
    }

    @Test func controlCharactersAndNewlinesBecomeOneLine() {
        let text = "First line\n\n\tsecond\u{1B}[31m line\u{202E} end"
        let s = Snippet.around(span(of: "second", in: text), in: text, width: 80)
        #expect(!s.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(s.text.hasPrefix("First line second"))
    }

    @Test func withinKeepsTheSnippetInsideTheSentence() {
        let text = "Before sentence here. The minister spoke. After sentence there."
        let sentence = span(of: "The minister spoke.", in: text)
        let s = Snippet.around(span(of: "minister", in: text), in: text, width: 80, marks: [span(of: "minister", in: text)], within: sentence)
        #expect(s.text == "The minister spoke.")
        #expect(s.marks.count == 1)
        let bytes = Array(s.text.utf8)
        #expect(String(decoding: bytes[s.marks[0]], as: UTF8.self) == "minister")
    }

    @Test func wideCharactersCountTwoColumns() {
        let text = String(repeating: "대한민국 ", count: 30) + "통일부" + String(repeating: " 대한민국", count: 30)
        let focus = span(of: "통일부", in: text)
        let s = Snippet.around(focus, in: text, width: 30, marks: [focus])
        let columns = s.text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0xAC00 && $1.value <= 0xD7A3) ? 2 : 1) }
        #expect(columns <= 30)
        #expect(s.marked().contains("[통일부]"))
    }

    @Test func focusWiderThanWidthShowsItsStart() {
        let text = "An extraordinarily long focus span that cannot possibly fit"
        let s = Snippet.around(TextSpan(0, text.utf8.count), in: text, width: 20)
        #expect(s.text.count <= 20)
        #expect(s.text.hasPrefix("An extra"))
        #expect(s.text.hasSuffix("…"))
    }

    @Test func marksOutsideTheShownTextAreDropped() {
        let text = String(repeating: "word ", count: 100) + "target" + String(repeating: " word", count: 100)
        let far = TextSpan(0, 4)
        let focus = span(of: "target", in: text)
        let s = Snippet.around(focus, in: text, width: 30, marks: [far, focus])
        #expect(s.marks.count == 1)
    }

    @Test func outOfRangeSpansDoNotCrash() {
        let s = Snippet.around(TextSpan(500, 900), in: "short", width: 10)
        #expect(s.text.count <= 10)
        #expect(Snippet.around(TextSpan(0, 0), in: "", width: 10).text == "")
    }
}
