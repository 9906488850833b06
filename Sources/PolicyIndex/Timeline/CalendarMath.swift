/// Calendar arithmetic on day numbers (days since 1970-01-01) for weeks,
/// seasons, decades and shifted dates. No Foundation calendar: it would drag
/// in time zones that dates in prose do not have.
enum CalendarMath {
    /// ISO weekday, 1 Monday … 7 Sunday.
    static func weekday(_ day: Int) -> Int {
        ((day % 7) + 7 + 3) % 7 + 1
    }

    /// ISO 8601 week-numbering year and week of a day.
    static func isoWeek(_ day: Int) -> (year: Int, week: Int) {
        let thursday = day - (weekday(day) - 1) + 3
        let year = DayNumber.civil(thursday).year
        return (year, (thursday - DayNumber.from(year: year, month: 1, day: 1)) / 7 + 1)
    }

    static func mondayOfWeek(_ day: Int) -> Int { day - (weekday(day) - 1) }

    /// `2020-W46`.
    static func weekValue(_ day: Int) -> String {
        let w = isoWeek(day)
        return DateText.year(w.year) + "-W" + DateText.pad2(w.week)
    }

    /// Month counted from year 0, so months can be shifted by plain addition.
    static func monthIndex(year: Int, month: Int) -> Int { year * 12 + month - 1 }
    static func month(fromIndex i: Int) -> PartialDate {
        let y = i >= 0 ? i / 12 : (i - 11) / 12
        return PartialDate(year: y, month: i - y * 12 + 1)
    }

    static func interval(_ d: PartialDate) -> Range<Int> { d.firstDay..<d.endDay }

    static func dayDate(_ day: Int) -> PartialDate {
        let c = DayNumber.civil(day)
        return PartialDate(year: c.year, month: c.month, day: c.day)
    }

    // MARK: Seasons (meteorological, northern hemisphere: winter Y runs from December Y into February Y+1)

    static let seasonCodes = ["SP", "SU", "FA", "WI"]

    static func seasonIndex(year: Int, season: Int) -> Int { year * 4 + season - 1 }

    /// The season a month falls in, as an index; January and February belong to the previous year's winter.
    static func seasonIndex(year: Int, month: Int) -> Int {
        switch month {
        case 3...5: return seasonIndex(year: year, season: 1)
        case 6...8: return seasonIndex(year: year, season: 2)
        case 9...11: return seasonIndex(year: year, season: 3)
        case 12: return seasonIndex(year: year, season: 4)
        default: return seasonIndex(year: year - 1, season: 4)
        }
    }

    static func season(fromIndex i: Int) -> (year: Int, season: Int) {
        let y = i >= 0 ? i / 4 : (i - 3) / 4
        return (y, i - y * 4 + 1)
    }

    static func seasonValue(index i: Int) -> String {
        let s = season(fromIndex: i)
        return DateText.year(s.year) + "-" + seasonCodes[s.season - 1]
    }

    static func seasonInterval(index i: Int) -> Range<Int> {
        let s = season(fromIndex: i)
        let firstMonth = [3, 6, 9, 12][s.season - 1]
        let start = DayNumber.from(year: s.year, month: firstMonth, day: 1)
        let endMonth = monthIndex(year: s.year, month: firstMonth) + 3
        return start..<month(fromIndex: endMonth).firstDay
    }

    // MARK: Decades and centuries

    /// `199X` for the 1990s.
    static func decadeValue(_ firstYear: Int) -> String { String(DateText.year(firstYear).dropLast()) + "X" }
    static func decadeInterval(_ firstYear: Int) -> Range<Int> {
        DayNumber.from(year: firstYear, month: 1, day: 1)..<DayNumber.from(year: firstYear + 10, month: 1, day: 1)
    }
    /// `19XX` for the 20th century (1900–1999, as the phrase is used in prose).
    static func centuryValue(_ firstYear: Int) -> String { String(DateText.year(firstYear).dropLast(2)) + "XX" }
    static func centuryInterval(_ firstYear: Int) -> Range<Int> {
        DayNumber.from(year: firstYear, month: 1, day: 1)..<DayNumber.from(year: firstYear + 100, month: 1, day: 1)
    }

    // MARK: Modifiers

    /// The part of an interval that `early`, `mid` and `late` speak of: thirds of it.
    /// The value keeps its own precision; only the interval narrows.
    static func narrow(_ r: Range<Int>, by modifier: TimeModifier) -> Range<Int> {
        let third = max(1, r.count / 3)
        switch modifier {
        case .start: return r.lowerBound..<min(r.upperBound, r.lowerBound + third)
        case .mid: return min(r.upperBound - 1, r.lowerBound + third)..<max(r.lowerBound + 1, r.upperBound - third)
        case .end: return max(r.lowerBound, r.upperBound - third)..<r.upperBound
        case .approximate, .before, .after: return r
        }
    }
}
