import Testing

@testable import PolicyIndex

@Suite struct PartialDateTests {
    @Test(arguments: ["1954", "2020-11", "2020-11-12"])
    func isoRoundTrip(_ text: String) {
        #expect(PartialDate(iso: text)?.iso == text)
    }

    @Test func keepsItsPrecision() {
        #expect(PartialDate(iso: "1954")?.precision == .year)
        #expect(PartialDate(iso: "1954-11")?.precision == .month)
        #expect(PartialDate(iso: "1954-11-17T09:00:00Z")?.iso == "1954-11-17")
    }

    @Test(arguments: ["", "54", "2020-13", "2020-11-40", "abcd"])
    func rejectsNonsense(_ text: String) {
        #expect(PartialDate(iso: text) == nil)
    }

    @Test func coarseDatesSortFirstInTheirPeriod() {
        let year = PartialDate(year: 2020)
        let month = PartialDate(year: 2020, month: 11)
        let day = PartialDate(year: 2020, month: 11, day: 12)
        #expect([day, month, year].sorted() == [year, month, day])
    }

    @Test func dayNumbersRoundTrip() {
        #expect(DayNumber.from(year: 1970, month: 1, day: 1) == 0)
        #expect(DayNumber.from(year: 2000, month: 3, day: 1) == 11017)
        for d in stride(from: -30000, to: 30000, by: 97) {
            let c = DayNumber.civil(d)
            #expect(DayNumber.from(year: c.year, month: c.month, day: c.day) == d)
        }
    }

    @Test func intervalsCoverTheirPeriod() {
        let feb2020 = PartialDate(year: 2020, month: 2)
        #expect(feb2020.endDay - feb2020.firstDay == 29)
        let y = PartialDate(year: 2021)
        #expect(y.endDay - y.firstDay == 365)
    }
}
