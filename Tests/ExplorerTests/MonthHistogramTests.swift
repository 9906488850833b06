import PolicyIndex
import Testing

@testable import Explorer

@Suite struct MonthHistogramTests {
    @Test func countsEventsPerMonthFromTheFirstToTheLast() {
        let days = [
            PartialDate(year: 2020, month: 11, day: 12).firstDay,
            PartialDate(year: 2020, month: 11, day: 25).firstDay,
            PartialDate(year: 2021, month: 1).firstDay,
        ]
        let h = MonthHistogram(startDays: days)
        #expect(h.firstMonth == 2020 * 12 + 10)
        #expect(h.counts == [2, 0, 1])
        #expect(h.total == 3)
    }

    @Test func emptyWithoutDatedEvents() {
        let h = MonthHistogram(startDays: [Int]())
        #expect(h.total == 0)
        #expect(h.counts.isEmpty)
    }
}
