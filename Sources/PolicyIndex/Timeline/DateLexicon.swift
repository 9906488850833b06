/// The words the temporal tagger reacts to, looked up by a packed key so that
/// scanning a sentence allocates no strings.
///
/// A key packs up to 12 lower-cased ASCII letters at 5 bits each, so two
/// different words of that length never share a key. Longer or non-ASCII
/// words get key 0 and are never date words.
enum DateWord: Hashable, Sendable {
    case month(Int)
    /// 1 spring, 2 summer, 3 autumn (also `fall`), 4 winter.
    case season(Int)
    /// 1 Monday … 7 Sunday, as in ISO 8601.
    case weekday(Int)
    /// `one` … `twenty`, the tens to `ninety`, `a`, `an`: counts in `two days ago`.
    case count(Int)
    /// `day`, `week`, … in singular or plural.
    case unit(TimeGrain, plural: Bool)
    case keyword(DateKeyword)
    /// A verb form that marks the past (`said`, `met`); regular `-ed` forms are found by spelling.
    case pastVerb
    /// A word that marks the future (`will`, `upcoming`).
    case futureCue
    /// A word that makes a following number a count or a reference, not a year (`page`, `about`).
    case notYearBefore
    /// A word that makes a preceding number a count or amount (`troops`, `percent`).
    case notYearAfter
}

enum DateKeyword: Sendable {
    case inPrep, on, at, of, the, and, to, from, between, since, until, by, before, after, during, through, over, ahead, following
    case early, mid, late, end, beginning, start, middle
    case this, last, next, past, previous, coming, recent, same, that
    case earlier, later, ago, today, yesterday, tomorrow, weekend, few, several, within
    case quarter, century, half
    /// `its`, `his`, `every`…: before `last year` they make it a noun phrase (`its last year`), not a date.
    case determiner
}

enum DateLexicon {
    /// Packs ASCII letters into a key; 0 when the word cannot be a lexicon word.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64 {
        let n = hi - lo
        guard n > 0, n <= 12 else { return 0 }
        var k: UInt64 = 0
        for i in lo..<hi {
            let c = bytes[i] | 0x20
            guard c >= 0x61, c <= 0x7A else { return 0 }
            k = k << 5 | UInt64(c - 0x60)
        }
        return k
    }

    static func key(_ word: String) -> UInt64 {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { key(UnsafeBufferPointer($0), 0, $0.count) }
    }

    static func lookup(_ key: UInt64) -> DateWord? { key == 0 ? nil : table.lookup(key) }

    /// The three-letter abbreviations (and `sept`) that stand for months.
    static let abbreviatedMonthKeys = PackedKeySet(
        ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"].map(key))

    static let ordinalSuffixKeys: [UInt64] = ["st", "nd", "rd", "th"].map(key)
    static let mayKey = key("may")
    static let marchKey = key("march")
    static let fallKey = key("fall")
    static let sKey = key("s")
    static let amKey = key("am")
    static let pmKey = key("pm")
    static let aKey = key("a")
    static let pKey = key("p")
    static let mKey = key("m")
    static let forKey = key("for")
    static let orKey = key("or")
    static let anniversaryKey = key("anniversary")

    private static let table = WordTable(words)

    private static let words: [UInt64: DateWord] = {
        var t: [UInt64: DateWord] = [:]
        func add(_ words: [String], _ w: DateWord) { for s in words { t[key(s)] = w } }
        let months = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"],
            ["november", "nov"], ["december", "dec"],
        ]
        for (i, names) in months.enumerated() { add(names, .month(i + 1)) }
        add(["spring"], .season(1))
        add(["summer"], .season(2))
        add(["autumn", "fall"], .season(3))
        add(["winter"], .season(4))
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (i, d) in days.enumerated() { add([d], .weekday(i + 1)) }
        let counts = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        for (i, c) in counts.enumerated() { add([c], .count(i + 1)) }
        let teens = ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (i, c) in teens.enumerated() { add([c], .count(i + 13)) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (i, c) in tens.enumerated() { add([c], .count((i + 2) * 10)) }
        add(["a", "an"], .count(1))
        add(["day"], .unit(.day, plural: false))
        add(["days"], .unit(.day, plural: true))
        add(["week"], .unit(.week, plural: false))
        add(["weeks"], .unit(.week, plural: true))
        add(["month"], .unit(.month, plural: false))
        add(["months"], .unit(.month, plural: true))
        add(["year"], .unit(.year, plural: false))
        add(["years"], .unit(.year, plural: true))
        add(["decade"], .unit(.decade, plural: false))
        add(["decades"], .unit(.decade, plural: true))
        let keywords: [(String, DateKeyword)] = [
            ("in", .inPrep), ("on", .on), ("at", .at), ("of", .of), ("the", .the), ("and", .and), ("to", .to),
            ("from", .from), ("between", .between), ("since", .since), ("until", .until), ("till", .until),
            ("by", .by), ("before", .before), ("after", .after), ("during", .during), ("through", .through),
            ("over", .over), ("ahead", .ahead), ("following", .following), ("early", .early), ("mid", .mid),
            ("late", .late), ("end", .end), ("beginning", .beginning), ("start", .start), ("middle", .middle),
            ("this", .this), ("last", .last), ("next", .next), ("past", .past), ("previous", .previous),
            ("coming", .coming), ("recent", .recent), ("same", .same), ("that", .that), ("earlier", .earlier),
            ("later", .later), ("ago", .ago), ("today", .today), ("yesterday", .yesterday),
            ("tomorrow", .tomorrow), ("weekend", .weekend), ("few", .few), ("several", .several),
            ("within", .within), ("quarter", .quarter), ("century", .century), ("half", .half),
        ]
        for (w, k) in keywords { t[key(w)] = .keyword(k) }
        for w in ["its", "his", "her", "their", "our", "my", "your", "every", "each"] { t[key(w)] = .keyword(.determiner) }
        add(
            [
                "said", "says", "was", "were", "had", "did", "met", "held", "took", "made", "went", "came", "began",
                "told", "saw", "sent", "gave", "won", "left", "spoke", "became", "brought", "found", "led", "fell",
                "rose", "struck", "broke", "chose", "drew", "fought", "kept", "knew", "lost", "paid", "ran", "sat",
                "stood", "thought", "wrote", "sought", "taught", "meant", "felt", "got", "grew", "hung", "laid",
                "spent", "sold", "shot", "slid", "swore", "threw", "woke", "wore", "withdrew", "overtook", "undertook",
            ], .pastVerb)
        add(["will", "shall", "upcoming", "scheduled", "slated", "plans", "planning", "intends", "aims", "planned", "expected", "due",
            "proposed", "ll"], .futureCue)
        add(
            [
                "page", "pp", "p", "no", "nos", "number", "vol", "volume", "chapter", "section", "article",
                "paragraph", "para", "item", "resolution", "route", "flight", "room", "model", "code", "about",
                "around", "some", "nearly", "almost", "approximately", "roughly", "than", "least", "only", "just",
                "exactly", "total", "totalling", "totaling", "costing", "cost", "worth", "usd", "krw", "jpy", "eur",
                "fig", "figure", "table", "exhibit", "box", "annex", "clause", "line", "lines", "step",
            ], .notYearBefore)
        add(
            [
                "percent", "per", "pct", "troops", "soldiers", "people", "persons", "members", "officials", "tons",
                "tonnes", "km", "kilometers", "kilometres", "miles", "meters", "metres", "feet", "dollars", "won",
                "yen", "yuan", "euros", "pounds", "times", "cases", "deaths", "workers", "students", "units",
                "households", "votes", "seats", "missiles", "weapons", "rounds", "barrels", "vehicles", "ships",
                "aircraft", "jobs", "refugees", "delegates", "participants", "copies", "pages", "words", "hours",
                "minutes", "seconds", "points", "companies", "firms", "sites", "items", "residents", "civilians",
                "families", "children", "women", "men", "visitors", "tourists", "prisoners", "detainees", "hectares",
                "acres", "mw", "gw", "kg", "mm", "cm", "ft", "lbs", "bpd", "sq", "square", "million", "billion",
                "trillion", "thousand", "hundred",
            ], .notYearAfter)
        return t
    }()
}

/// An open-addressing table from packed keys to words: every word of every
/// sentence is looked up, and a multiply-shift probe is far cheaper than hashing.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [DateWord?]
    private let shift: UInt64
    private let mask: Int

    init(_ words: [UInt64: DateWord]) {
        var bits = 4
        while (1 << bits) < words.count * 3 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = UInt64(64 - bits)
        mask = (1 << bits) - 1
        for (k, w) in words where k != 0 {
            var i = slot(k)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = w
        }
    }

    @inline(__always)
    private func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    func lookup(_ k: UInt64) -> DateWord? {
        var i = slot(k)
        while true {
            let x = keys[i]
            if x == k { return values[i] }
            if x == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
