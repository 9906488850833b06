import PolicyIndex

/// Where an event sits in time, read once per event when the model is made.
///
/// `TimelineEvent.interval` and `.grain` go through the event's first entry,
/// copying it with its strings and arrays; the timeline list, its histogram and
/// the date filter asked that of every event on every filter change, which at
/// 50,000 articles (271,000 events) made clearing the filter take 130 ms.
struct EventPlace: Hashable, Sendable {
    /// First day and the day after the last (`DayNumber`); both 0 when undated.
    let start: Int32
    let end: Int32
    /// Calendar year and month (1–12) of `start`; month 0 when undated.
    let year: Int32
    let month: UInt8
    /// Named at a grain coarser than a month (a season, a year…): listed under
    /// its year rather than a month.
    let coarse: Bool

    init(_ event: TimelineEvent) {
        let primary = event.primary.expression
        guard let iv = primary.interval else {
            (start, end, year, month, coarse) = (0, 0, 0, 0, false)
            return
        }
        start = Int32(clamping: iv.lowerBound)
        end = Int32(clamping: iv.upperBound)
        let c = DayNumber.civil(iv.lowerBound)
        year = Int32(clamping: c.year)
        month = UInt8(c.month)
        coarse = primary.grain > .month
    }

    var isDated: Bool { month != 0 }
    /// The month counted as `year * 12 + month - 1`, as `MonthHistogram` counts.
    var monthIndex: Int { Int(year) * 12 + Int(month) - 1 }
    /// Whether the event overlaps the days `range`.
    func overlaps(_ range: Range<Int>) -> Bool { isDated && Int(start) < range.upperBound && Int(end) > range.lowerBound }
}
