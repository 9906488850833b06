import Testing
@testable import PolicyIndex

/// A short clause after a multi-byte dash must widen leftwards past the dash
/// (this used to loop for ever on such sentences).
@Suite struct TimelineLabelDashTests {
    @Test(.timeLimit(.minutes(1)))
    func shortClauseAfterAnEmDashWidens() {
        var text = "The envoys met again \u{2014} on 12 May 2020 talks."
        let dateStart = text.utf8.count - "12 May 2020 talks.".utf8.count
        let span = text.withUTF8 { b in
            TimelineLabel.clauseSpan(b, sentence: 0..<b.count, date: dateStart..<(dateStart + "12 May 2020".utf8.count))
        }
        #expect(span.start == 0)
        #expect(Int(span.end) == text.utf8.count - 1)
    }
}
