/// How a normalised date reads for people: at its own precision, with its
/// modifier, never with more detail than the text gave.
extension TemporalExpression {
    /// `2020-11-12`, `2020-11`, `early 2021`, `summer 2019`, `1990s`, `week of 2020-11-09`, `2019–2025`, `before 2020`.
    public var displayDate: String {
        let base: String
        if isRange, let slash = value.firstIndex(of: "/") {
            let first = String(value[..<slash])
            let last = String(value[value.index(after: slash)...])
            // `2019-02-27–28`: days of one month need the month once.
            let sameMonth = first.count == 10 && last.count == 10 && first.prefix(8) == last.prefix(8)
            base = DateDisplay.single(first, grain: grain, interval: nil) + "–"
                + (sameMonth ? String(last.suffix(2)) : DateDisplay.single(last, grain: grain, interval: nil))
        } else {
            base = DateDisplay.single(value, grain: grain, interval: interval)
        }
        switch modifier {
        case .start?: return "early " + base
        case .mid?: return "mid " + base
        case .end?: return "late " + base
        case .before?: return "before " + base
        case .after?: return "after " + base
        case .approximate?: return "about " + base
        case nil: return base
        }
    }
}

extension TimelineEvent {
    public var displayDate: String { primary.expression.displayDate }
}

enum DateDisplay {
    static let seasonNames = ["SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"]

    static func single(_ value: String, grain: TimeGrain, interval: Range<Int>?) -> String {
        if value == "PAST_REF" || value == "FUTURE_REF" {
            guard let r = interval else { return value == "PAST_REF" ? "recently" : "soon" }
            let day = CalendarMath.dayDate(value == "PAST_REF" ? r.upperBound : r.lowerBound).iso
            return (value == "PAST_REF" ? "the " : "the coming ") + unitName(grain) + (value == "PAST_REF" ? " to " : " from ") + day
        }
        if value.hasSuffix("-WE"), let r = interval { return "weekend of " + CalendarMath.dayDate(r.lowerBound).iso }
        if grain == .week, value.contains("-W"), let r = interval { return "week of " + CalendarMath.dayDate(r.lowerBound).iso }
        if grain == .season, value.count == 7, let name = seasonNames[String(value.suffix(2))] {
            return name + " " + value.prefix(4)
        }
        if grain == .decade, value.hasSuffix("X") { return value.dropLast() + "0s" }
        if grain == .century, value.hasSuffix("XX") { return value.dropLast(2) + "00s" }
        return value
    }

    static func unitName(_ g: TimeGrain) -> String {
        switch g {
        case .day: "days"
        case .week: "weeks"
        case .month: "months"
        case .season: "seasons"
        case .quarter: "quarters"
        case .year: "years"
        case .decade: "decades"
        case .century: "centuries"
        }
    }
}
