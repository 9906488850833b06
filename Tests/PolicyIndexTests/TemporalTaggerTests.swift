import Testing

@testable import PolicyIndex

/// Tags `text` as one sentence of a document written on `date` (ISO, any precision).
func tagDates(_ text: String, on date: String? = nil) -> [TemporalExpression] {
    TemporalTagger().expressions(in: text, documentDate: date.flatMap { PartialDate(iso: $0) })
}

func day(_ iso: String) -> Int { PartialDate(iso: iso)!.firstDay }

@Suite struct FullDateTests {
    @Test(arguments: [
        ("The ministers met on Nov. 12, 2020, in Seoul.", "Nov. 12, 2020", "2020-11-12"),
        ("Voters went to the polls on November 8, 2024.", "November 8, 2024", "2024-11-08"),
        ("The accord was signed on 12 November 2020 in Hanoi.", "12 November 2020", "2020-11-12"),
        ("The record is dated 2020-11-12 in the archive.", "2020-11-12", "2020-11-12"),
        ("Talks resumed on Sept. 3, 2019, after a pause.", "Sept. 3, 2019", "2019-09-03"),
        ("It happened on the 25th of June 1950 at dawn.", "the 25th of June 1950", "1950-06-25"),
        ("The form was filed 25/12/2020 by the embassy.", "25/12/2020", "2020-12-25"),
        ("The form was filed 12/25/2020 by the embassy.", "12/25/2020", "2020-12-25"),
    ])
    func fullDates(_ c: (String, String, String)) {
        let found = tagDates(c.0)
        #expect(found.count == 1)
        #expect(found.first?.text == c.1)
        #expect(found.first?.value == c.2)
        #expect(found.first?.grain == .day)
        #expect(found.first?.anchor == TimeAnchor.none)
        #expect(found.first?.interval == day(c.2)..<(day(c.2) + 1))
    }

    @Test func ambiguousNumericDateKeepsOnlyTheYear() {
        let found = tagDates("The note dated 03/04/2020 was lost.")
        #expect(found.map(\.value) == ["2020"])
        #expect(found.first?.grain == .year)
    }

    @Test func spanPointsAtTheBytes() {
        let text = "Délégués met on Nov. 12, 2020."
        let e = tagDates(text)[0]
        let bytes = Array(text.utf8)[e.span.range]
        #expect(String(decoding: bytes, as: UTF8.self) == "Nov. 12, 2020")
    }

    @Test func impossibleDayIsNotADate() {
        #expect(tagDates("It was due on Feb. 30, 2021 in theory.").allSatisfy { $0.grain != .day })
    }
}

@Suite struct MonthDayTests {
    @Test func resolvedAgainstTheDocumentDate() {
        let e = tagDates("The two leaders will talk on Nov. 18.", on: "2020-11-12")
        #expect(e.map(\.value) == ["2020-11-18"])
        #expect(e.first?.anchor == .documentDate)
    }

    @Test func unresolvedWithoutADocumentDate() {
        let e = tagDates("The leaders talked on Nov. 18.")
        #expect(e.map(\.value) == ["XXXX-11-18"])
        #expect(e.first?.interval == nil)
    }

    @Test func pastTenseAfterTheDocumentMonthIsTheYearBefore() {
        let e = tagDates("The minister visited Tokyo on Dec. 3 for talks.", on: "2021-02-10")
        #expect(e.map(\.value) == ["2020-12-03"])
    }

    @Test func futureTenseBeforeTheDocumentMonthIsTheYearAfter() {
        let e = tagDates("The minister will visit Tokyo on Jan. 5 for talks.", on: "2020-12-20")
        #expect(e.map(\.value) == ["2021-01-05"])
    }

    @Test func withoutTenseTheNearestOccurrence() {
        #expect(tagDates("The deadline is March 1 for all parties.", on: "2020-11-12").map(\.value) == ["2021-03-01"])
        #expect(tagDates("The fair is on Sept. 3 in the harbour.", on: "2020-11-12").map(\.value) == ["2020-09-03"])
    }

    @Test func sinceMeansBeforeTheDocument() {
        #expect(tagDates("Lines have been cut since June 9.", on: "2020-06-02").map(\.value) == ["2019-06-09"])
    }

    @Test func narrativeYearWinsOverTheDocumentYear() {
        let tagger = TemporalTagger()
        let doc = ActorFixtures.document(
            "The war began on June 25, 1950.", "Troops landed within a week.", "They met the enemy on July 5.",
            "Snow fell in the winter.", id: 0, date: date("2020-06-25"))
        let e = tagger.expressions(in: doc)
        #expect(e.map(\.value) == ["1950-06-25", "1950-07-05", "1950-WI"])
        #expect(e[1].anchor == .earlierDate(e[0].span))
    }

    @Test func adjectivalYearIsNoNarrative() {
        let doc = ActorFixtures.document(
            "The lines reopened on the anniversary of the 1953 armistice.", "Officials met again on Aug. 1.", id: 0,
            date: date("2021-08-12"))
        #expect(TemporalTagger().expressions(in: doc).map(\.value) == ["1953", "2021-08-01"])
    }

    @Test func monthOfThatYear() {
        let e = tagDates("During the 1952 campaign he said in October of that year that he would go.", on: "2020-06-25")
        #expect(e.map(\.value) == ["1952", "1952-10"])
        #expect(e.last?.text == "October of that year")
    }

    @Test func dayBeforeMonth() {
        #expect(tagDates("They met on 3 December in Geneva.", on: "2020-12-20").map(\.value) == ["2020-12-03"])
    }

    @Test func septemberElevenStyleIsADate() {
        let e = tagDates("Security changed after the Sept. 11 attacks.", on: "2021-10-01")
        #expect(e.map(\.text) == ["Sept. 11"])
        #expect(e.map(\.value) == ["2021-09-11"])
    }

    @Test func dayRunInOneMonth() {
        let e = tagDates("The forum ran from Nov. 12-14, 2020 in Busan.")
        #expect(e.first?.value == "2020-11-12/2020-11-14")
        #expect(e.first?.isRange == true)
        #expect(e.first?.interval?.count == 3)
    }
}

@Suite struct MonthAndPartTests {
    @Test func monthAndYear() {
        let e = tagDates("Sanctions were eased in December 2020 after talks.")
        #expect(e.map(\.value) == ["2020-12"])
        #expect(e.first?.grain == .month)
        #expect(e.first?.interval == day("2020-12-01")..<day("2021-01-01"))
    }

    @Test func midMonth() {
        let e = tagDates("Officials met in mid-December 2020 to review it.")
        #expect(e.first?.text == "mid-December 2020")
        #expect(e.first?.value == "2020-12")
        #expect(e.first?.modifier == .mid)
        #expect(e.first?.interval == day("2020-12-11")..<day("2020-12-22"))
    }

    @Test func earlyYearKeepsYearPrecision() {
        let e = tagDates("A new envoy arrives in early 2021, officials said.")
        #expect(e.first?.text == "early 2021")
        #expect(e.first?.value == "2021")
        #expect(e.first?.grain == .year)
        #expect(e.first?.modifier == .start)
        #expect(e.first!.interval!.lowerBound == day("2021-01-01"))
        #expect(e.first!.interval!.upperBound < day("2021-06-01"))
    }

    @Test func lateLastYear() {
        let e = tagDates("Exports fell sharply late last year.", on: "2021-03-04")
        #expect(e.first?.text == "late last year")
        #expect(e.first?.value == "2020")
        #expect(e.first?.modifier == .end)
        #expect(e.first?.anchor == .documentDate)
    }

    @Test func bareMonthAfterAPreposition() {
        #expect(tagDates("The talks collapsed in June after a row.", on: "2020-11-12").map(\.value) == ["2020-06"])
    }

    @Test func theEndOfTheYear() {
        let e = tagDates("A deal is expected by the end of the year.", on: "2020-05-02")
        #expect(e.first?.value == "2020")
        #expect(e.first?.modifier == .end)
        #expect(e.first?.text == "the end of the year")
    }
}

@Suite struct SeasonTests {
    @Test func seasonWithYear() {
        let e = tagDates("The summit took place in the summer of 2019.")
        #expect(e.map(\.value) == ["2019-SU"])
        #expect(e.first?.grain == .season)
        #expect(e.first?.interval == day("2019-06-01")..<day("2019-09-01"))
    }

    @Test func winterRunsIntoTheNextYear() {
        let e = tagDates("Fighting stalled in the winter of 1950.")
        #expect(e.first?.value == "1950-WI")
        #expect(e.first?.interval == day("1950-12-01")..<day("1951-03-01"))
    }

    @Test func relativeSeason() {
        #expect(tagDates("Trade picked up last spring.", on: "2020-11-12").map(\.value) == ["2020-SP"])
        #expect(tagDates("Talks resume next spring.", on: "2020-11-12").map(\.value) == ["2021-SP"])
    }

    @Test func seasonsInNamesAreNotDates() {
        #expect(tagDates("The Arab Spring reshaped the region.").isEmpty)
        #expect(tagDates("They wrote about the fall of Kabul.").isEmpty)
    }
}

@Suite struct YearAndRangeTests {
    @Test func yearNeverGainsPrecision() {
        let e = tagDates("The armistice held after fighting ended, and in 1954 talks failed.")
        #expect(e.map(\.value) == ["1954"])
        #expect(e.first?.grain == .year)
        #expect(e.first?.interval == day("1954-01-01")..<day("1955-01-01"))
    }

    @Test func since() {
        let e = tagDates("Trade has grown since 2018 despite tariffs.")
        #expect(e.first?.text == "since 2018")
        #expect(e.first?.value == "2018")
        #expect(e.first?.modifier == .after)
    }

    @Test(arguments: [
        ("The plan runs from 2019 to 2025 in stages.", "from 2019 to 2025"),
        ("The plan covers 2019–2025 in stages.", "2019–2025"),
        ("The plan covers 2019-2025 in stages.", "2019-2025"),
        ("The plan covers 2019-25 in stages.", "2019-25"),
        ("The plan ran between 2019 and 2025 in stages.", "between 2019 and 2025"),
    ])
    func yearRanges(_ c: (String, String)) {
        let e = tagDates(c.0)
        #expect(e.count == 1)
        #expect(e.first?.text == c.1)
        #expect(e.first?.value == "2019/2025")
        #expect(e.first?.isRange == true)
        #expect(e.first?.interval == day("2019-01-01")..<day("2026-01-01"))
    }

    @Test func monthRangeTakesTheYearOfItsEnd() {
        let e = tagDates("Exercises were suspended from March to May 2020.", on: "2021-06-01")
        #expect(e.first?.value == "2020-03/2020-05")
        #expect(e.first?.interval == day("2020-03-01")..<day("2020-06-01"))
    }

    @Test func decades() {
        let e = tagDates("Relations thawed in the 1990s and again in the early 2000s.")
        #expect(e.map(\.value) == ["199X", "200X"])
        #expect(e.map(\.text) == ["the 1990s", "the early 2000s"])
        #expect(e.allSatisfy { $0.grain == .decade })
        #expect(e.last?.modifier == .start)
    }

    @Test func century() {
        let e = tagDates("It was the bloodiest war of the 20th century.")
        #expect(e.map(\.value) == ["19XX"])
        #expect(e.first?.grain == .century)
    }
}

@Suite struct RelativeTests {
    // 2020-11-12 is a Thursday.
    let ref = "2020-11-12"

    @Test func thisWeek() {
        let e = tagDates("Negotiators are meeting this week in Seoul.", on: ref)
        #expect(e.map(\.value) == ["2020-W46"])
        #expect(e.first?.grain == .week)
        #expect(e.first?.interval == day("2020-11-09")..<day("2020-11-16"))
    }

    @Test func atTheWeekendInThePast() {
        let e = tagDates("Protesters gathered at the weekend outside the embassy.", on: ref)
        #expect(e.first?.text == "at the weekend")
        #expect(e.first?.interval == day("2020-11-07")..<day("2020-11-09"))
    }

    @Test func nextMonth() {
        #expect(tagDates("Talks open next month in Geneva.", on: ref).map(\.value) == ["2020-12"])
    }

    @Test func earlierThisYear() {
        let e = tagDates("The ban was lifted earlier this year.", on: ref)
        #expect(e.first?.value == "2020")
        #expect(e.first?.interval == day("2020-01-01")..<day(ref))
    }

    @Test func earlierThisMonth() {
        let e = tagDates("The ban was lifted earlier this month.", on: ref)
        #expect(e.first?.value == "2020-11")
        #expect(e.first?.interval == day("2020-11-01")..<day(ref))
    }

    @Test func lastYear() {
        let e = tagDates("Trade fell 3 percent last year.", on: ref)
        #expect(e.map(\.value) == ["2019"])
        #expect(e.first?.anchor == .documentDate)
    }

    @Test func inTheComingMonths() {
        let e = tagDates("A decision is expected in the coming months.", on: ref)
        #expect(e.first?.text == "in the coming months")
        #expect(e.first?.value == "FUTURE_REF")
        #expect(e.first?.interval?.lowerBound == day(ref))
    }

    @Test func weekdayInThePast() {
        #expect(tagDates("The ministers spoke on Tuesday by phone.", on: ref).map(\.value) == ["2020-11-10"])
    }

    @Test func yesterdayAndAgo() {
        #expect(tagDates("The envoy arrived yesterday.", on: ref).map(\.value) == ["2020-11-11"])
        #expect(tagDates("The talks began two years ago.", on: ref).map(\.value) == ["2018"])
    }

    @Test func vagueOffsetKeepsItsAnchor() {
        let e = tagDates("The leak came days before the 2020 election.", on: ref)
        #expect(e.count == 1)
        #expect(e.first?.text == "days before the 2020 election")
        #expect(e.first?.value == "2020")
        #expect(e.first?.modifier == .before)
        if case .earlierDate(let s)? = e.first?.anchor {
            #expect(s.length == 4)
        } else {
            Issue.record("expected an anchor on the year")
        }
    }

    @Test func exactOffsetIsComputed() {
        let e = tagDates("The reply came two days after Nov. 12, 2020.")
        #expect(e.map(\.value) == ["2020-11-14"])
    }

    @Test func relativeWithoutDocumentDateStaysUnresolved() {
        let e = tagDates("Talks open next month in Geneva.")
        #expect(e.map(\.value) == ["XXXX-XX"])
        #expect(e.first?.interval == nil)
    }

    @Test func referenceToAnEarlierDate() {
        let e = tagDates("The war began in 1950, and the following year talks opened.")
        #expect(e.map(\.value) == ["1950", "1951"])
        #expect(e.last?.anchor == .earlierDate(e[0].span))
    }
}

@Suite struct NonDateTrapTests {
    @Test(arguments: [
        "Growth reached 13.9% in the quarter.",
        "Prices rose 400% over the decade of reform.",
        "They marked the 70th anniversary with a parade.",
        "The deployment of 1,000 troops was approved.",
        "The count was 2,225 according to officials.",
        "See page 2019 of the report for details.",
        "He finished 2nd and she was 31st in the vote.",
        "The vote opens at 10:30 and closes at 14:00.",
        "The vote opens at 10 a.m. and closes at 9 pm.",
        "Officials may meet again soon.",
        "Thousands joined a march through the capital.",
        "Prime Minister Theresa May spoke to reporters.",
        "May I ask a question, the reporter said.",
        "About 2000 soldiers crossed the river.",
        "It cost $1990 to file the claim.",
        "He led a 2000-strong force into the hills.",
        "The rate was 1998 per million residents.",
    ])
    func notADate(_ text: String) {
        let found = tagDates(text, on: "2020-11-12")
        #expect(found.isEmpty, "\(text) gave \(found.map(\.text))")
    }

    @Test func numbersAroundARealDate() {
        let e = tagDates("On Nov. 12, 2020, 1,000 troops moved and prices rose 13.9%.")
        #expect(e.map(\.text) == ["Nov. 12, 2020"])
    }
}

@Suite struct MoreExpressionTests {
    // 2020-11-12 is a Thursday.
    @Test(arguments: [
        ("Relations were warmer in the '90s than now.", "199X"),
        ("The envoy returns tomorrow for talks.", "2020-11-13"),
        ("The envoy met reporters today in Seoul.", "2020-11-12"),
        ("The envoy left last Friday after talks.", "2020-11-06"),
        ("Crowds gathered over the weekend downtown.", "2020-11-07/weekend"),
        ("Talks collapsed last December in Hanoi.", "2019-12"),
        ("Exports have slowed since March, the ministry said.", "2020-03"),
        ("Tensions rose over the past few weeks.", "PAST_REF"),
        ("The envoy returns next week for talks.", "2020-W47"),
        ("The envoy visited last week for talks.", "2020-W45"),
        ("Sanctions were first imposed three years ago.", "2017"),
        ("Thirty years ago today the two states opened relations.", "1990-11-12"),
        ("Five years ago this week the first battery arrived.", "2015-W46"),
    ])
    func relativeForms(_ c: (String, String)) {
        let e = tagDates(c.0, on: "2020-11-12")
        #expect(e.count == 1, "\(c.0) gave \(e.map(\.text))")
        if c.1.hasSuffix("/weekend") {
            #expect(e.first?.interval?.lowerBound == day(String(c.1.prefix(10))))
            #expect(e.first?.value.hasSuffix("-WE") == true)
        } else {
            #expect(e.first?.value == c.1)
        }
    }

    @Test func anchoredForms() {
        let a = tagDates("The talks opened on June 25, 1950, and a ceasefire came a year later.")
        #expect(a.map(\.value) == ["1950-06-25", "1951"])
        let b = tagDates("The war began in 1950; later that year the front moved south.")
        #expect(b.map(\.value) == ["1950", "1950"])
        let c = tagDates("The treaty was signed on 1 October 1953 and ratified the next day.")
        #expect(c.map(\.value) == ["1953-10-01", "1953-10-02"])
        let d = tagDates("Nobody knows what happened the following year.")
        #expect(d.isEmpty)
    }

    @Test func weekdayBeforeAFullDateYieldsToIt() {
        #expect(tagDates("They met on Tuesday, Nov. 10, 2020, in Seoul.", on: "2020-11-12").map(\.value) == ["2020-11-10"])
    }

    @Test(arguments: [
        "The council passed Resolution 1718 unanimously.",
        "The ruling is listed as No. 1718 in the register.",
        "Output grew 400 percent after the reform.",
        "Marchers remembered Bloody Sunday in the square.",
        "The firm hired its last year of graduates early.",
        "Today's China is a different country.",
    ])
    func moreTraps(_ text: String) {
        let found = tagDates(text, on: "2020-11-12")
        #expect(found.isEmpty, "\(text) gave \(found.map(\.text))")
    }
}

@Suite struct TaggerRobustnessTests {
    /// Sentences glued from date-like pieces in a fixed pseudo-random order: nothing may crash,
    /// every span must lie inside the text and match its `text`, every interval must be non-empty.
    @Test func gluedPiecesStayConsistent() {
        let pieces = [
            "Nov.", "12", ",", "2020", "–", "-", "25", "the", "early", "mid-", "late", "last", "next", "this", "year",
            "week", "weekend", "at", "in", "since", "from", "to", "between", "and", "May", "may", "March", "1990s", "'90s",
            "13.9%", "1,000", "31st", "Feb", "29", "30", "/", "12/25/2020", "2020-02-30", "2020-11-12", "ago", "two",
            "days", "before", "after", "today", "Tuesday", "summer", "of", "fall", "winter", "\n", "—", "“", "”", "é",
            "한국", "😀", "\u{1B}[31m", ":", "10:30", "a.m.", "following", "the same day", "that year", "earlier",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let tagger = TemporalTagger()
        for round in 0..<400 {
            let text = (0..<(5 + next(25))).map { _ in pieces[next(pieces.count)] }.joined(separator: next(3) == 0 ? "" : " ")
            let found = tagger.expressions(in: text, documentDate: round % 3 == 0 ? nil : PartialDate(iso: "2020-11-12"))
            let bytes = Array(text.utf8)
            for e in found {
                #expect(e.span.start >= 0 && Int(e.span.end) <= bytes.count && e.span.start < e.span.end, "\(text)")
                #expect(String(decoding: bytes[e.span.range], as: UTF8.self) == e.text)
                if let r = e.interval { #expect(!r.isEmpty, "\(text) → \(e.value)") }
            }
        }
    }
}
