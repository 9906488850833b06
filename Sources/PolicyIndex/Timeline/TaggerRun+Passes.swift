/// Passes over the expressions found in one sentence: parts (`early 2021`),
/// ranges (`from 2019 to 2025`), offsets (`days before the 2020 election`)
/// and prepositions that bound a date (`since 2018`).
extension TaggerRun {
    static func partModifier(_ k: DateKeyword?) -> TimeModifier? {
        switch k {
        case .early?, .beginning?, .start?: .start
        case .mid?, .middle?: .mid
        case .late?, .end?: .end
        default: nil
        }
    }

    /// `early 2021`, `mid-December`, `late last year`, `the end of the year`, `the early 1990s`.
    func applyPartModifier(_ f: inout FoundExpression, floor: Int) {
        guard f.modifier == nil, !f.isRange, !f.isReference, f.grain >= .month else { return }
        var lo = f.lo
        var mod: TimeModifier?
        if lo - 2 >= floor, tok(lo - 1)?.isDash == true, touches(lo - 2), touches(lo - 1),
            let m = Self.partModifier(kw(lo - 2)), kw(lo - 2) != .beginning
        {
            mod = m
            lo -= 2
        } else if lo - 1 >= floor, [.early, .mid, .late].contains(kw(lo - 1)) {
            mod = Self.partModifier(kw(lo - 1))
            lo -= 1
        } else if lo - 3 >= floor, kw(lo - 1) == .of, kw(lo - 3) == .the, let m = Self.partModifier(kw(lo - 2)),
            [.end, .beginning, .start, .middle].contains(kw(lo - 2))
        {
            mod = m
            lo -= 3
        }
        if let m = mod {
            f.modifier = m
            f.interval = f.interval.map { CalendarMath.narrow($0, by: m) }
            f.lo = lo
        }
        if f.grain == .decade || f.grain == .century, f.lo - 1 >= floor, kw(f.lo - 1) == .the { f.lo -= 1 }
    }

    /// Joins `from A to B`, `between A and B` and `A – B` into one range.
    mutating func mergeRanges() {
        var k = 0
        while k + 1 < found.count {
            let floor = k > 0 ? found[k - 1].hi : 0
            if let m = merged(found[k], found[k + 1], floor: floor) {
                found[k] = m
                found.remove(at: k + 1)
            } else {
                k += 1
            }
        }
    }

    private func merged(_ a: FoundExpression, _ z: FoundExpression, floor: Int) -> FoundExpression? {
        guard !a.isReference, !z.isReference, !a.isRange, !z.isRange, z.lo == a.hi + 1,
            a.interval != nil || a.yearlessMonth != nil, let zi = z.interval
        else { return nil }
        let connector = tokens[a.hi]
        let opener = a.lo - 1 >= floor ? kw(a.lo - 1) : nil
        var lo = a.lo
        if connector.isDash {
            if opener == .from || opener == .between { lo -= 1 }
        } else {
            switch connector.keyword {
            case .to?, .until?, .through?: guard opener == .from else { return nil }
            case .and?: guard opener == .between else { return nil }
            default: return nil
            }
            lo -= 1
        }
        var a = a
        // `from March to May 2020`: the first month takes the year of the second.
        if let m = a.yearlessMonth, z.anchor == .none {
            let zy = DayNumber.civil(zi.lowerBound).year
            let first = PartialDate(year: zy, month: m, day: a.yearlessDay)
            let year = first.firstDay <= zi.lowerBound ? zy : zy - 1
            let fixed = PartialDate(year: year, month: m, day: a.yearlessDay)
            a.value = fixed.iso
            a.interval = CalendarMath.interval(fixed)
            a.anchor = .none
        }
        guard let ai = a.interval, ai.lowerBound <= zi.lowerBound else { return nil }
        var r = FoundExpression(
            lo, z.hi, value: a.value + "/" + z.value, grain: max(a.grain, z.grain),
            interval: ai.lowerBound..<max(ai.upperBound, zi.upperBound))
        r.isRange = true
        r.anchor = a.anchor == .documentDate || z.anchor == .documentDate ? .documentDate : a.anchor
        return r
    }

    /// `days before the 2020 election` keeps the election's date with a BEFORE
    /// modifier (the offset is vague); `two days after Nov. 12` is computed.
    mutating func applyOffsets() {
        for k in found.indices {
            let floor = k > 0 ? found[k - 1].hi : 0
            let f = found[k]
            guard !f.isReference, let iv = f.interval else { continue }
            var p = f.lo
            let hadThe = kw(p - 1) == .the
            if hadThe { p -= 1 }
            var before: Bool
            var c: Int
            switch kw(p - 1) {
            case .before?: (before, c) = (true, p - 1)
            case .after?: (before, c) = (false, p - 1)
            case .of? where kw(p - 2) == .ahead: (before, c) = (true, p - 2)
            default: continue
            }
            guard case .unit(let unit, _)? = tok(c - 1)?.word, c - 1 >= floor else { continue }
            var lo = c - 1
            var count: Int?
            if lo - 1 >= floor {
                switch tok(lo - 1)?.word {
                case .count(let n)?:
                    count = n
                    lo -= 1
                case .keyword(.few)?, .keyword(.several)?:
                    lo -= 1
                    if tok(lo - 1)?.word == .count(1), lo - 1 >= floor { lo -= 1 }
                default:
                    if let n = tok(lo - 1)?.plainNumber, n < 1000 {
                        count = n
                        lo -= 1
                    }
                }
            }
            let anchorSpan = span(f)
            var g = found[k]
            g.lo = lo
            // `the 2020 election`: the event that names the date is part of the phrase.
            if hadThe, let w = tok(f.hi), w.kind == .word, w.word == nil, !w.isCapitalized { g.hi = f.hi + 1 }
            g.anchor = .earlierDate(anchorSpan)
            if let n = count, let shifted = period(start: iv.lowerBound, known: f.grain, unit: unit, shift: before ? -n : n) {
                g.value = shifted.value
                g.grain = shifted.grain
                g.interval = shifted.interval
                g.modifier = nil
            } else {
                g.modifier = before ? .before : .after
            }
            g.yearlessMonth = nil
            found[k] = g
        }
    }

    /// `since 2018` (AFTER), `until 2025`, `by 2030`, `before 1950` (BEFORE).
    mutating func applyPrepositions() {
        for k in found.indices {
            let floor = k > 0 ? found[k - 1].hi : 0
            let f = found[k]
            guard f.modifier == nil, !f.isRange, !f.isReference, f.lo - 1 >= floor else { continue }
            switch kw(f.lo - 1) {
            case .since?, .after?:
                found[k].modifier = .after
                found[k].lo -= 1
            case .before?, .until?, .by?:
                found[k].modifier = .before
                found[k].lo -= 1
            default:
                break
            }
        }
    }
}
