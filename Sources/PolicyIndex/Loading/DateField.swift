import Foundation

/// Reads the publication date written in metadata or in a date line: ISO 8601
/// (`2020-11-12T09:00:00+09:00`, `2020/11/12`, `20201112`, `2020-11`, `2020`),
/// written-out dates (`November 12, 2020`, `Nov. 12, 2020`, `12 November 2020`,
/// `Thu, 12 Nov 2020 09:00:00 GMT`, `November 2020`).
///
/// All-numeric day/month forms (`11/12/2020`) are refused: they mean different
/// days in different countries, and polex never guesses precision it lacks.
enum DateField {
    static func parse(_ text: some StringProtocol) -> PartialDate? {
        // Every form has a four-digit year; most lines asked about have no digit at all.
        guard hasDigit(text) else { return nil }
        let s = text.trimmingCharacters(in: .whitespaces)
        let u = Array(s.utf8.prefix(64))
        guard !u.isEmpty else { return nil }
        if let iso = isoLike(u) { return iso }
        return written(u)
    }

    /// A short line that is only a date, perhaps with a label (`Published: Nov. 3, 2020`,
    /// `Updated 12 November 2020 at 9:14 am`) or a relative age (`3 hours ago`).
    static func isDateLine(_ text: some StringProtocol) -> Bool {
        // A date has a year and an age a count: no digit, no date line.
        guard hasDigit(text) else { return false }
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= 12 else { return false }
        if parse(text) != nil { return true }
        if words.count <= 4, words.last?.lowercased() == "ago", words.first.map({ Int($0) != nil }) == true { return true }
        return false
    }

    private static func hasDigit(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func digits(_ u: [UInt8], _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.upperBound <= u.count else { return nil }
        var v = 0
        for i in r {
            guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
            v = v * 10 + Int(u[i] - 0x30)
        }
        return v
    }

    private static func isoLike(_ u: [UInt8]) -> PartialDate? {
        guard let y = digits(u, 0..<min(4, u.count)), u.count >= 4, (1000...2999).contains(y) else { return nil }
        if u.count == 4 { return PartialDate(year: y) }
        if u.count >= 8, let m = digits(u, 4..<6), let d = digits(u, 6..<8), u.count == 8 || !(u[8] >= 0x30 && u[8] <= 0x39) {
            return valid(y, m, d)
        }
        let sep = u[4]
        guard sep == 0x2D || sep == 0x2F || sep == 0x2E else { return u[4] == 0x54 || u[4] == 0x20 ? PartialDate(year: y) : nil }
        var k = 5
        var m = 0
        while k < u.count, k < 7, let dg = digits(u, k..<(k + 1)) {
            m = m * 10 + dg
            k += 1
        }
        guard k > 5, (1...12).contains(m) else { return nil }
        guard k < u.count, u[k] == sep else { return PartialDate(year: y, month: m) }
        k += 1
        var d = 0
        let ds = k
        while k < u.count, k < ds + 2, let dg = digits(u, k..<(k + 1)) {
            d = d * 10 + dg
            k += 1
        }
        guard k > ds else { return PartialDate(year: y, month: m) }
        return valid(y, m, d)
    }

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> PartialDate? {
        guard (1...12).contains(m), d >= 1, d <= DayNumber.daysInMonth(year: y, month: m) else { return nil }
        return PartialDate(year: y, month: m, day: d)
    }

    /// Dates with a month name: the day is the number right beside the month.
    private static func written(_ u: [UInt8]) -> PartialDate? {
        var tokens: [Range<Int>] = []
        var i = 0
        while i < u.count {
            let isAlnum = { (b: UInt8) in (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 }
            if isAlnum(u[i]) {
                let s = i
                while i < u.count, isAlnum(u[i]) { i += 1 }
                tokens.append(s..<i)
            } else {
                i += 1
            }
        }
        var monthAt: Int?
        var month = 0
        var year: Int?
        for (t, r) in tokens.enumerated() {
            if monthAt == nil, let m = monthNumber(u, r) {
                monthAt = t
                month = m
            } else if year == nil, r.count == 4, let y = digits(u, r), (1000...2999).contains(y) {
                year = y
            }
        }
        guard let y = year else { return nil }
        guard let at = monthAt else { return nil }
        func day(_ t: Int) -> Int? {
            guard t >= 0, t < tokens.count else { return nil }
            let r = tokens[t]
            var e = r.lowerBound
            while e < r.upperBound, u[e] >= 0x30, u[e] <= 0x39 { e += 1 }
            guard e > r.lowerBound, e - r.lowerBound <= 2 else { return nil }
            let suffix = String(decoding: u[e..<r.upperBound], as: UTF8.self).lowercased()
            guard ["", "st", "nd", "rd", "th"].contains(suffix) else { return nil }
            return digits(u, r.lowerBound..<e)
        }
        if let d = day(at + 1) ?? day(at - 1) { return valid(y, month, d) ?? PartialDate(year: y, month: month) }
        return PartialDate(year: y, month: month)
    }

    private static func monthNumber(_ u: [UInt8], _ r: Range<Int>) -> Int? {
        guard r.count >= 3, r.count <= 9 else { return nil }
        let w = String(decoding: u[r].map { $0 | 0x20 }, as: UTF8.self)
        if let m = months.firstIndex(of: w) { return m + 1 }
        if r.count <= 4, let m = months.firstIndex(where: { $0.hasPrefix(w) }), w.count >= 3 {
            return w == "sept" || w.count == 3 ? m + 1 : nil
        }
        return nil
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
}
