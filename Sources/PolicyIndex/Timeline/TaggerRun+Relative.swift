/// Patterns resolved against the document date (`next month`, `on Tuesday`)
/// or against an earlier date in the text (`the following year`).
extension TaggerRun {
    /// A period of `unit` containing `start` (a day number known to `known` precision), shifted by `n` units.
    /// Nil when the known precision is too coarse: a year cannot tell which week it is.
    func period(start: Int, known: TimeGrain, unit: TimeGrain, shift n: Int) -> (value: String, grain: TimeGrain, interval: Range<Int>)? {
        guard known <= unit else { return nil }
        let c = DayNumber.civil(start)
        switch unit {
        case .day:
            let d = start + n
            return (CalendarMath.dayDate(d).iso, .day, d..<(d + 1))
        case .week:
            let m = CalendarMath.mondayOfWeek(start) + 7 * n
            return (CalendarMath.weekValue(m), .week, m..<(m + 7))
        case .month:
            let p = CalendarMath.month(fromIndex: CalendarMath.monthIndex(year: c.year, month: c.month) + n)
            return (p.iso, .month, CalendarMath.interval(p))
        case .year:
            let p = PartialDate(year: c.year + n)
            return (p.iso, .year, CalendarMath.interval(p))
        case .decade:
            let first = (c.year / 10 + n) * 10
            return (CalendarMath.decadeValue(first), .decade, CalendarMath.decadeInterval(first))
        default:
            return nil
        }
    }

    static func grain(of d: PartialDate) -> TimeGrain {
        switch d.precision {
        case .day: .day
        case .month: .month
        case .year: .year
        }
    }

    /// A period relative to the document date; unresolved (`XXXX-XX`) without one.
    func relative(_ lo: Int, _ hi: Int, unit: TimeGrain, shift n: Int) -> FoundExpression {
        if let r = reference, let p = period(start: r.firstDay, known: Self.grain(of: r), unit: unit, shift: n) {
            return FoundExpression(lo, hi, value: p.value, grain: p.grain, interval: p.interval, anchor: .documentDate)
        }
        let value: String
        switch unit {
        case .day: value = "XXXX-XX-XX"
        case .week: value = "XXXX-WXX"
        case .month: value = "XXXX-XX"
        default: value = "XXXX"
        }
        return FoundExpression(lo, hi, value: value, grain: unit, interval: nil)
    }

    /// A period relative to the last date found earlier in the document.
    func anchored(_ lo: Int, _ hi: Int, unit: TimeGrain, shift n: Int) -> FoundExpression? {
        guard let a = previous, let p = period(start: a.start, known: a.grain, unit: unit, shift: n) else { return nil }
        return FoundExpression(lo, hi, value: p.value, grain: p.grain, interval: p.interval, anchor: .earlierDate(a.span))
    }

    /// `in the coming months`, `in recent years`: a vague stretch before or after the document date.
    func vagueReference(_ lo: Int, _ hi: Int, unit: TimeGrain, future: Bool) -> FoundExpression {
        var lo = lo
        switch kw(lo - 1) {
        case .inPrep?, .over?, .within?, .during?: lo -= 1
        default: break
        }
        let length: Int
        switch unit {
        case .day: length = 7
        case .week: length = 31
        case .month: length = 183
        case .year: length = 3 * 365
        default: length = 10 * 365
        }
        var interval: Range<Int>?
        if let r = reference {
            let start = r.precision == .day ? r.firstDay : future ? r.endDay : r.firstDay
            interval = future ? start..<(start + length) : (start - length)..<start
        }
        var f = FoundExpression(
            lo, hi, value: future ? "FUTURE_REF" : "PAST_REF", grain: unit, interval: interval,
            anchor: reference == nil ? .none : .documentDate, modifier: .approximate)
        f.isReference = true
        return f
    }

    func isDeterminer(_ i: Int) -> Bool {
        switch tok(i)?.word {
        case .keyword(.the)?, .keyword(.that)?, .keyword(.this)?, .keyword(.determiner)?, .count(1)?: return true
        default: return false
        }
    }

    mutating func matchKeyword(_ i: Int, _ k: DateKeyword) -> FoundExpression? {
        switch k {
        case .today, .yesterday, .tomorrow:
            // `today's China` speaks of the present in general, not of a day.
            if k == .today, let a = tok(i + 1), a.isPunct(0x27) || a.isPunct(0x2019), touches(i) { return nil }
            return relative(i, i + 1, unit: .day, shift: k == .today ? 0 : k == .yesterday ? -1 : 1)
        case .this, .last, .next:
            return qualified(i, k)
        case .earlier, .later:
            return partOfPeriod(i, k)
        case .the:
            return theRelative(i)
        case .coming, .recent:
            guard case .unit(let g, plural: true)? = tok(i + 1)?.word else { return nil }
            return vagueReference(i, i + 2, unit: g, future: k == .coming)
        case .that:
            guard case .unit(let g, plural: false)? = tok(i + 1)?.word, g <= .year else { return nil }
            return anchored(i, i + 2, unit: g, shift: 0)
        case .few, .several:
            guard case .unit(let g, plural: true)? = tok(i + 1)?.word, kw(i + 2) == .ago else { return nil }
            var f = vagueReference(tok(i - 1)?.word == .count(1) ? i - 1 : i, i + 3, unit: g, future: false)
            f.isReference = true
            return f
        default:
            return nil
        }
    }

    /// `this week`, `last year`, `next month`, `last Tuesday`, `this spring`, `last December`.
    mutating func qualified(_ i: Int, _ q: DateKeyword) -> FoundExpression? {
        // `its last year in office`, `the next year` (which refers back, not to the document date).
        guard !isDeterminer(i - 1), let n = tok(i + 1) else { return nil }
        switch n.word {
        case .unit(let g, plural: false)?:
            guard [.week, .month, .year, .decade].contains(g) else { return nil }
            return relative(i, i + 2, unit: g, shift: q == .last ? -1 : q == .next ? 1 : 0)
        case .keyword(.weekend)?:
            return weekend(i, i + 2, qualifier: q)
        case .weekday(let d)?:
            return matchWeekday(i + 1, d, qualifier: q, lo: i)
        case .season(let s)?:
            return matchSeason(i + 1, s, qualifier: q, lo: i)
        case .month(let m)?:
            guard n.isCapitalized, !DateLexicon.abbreviatedMonthKeys.contains(n.key) else { return nil }
            return yearless(i, i + 2, month: m, day: nil, lastDay: nil, qualifier: q)
        default:
            return nil
        }
    }

    /// `earlier this year`, `later this month`, `later that year`, `earlier in the year`.
    func partOfPeriod(_ i: Int, _ k: DateKeyword) -> FoundExpression? {
        var j = i + 1
        var q: DateKeyword
        switch kw(j) {
        case .this?, .that?, .last?, .next?:
            q = kw(j)!
            j += 1
        case .inPrep? where kw(j + 1) == .the:
            // In a narrative (`In 1950 … Later in the year`) the year is the one just named.
            q = previous == nil ? .this : .that
            j += 2
        default:
            return nil
        }
        guard case .unit(let g, plural: false)? = tok(j)?.word, [.week, .month, .year].contains(g) else { return nil }
        let pivot: Int?
        var f: FoundExpression
        if q == .that {
            guard let a = anchored(i, j + 1, unit: g, shift: 0) else { return nil }
            f = a
            pivot = previous?.grain == .day ? previous?.start : nil
        } else {
            f = relative(i, j + 1, unit: g, shift: q == .last ? -1 : q == .next ? 1 : 0)
            pivot = q == .this && reference?.precision == .day ? reference?.firstDay : nil
        }
        // Only the stretch before (or after) the pivot day is meant; the value keeps the period.
        if let p = pivot, let r = f.interval {
            let part = k == .earlier ? r.lowerBound..<p : (p + 1)..<r.upperBound
            if !part.isEmpty, r.contains(p) { f.interval = part }
        }
        return f
    }

    /// Phrases that start with `the`.
    mutating func theRelative(_ i: Int) -> FoundExpression? {
        guard let n1 = tok(i + 1) else { return nil }
        switch n1.word {
        case .keyword(.following)?, .keyword(.next)?, .keyword(.previous)?, .keyword(.same)?:
            if case .unit(let g, plural: false)? = tok(i + 2)?.word, g <= .year {
                let k = n1.keyword!
                return anchored(i, i + 3, unit: g, shift: k == .previous ? -1 : k == .same ? 0 : 1)
            }
            if n1.keyword == .next || n1.keyword == .coming { return vagueAfterThe(i) }
            return nil
        case .keyword(.coming)?, .keyword(.past)?, .keyword(.last)?:
            return vagueAfterThe(i)
        case .keyword(.weekend)?:
            switch kw(i - 1) {
            case .at?, .over?, .on?, .during?: return weekend(i - 1, i + 2, qualifier: nil)
            default: return nil
            }
        case .keyword(.end)?, .keyword(.beginning)?, .keyword(.start)?, .keyword(.middle)?:
            // `the end of the year`: the part modifier is added around it afterwards.
            guard kw(i + 2) == .of, kw(i + 3) == .the, case .unit(let g, plural: false)? = tok(i + 4)?.word,
                g == .month || g == .year
            else { return nil }
            return relative(i + 3, i + 5, unit: g, shift: 0)
        case .unit(let g, plural: false)? where g <= .year:
            // `the day before`, `the year after`.
            switch kw(i + 2) {
            case .before?, .earlier?: return anchored(i, i + 3, unit: g, shift: -1)
            case .after?, .later?: return anchored(i, i + 3, unit: g, shift: 1)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `the coming months`, `the past few years`, `the last two decades`.
    func vagueAfterThe(_ i: Int) -> FoundExpression? {
        var j = i + 2
        switch tok(j)?.word {
        case .keyword(.few)?, .keyword(.several)?, .count?: j += 1
        default: if tok(j)?.plainNumber != nil { j += 1 }
        }
        guard case .unit(let g, plural: true)? = tok(j)?.word else { return nil }
        let k = kw(i + 1)
        return vagueReference(i, j + 1, unit: g, future: k == .coming || k == .next)
    }

    /// `at the weekend`, `this weekend`, `last weekend`: Saturday and Sunday.
    func weekend(_ lo: Int, _ hi: Int, qualifier: DateKeyword?) -> FoundExpression {
        guard let r = reference, r.precision == .day else {
            return FoundExpression(lo, hi, value: "XXXX-WXX-WE", grain: .week, interval: nil)
        }
        let d = r.firstDay
        let wd = CalendarMath.weekday(d)
        let monday = CalendarMath.mondayOfWeek(d)
        let saturday: Int
        switch qualifier {
        case .last?: saturday = monday - 2
        case .next?: saturday = monday + 5 + (wd >= 6 ? 7 : 0)
        default:
            if wd >= 6 {
                saturday = monday + 5
            } else {
                switch tense(lo, hi) {
                case .past: saturday = monday - 2
                case .future: saturday = monday + 5
                case .unknown: saturday = qualifier == .this || wd >= 4 ? monday + 5 : monday - 2
                }
            }
        }
        return FoundExpression(
            lo, hi, value: CalendarMath.weekValue(saturday) + "-WE", grain: .week, interval: saturday..<(saturday + 2),
            anchor: .documentDate)
    }

    /// `on Tuesday`, `last Friday`: the nearest such day, before the document date in the past tense.
    mutating func matchWeekday(_ j: Int, _ d: Int, qualifier: DateKeyword?, lo: Int) -> FoundExpression? {
        let t = tokens[j]
        guard t.isCapitalized else { return nil }
        // `Bloody Sunday`, `Black Monday` are names of events, not days of this week.
        if qualifier == nil, let p = tok(j - 1), p.kind == .word, p.isCapitalized, p.word == nil { return nil }
        // `Tuesday, Nov. 12, 2020`: the full date that follows says it all.
        var k = j + 1
        if isPunct(k, 0x2C) { k += 1 }
        if tok(k)?.month != nil || tok(k)?.kind == .number { return nil }
        guard let r = reference, r.precision == .day else {
            return FoundExpression(lo, j + 1, value: "XXXX-WXX-\(d)", grain: .day, interval: nil)
        }
        let day0 = r.firstDay
        let delta = d - CalendarMath.weekday(day0)
        let offset: Int
        switch qualifier {
        case .last?: offset = delta < 0 ? delta : delta - 7
        case .next?: offset = delta > 0 ? delta : delta + 7
        default:
            switch tense(lo, j + 1) {
            case .future: offset = delta >= 0 ? delta : delta + 7
            default: offset = delta <= 0 ? delta : delta - 7
            }
        }
        return FoundExpression(lo, j + 1, date: CalendarMath.dayDate(day0 + offset), anchor: .documentDate)
    }

    /// `two days ago`, `a year later`, `three weeks earlier`.
    func matchCount(_ i: Int, _ n: Int) -> FoundExpression? {
        let j = i + 1
        guard case .unit(let g, _)? = tok(j)?.word else { return nil }
        switch kw(j + 1) {
        case .ago?:
            if g == .year, let f = yearsAgoToday(i, j + 2, years: n) { return f }
            var f = relative(i, j + 2, unit: g, shift: -n)
            if g == .decade { f.modifier = .approximate }
            return f
        case .later?: return anchored(i, j + 2, unit: g, shift: n)
        case .earlier?: return anchored(i, j + 2, unit: g, shift: -n)
        default: return nil
        }
    }

    /// `thirty years ago today`, `five years ago this week`: the same day (or week, or month)
    /// that many years before the document date.
    func yearsAgoToday(_ lo: Int, _ hi: Int, years n: Int) -> FoundExpression? {
        guard let r = reference, let m = r.month else { return nil }
        let y = r.year - n
        let day = r.day.map { min($0, DayNumber.daysInMonth(year: y, month: m)) }
        let then = PartialDate(year: y, month: m, day: day)
        if kw(hi) == .today, then.precision == .day {
            return FoundExpression(lo, hi + 1, date: then, anchor: .documentDate)
        }
        guard kw(hi) == .this, case .unit(let u, plural: false)? = tok(hi + 1)?.word, u == .week || u == .month,
            let p = period(start: then.firstDay, known: Self.grain(of: then), unit: u, shift: 0)
        else { return nil }
        return FoundExpression(lo, hi + 2, value: p.value, grain: p.grain, interval: p.interval, anchor: .documentDate)
    }
}
