/// Patterns that carry (or may carry) their own year: month names, numbers,
/// seasons, decades.
extension TaggerRun {
    // MARK: Numbers in context

    /// A number that can be a day of the month: 1–31, no grouping, not a time or a percentage.
    func dayNumber(_ i: Int) -> Int? {
        guard let t = tok(i), t.kind == .number, t.digits <= 2,
            t.flags.isDisjoint(with: [.grouped, .plural, .unit]), (1...31).contains(t.key)
        else { return nil }
        if isTimeOrAmount(i) { return nil }
        return Int(t.key)
    }

    /// A four-digit number that can be a year and is not followed by `%` or a unit.
    func yearNumber(_ i: Int) -> Int? {
        guard let t = tok(i), let v = t.plainNumber, t.digits == 4, (1000...2199).contains(v) else { return nil }
        if isTimeOrAmount(i) { return nil }
        return v
    }

    /// `10:30`, `10 a.m.`, `13.9%`, `400 percent`, `2000 troops`.
    func isTimeOrAmount(_ i: Int) -> Bool {
        if isPunct(i - 1, 0x3A), touches(i - 1) { return true }
        guard let next = tok(i + 1) else { return false }
        if next.isPunct(0x3A), touches(i), tok(i + 2)?.kind == .number { return true }
        if next.isPunct(0x25) { return true }
        if next.kind == .word {
            if case .notYearAfter? = next.word { return true }
            if next.key == DateLexicon.amKey || next.key == DateLexicon.pmKey { return true }
            if next.key == DateLexicon.aKey || next.key == DateLexicon.pKey, isPunct(i + 2, 0x2E), tok(i + 3)?.key == DateLexicon.mKey {
                return true
            }
        }
        return false
    }

    /// A number introduced as a page, a count or a sum (`page 2019`, `about 2000`, `$1990`, `#2020`).
    func isIntroducedAsNonDate(_ i: Int) -> Bool {
        var p = i - 1
        if isPunct(p, 0x2E) { p -= 1 }  // `No. 2019`, `p. 1990`
        guard let t = tok(p) else { return false }
        if t.kind == .word, case .notYearBefore? = t.word { return true }
        if t.kind == .punct {
            switch t.key {
            case 0x24, 0x23, 0xA3, 0x20AC, 0xA5, 0x20A9: return true  // $ # £ € ¥ ₩
            default: return false
            }
        }
        return false
    }

    /// Words that make a following bare number a date rather than a count.
    func introducesDate(_ i: Int) -> Bool {
        switch kw(i) {
        case .inPrep?, .since?, .until?, .by?, .before?, .after?, .during?, .through?, .from?, .to?, .between?,
            .of?, .the?, .early?, .mid?, .late?, .and?, .end?, .beginning?, .start?, .middle?:
            return true
        default:
            return isPunct(i, 0x2D) || isPunct(i, 0x2013)
        }
    }

    // MARK: Month names

    mutating func matchMonth(_ i: Int, _ m: Int) -> FoundExpression? {
        let t = tokens[i]
        // `may` and `march` in lower case are a verb and a noun, never months.
        guard t.isCapitalized else { return nil }
        // `Theresa May`, `Prime Minister May`: a name before makes it a name.
        if t.key == DateLexicon.mayKey, let p = tok(i - 1), p.kind == .word, p.isCapitalized, p.word == nil { return nil }
        let abbreviated = DateLexicon.abbreviatedMonthKeys.contains(t.key)
        var j = i + 1
        if abbreviated, isPunct(j, 0x2E), touches(i) { j += 1 }
        if let day = dayNumber(j) {
            var k = j + 1
            var lastDay = day
            // `Nov. 12-14`: a run of days in one month.
            if let dash = tok(k), dash.isDash, touches(j), let d2 = dayNumber(k + 1), d2 > day, touches(k) {
                lastDay = d2
                k += 2
            }
            var y = k
            if isPunct(y, 0x2C) { y += 1 }
            if let year = yearNumber(y) {
                return dayRange(i, y + 1, year: year, month: m, first: day, last: lastDay)
            }
            return yearless(i, k, month: m, day: day, lastDay: lastDay, qualifier: nil)
        }
        if let year = yearNumber(j) { return FoundExpression(i, j + 1, date: PartialDate(year: year, month: m)) }
        if kw(j) == .of, let year = yearNumber(j + 1) { return FoundExpression(i, j + 2, date: PartialDate(year: year, month: m)) }
        // `in October of that year`, `in May the same year`: the year is the one just named.
        var k = j
        if kw(k) == .of { k += 1 }
        if kw(k) == .that || kw(k) == .the && kw(k + 1) == .same, let a = previous, a.grain <= .year,
            case .unit(.year, plural: false)? = tok(kw(k) == .that ? k + 1 : k + 2)?.word
        {
            let hi = kw(k) == .that ? k + 2 : k + 3
            return FoundExpression(
                i, hi, date: PartialDate(year: DayNumber.civil(a.start).year, month: m), anchor: .earlierDate(a.span))
        }
        // A month name alone must be a full name introduced as a time (`in June`, `since March`).
        guard !abbreviated else { return nil }
        var p = i - 1
        if isPunct(p, 0x2D), touches(p) { p -= 1 }
        switch kw(p) {
        case .last?, .next?, .this?:
            return yearless(p, i + 1, month: m, day: nil, lastDay: nil, qualifier: kw(p))
        case .inPrep?, .since?, .until?, .by?, .before?, .after?, .during?, .through?, .from?, .to?, .between?, .of?,
            .early?, .mid?, .late?, .and?:
            return yearless(i, i + 1, month: m, day: nil, lastDay: nil, qualifier: nil)
        default:
            return nil
        }
    }

    func dayRange(_ lo: Int, _ hi: Int, year: Int, month: Int, first: Int, last: Int, anchor: TimeAnchor = .none) -> FoundExpression? {
        guard last <= DayNumber.daysInMonth(year: year, month: month) else { return nil }
        let a = PartialDate(year: year, month: month, day: first)
        guard last != first else { return FoundExpression(lo, hi, date: a, anchor: anchor) }
        let z = PartialDate(year: year, month: month, day: last)
        var f = FoundExpression(lo, hi, value: a.iso + "/" + z.iso, grain: .day, interval: a.firstDay..<z.endDay, anchor: anchor)
        f.isRange = true
        return f
    }

    /// A month (and day) without a year: in the year of a recent narrative date when the
    /// text is telling another year, else in the year around the document date.
    func yearless(_ lo: Int, _ hi: Int, month m: Int, day: Int?, lastDay: Int?, qualifier: DateKeyword?) -> FoundExpression? {
        let byDocument = documentYear(lo, hi, month: m, day: day, qualifier: qualifier)
        var year: Int
        var anchor = TimeAnchor.documentDate
        if qualifier == nil, let n = narrativeYear(shifted: byDocument.map { $0 != reference?.year } ?? false) {
            (year, anchor) = (n.year, .earlierDate(n.span))
        } else if let y = byDocument {
            year = y
        } else {
            let value = "XXXX-" + DateText.pad2(m) + (day.map { "-" + DateText.pad2($0) } ?? "")
            var f = FoundExpression(lo, hi, value: value, grain: day == nil ? .month : .day, interval: nil)
            f.yearlessMonth = m
            f.yearlessDay = day
            return f
        }
        var f: FoundExpression?
        if let d = day {
            f = dayRange(lo, hi, year: year, month: m, first: d, last: lastDay ?? d, anchor: anchor)
        } else {
            f = FoundExpression(lo, hi, date: PartialDate(year: year, month: m), anchor: anchor)
        }
        f?.yearlessMonth = m
        f?.yearlessDay = day
        return f
    }

    /// The year a month (and day) without one takes from the document date.
    ///
    /// A past-tense sentence cannot speak of a day after the document was written,
    /// so such a month-day belongs to the year before; a future-tense one before
    /// the document's month belongs to the year after; without a tense, the
    /// occurrence nearest the document date.
    func documentYear(_ lo: Int, _ hi: Int, month m: Int, day: Int?, qualifier: DateKeyword?) -> Int? {
        guard let ref = reference else { return nil }
        guard let refMonth = ref.month else { return qualifier == nil ? ref.year : nil }
        let current = CalendarMath.monthIndex(year: ref.year, month: refMonth)
        var idx = CalendarMath.monthIndex(year: ref.year, month: m)
        switch qualifier {
        case .last?: if idx >= current { idx -= 12 }
        case .next?: if idx <= current { idx += 12 }
        case .this?: break
        default:
            let refDay = ref.day ?? 0
            let after = idx > current || (idx == current && ref.day != nil && (day ?? 0) > refDay)
            let before = idx < current || (idx == current && ref.day != nil && day != nil && day! < refDay)
            // `since June 9`: the day lies before the document.
            switch kw(lo - 1) == .since ? .past : tense(lo, hi) {
            case .past where after: idx -= 12
            case .future where before: idx += 12
            case .unknown:
                if idx - current > 6 { idx -= 12 } else if current - idx > 6 { idx += 12 }
            default: break
            }
        }
        return CalendarMath.month(fromIndex: idx).year
    }

    /// The year of a recent narrative date (with its own year, at month or day precision)
    /// when it is not the document's: a retrospective of 1950 written in 2020 goes on
    /// `on July 5` meaning 1950. It counts in the same paragraph or the sentence before;
    /// up to three sentences back when the document date would push the day into the
    /// year before the document, which a retrospective rarely means.
    func narrativeYear(shifted: Bool = false) -> (year: Int, span: TextSpan)? {
        guard let n = narrative, n.year != reference?.year else { return nil }
        let distance = sentenceOrdinal - n.sentence
        guard n.paragraph == paragraph || distance <= 1 || shifted && distance <= 3 else { return nil }
        return (n.year, n.span)
    }

    // MARK: Numbers

    mutating func matchNumber(_ i: Int) -> FoundExpression? {
        let t = tokens[i]
        if !t.flags.isDisjoint(with: [.grouped, .unit]) || isTimeOrAmount(i) { return nil }
        if t.flags.contains(.ordinal) {
            if kw(i + 1) == .century, (1...30).contains(t.key) {
                let first = (Int(t.key) - 1) * 100
                return FoundExpression(
                    i, i + 2, value: CalendarMath.centuryValue(first), grain: .century, interval: CalendarMath.centuryInterval(first))
            }
            return dayThenMonth(i)
        }
        if t.flags.contains(.plural) {
            guard t.digits == 4, t.key % 10 == 0, (1000...2190).contains(t.key) else { return nil }
            let first = Int(t.key)
            return FoundExpression(i, i + 1, value: CalendarMath.decadeValue(first), grain: .decade, interval: CalendarMath.decadeInterval(first))
        }
        if t.digits == 4, let year = yearNumber(i) {
            if let f = numericYearFirst(i, year) { return f }
            if isIntroducedAsNonDate(i) { return nil }
            // `a 2000-strong force`: a number in a compound adjective.
            if isPunct(i + 1, 0x2D), touches(i), tok(i + 2)?.kind == .word { return nil }
            if let f = yearRange(i, year) { return f }
            let introduced = introducesDate(i - 1) || i == 0
            guard introduced || (1800...2099).contains(year) else { return nil }
            return FoundExpression(i, i + 1, date: PartialDate(year: year))
        }
        if t.digits <= 2, t.key >= 1 {
            if let f = numericDayMonthYear(i) { return f }
            if let f = dayThenMonth(i) { return f }
            if !isIntroducedAsNonDate(i) { return matchCount(i, Int(t.key)) }
        }
        return nil
    }

    /// `2020-11-12` and `2020/11/12`.
    func numericYearFirst(_ i: Int, _ year: Int) -> FoundExpression? {
        guard let sep = tok(i + 1), sep.isPunct(0x2D) || sep.isPunct(0x2F), touches(i), touches(i + 1), touches(i + 2),
            tok(i + 3)?.key == sep.key, touches(i + 3),
            let m = tok(i + 2)?.plainNumber, tok(i + 2)?.digits == 2, (1...12).contains(m),
            let d = tok(i + 4)?.plainNumber, tok(i + 4)?.digits == 2,
            (1...DayNumber.daysInMonth(year: year, month: m)).contains(d)
        else { return nil }
        return FoundExpression(i, i + 5, date: PartialDate(year: year, month: m, day: d))
    }

    /// `25/12/2020` or `12/25/2020`; when both readings are possible only the year is certain.
    func numericDayMonthYear(_ i: Int) -> FoundExpression? {
        guard isPunct(i + 1, 0x2F), touches(i), touches(i + 1), touches(i + 2), isPunct(i + 3, 0x2F), touches(i + 3),
            let a = tok(i)?.plainNumber, let c = tok(i + 2)?.plainNumber, tok(i + 2)!.digits <= 2,
            let year = tok(i + 4)?.plainNumber, tok(i + 4)!.digits == 4, (1000...2199).contains(year)
        else { return nil }
        var month = 0
        var day = 0
        if a > 12, c <= 12 {
            (day, month) = (a, c)
        } else if c > 12, a <= 12 {
            (month, day) = (a, c)
        } else if a == c {
            (month, day) = (a, c)
        } else {
            return FoundExpression(i, i + 5, date: PartialDate(year: year))
        }
        guard (1...12).contains(month), (1...DayNumber.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        return FoundExpression(i, i + 5, date: PartialDate(year: year, month: month, day: day))
    }

    /// `12 November 2020`, `12th of November`, `the 12th of November`.
    func dayThenMonth(_ i: Int) -> FoundExpression? {
        guard let day = dayNumber(i) else { return nil }
        var j = i + 1
        if kw(j) == .of { j += 1 }
        guard let mt = tok(j), let m = mt.month, mt.isCapitalized else { return nil }
        let abbreviated = DateLexicon.abbreviatedMonthKeys.contains(mt.key)
        var k = j + 1
        if abbreviated, isPunct(k, 0x2E), touches(j) { k += 1 }
        let lo = tokens[i].flags.contains(.ordinal) && kw(i - 1) == .the ? i - 1 : i
        var y = k
        if isPunct(y, 0x2C) { y += 1 }
        if let year = yearNumber(y) { return dayRange(lo, y + 1, year: year, month: m, first: day, last: day) }
        return yearless(lo, k, month: m, day: day, lastDay: nil, qualifier: nil)
    }

    /// `2019–2025`, `2019-2025`, `2019 – 2025`, `2019-25`.
    func yearRange(_ i: Int, _ year: Int) -> FoundExpression? {
        guard let dash = tok(i + 1), dash.isDash, let end = tok(i + 2), let v = end.plainNumber, !isTimeOrAmount(i + 2) else { return nil }
        var last: Int
        if end.digits == 4, (year...2199).contains(v) {
            last = v
        } else if end.digits == 2, touches(i), touches(i + 1), v > year % 100 {
            last = year / 100 * 100 + v
        } else {
            return nil
        }
        guard last > year else { return nil }
        let a = PartialDate(year: year)
        let z = PartialDate(year: last)
        var f = FoundExpression(i, i + 3, value: a.iso + "/" + z.iso, grain: .year, interval: a.firstDay..<z.endDay)
        f.isRange = true
        return f
    }

    /// `the '90s`: an apostrophe, two digits and a plural s.
    func matchShortDecade(_ i: Int) -> FoundExpression? {
        guard let t = tok(i), t.isPunct(0x27) || t.isPunct(0x2019), touches(i), let n = tok(i + 1), n.kind == .number,
            n.digits == 2, n.flags == .plural, n.key % 10 == 0
        else { return nil }
        // The century is not written: the 30s and later are taken as the 1900s.
        let first = Int(n.key) >= 30 ? 1900 + Int(n.key) : 2000 + Int(n.key)
        return FoundExpression(i, i + 2, value: CalendarMath.decadeValue(first), grain: .decade, interval: CalendarMath.decadeInterval(first))
    }

    // MARK: Seasons

    mutating func matchSeason(_ j: Int, _ s: Int, qualifier: DateKeyword?, lo: Int) -> FoundExpression? {
        let t = tokens[j]
        // `Arab Spring`, `Prague Spring`: a season after a name is part of the name.
        if qualifier == nil, let p = tok(j - 1), p.kind == .word, p.isCapitalized, p.word == nil { return nil }
        var k = j + 1
        if kw(k) == .of { k += 1 }
        if let year = yearNumber(k) {
            let idx = CalendarMath.seasonIndex(year: year, season: s)
            return FoundExpression(
                lo, k + 1, value: CalendarMath.seasonValue(index: idx), grain: .season, interval: CalendarMath.seasonInterval(index: idx))
        }
        // `the spring of hope`, `the fall of Kabul`.
        if kw(j + 1) == .of { return nil }
        let introduced: Bool
        switch kw(j - 1) {
        case .inPrep?, .during?, .by?, .until?, .since?, .over?, .early?, .late?, .mid?: introduced = t.key != DateLexicon.fallKey
        case .the?:
            switch kw(j - 2) {
            case .inPrep?, .during?, .by?, .until?, .since?, .over?: introduced = true
            default: introduced = false
            }
        default: introduced = qualifier != nil
        }
        guard introduced else { return nil }
        if qualifier == nil, let n = narrativeYear() {
            let idx = CalendarMath.seasonIndex(year: n.year, season: s)
            return FoundExpression(
                lo, j + 1, value: CalendarMath.seasonValue(index: idx), grain: .season,
                interval: CalendarMath.seasonInterval(index: idx), anchor: .earlierDate(n.span))
        }
        guard let ref = reference, let refMonth = ref.month else {
            return FoundExpression(lo, j + 1, value: "XXXX-" + CalendarMath.seasonCodes[s - 1], grain: .season, interval: nil)
        }
        let current = CalendarMath.seasonIndex(year: ref.year, month: refMonth)
        var idx = CalendarMath.seasonIndex(year: CalendarMath.season(fromIndex: current).year, season: s)
        switch qualifier {
        case .last?: if idx >= current { idx -= 4 }
        case .next?: if idx <= current { idx += 4 }
        case .this?: break
        default:
            switch tense(lo, j + 1) {
            case .past where idx > current: idx -= 4
            case .future where idx < current: idx += 4
            default: break
            }
        }
        return FoundExpression(
            lo, j + 1, value: CalendarMath.seasonValue(index: idx), grain: .season, interval: CalendarMath.seasonInterval(index: idx),
            anchor: .documentDate)
    }
}
