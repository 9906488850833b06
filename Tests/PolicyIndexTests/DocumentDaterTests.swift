import Testing

@testable import PolicyIndex

@Suite struct DocumentDaterTests {
    @Test func publishedLine() {
        let text = "HARBOUR NEWS\n\nFerry link reopens\n\nPublished: August 12, 2021\nBy the desk\n\nThe ferry ran again."
        #expect(DocumentDater.date(opening: text) == DocumentDate(date("2021-08-12"), origin: .published))
    }

    @Test func publishedWinsOverUpdated() {
        let text = "Updated 2021-09-01 10:15\nPublished 2021-08-30 08:00\n\nThe body."
        #expect(DocumentDater.date(opening: text)?.date == date("2021-08-30"))
    }

    @Test func datelineWithItsOwnYear() {
        let text = "November 12, 2020 — The ministers met in the port city to sign the accord."
        #expect(DocumentDater.date(opening: text) == DocumentDate(date("2020-11-12"), origin: .dateline))
    }

    @Test func datelineWithoutYearTakesTheYearOfTheFileName() {
        let text = "SEOUL, Nov. 12 (Harbour Wire) — The ministers met to sign the accord."
        #expect(DocumentDater.date(opening: text, names: ["wire/2020-11-ferry.txt"])?.date == date("2020-11-12"))
        // A file name with another month, or two years, does not say which year it is.
        #expect(DocumentDater.date(opening: text, names: ["wire/2020-10-ferry.txt"]) == nil)
        #expect(DocumentDater.date(opening: text, names: ["wire/2019-2020-ferry.txt"]) == nil)
        #expect(DocumentDater.date(opening: text) == nil)
    }

    @Test func datelineWithoutADateIsUnknown() {
        #expect(DocumentDater.date(opening: "WASHINGTON — The envoy left after the 1953 armistice talks.") == nil)
    }

    @Test func aTitleMentioningAYearIsNotADate() {
        #expect(DocumentDater.date(opening: "The 1953 armistice\n\nBody text follows here.") == nil)
    }

    @Test func metadataDateIsKept() {
        var doc = ActorFixtures.document("Published: August 12, 2021", id: 0, date: date("2020-01-01"))
        let undated = ActorFixtures.document("Published: August 12, 2021", id: 1)
        let filled = DocumentDater.filled([doc, undated])
        #expect(filled[0].date == DocumentDate(date("2020-01-01"), origin: .frontMatter))
        #expect(filled[1].date == DocumentDate(date("2021-08-12"), origin: .published))
        doc.date = nil
        #expect(DocumentDater.filled([doc])[0].date?.origin == .published)
    }
}
