/// A calendar date known to a given precision: a year, a month of a year, or a day.
///
/// polex never invents precision: a text that says "1954" yields the year 1954,
/// not a day in it.
public struct PartialDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable, Comparable {
        case year, month, day
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .year ? 0 : self == .month ? 1 : 2 }
    }

    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// ISO 8601 at its own precision: `2020`, `2020-11`, `2020-11-12`.
    public var iso: String {
        var s = DateText.year(year)
        if let m = month { s += "-" + DateText.pad2(m) }
        if let d = day { s += "-" + DateText.pad2(d) }
        return s
    }
    public var description: String { iso }

    /// Parses `2020`, `2020-11`, `2020-11-12` (and a trailing time, which is ignored).
    public init?(iso text: some StringProtocol) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count > 1 {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count > 2 {
            guard let d = Int(parts[2].prefix(2)), (1...31).contains(d) else { return nil }
            day = d
        }
        self.init(year: y, month: month, day: day)
    }

    /// Sorts a year before its months and a month before its days, so that
    /// coarse dates sit at the start of their period.
    public static func < (a: Self, b: Self) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// The first day covered, as days since 1970-01-01.
    public var firstDay: Int { DayNumber.from(year: year, month: month ?? 1, day: day ?? 1) }
    /// The day after the last day covered, as days since 1970-01-01.
    public var endDay: Int {
        if day != nil { return firstDay + 1 }
        if let m = month {
            return m == 12 ? DayNumber.from(year: year + 1, month: 1, day: 1) : DayNumber.from(year: year, month: m + 1, day: 1)
        }
        return DayNumber.from(year: year + 1, month: 1, day: 1)
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (no Foundation needed).
public enum DayNumber {
    public static func from(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

enum DateText {
    static func year(_ v: Int) -> String {
        let digits = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
