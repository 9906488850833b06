/// Words that end in a full stop without ending a sentence, for `SentenceSplitter`.
enum Abbreviations {
    enum Kind {
        /// Precedes a name: never ends a sentence (`Gen. Milley`).
        case title
        /// Precedes a number: ends a sentence only when no number follows (`Nov. 12`, `No. 5`).
        case beforeNumber
        /// Ends a name (`Acme Inc.`): ends a sentence only before a typical sentence opener.
        case corporate
        /// Never ends a sentence in news prose (`vs.`, `approx.`).
        case neverFinal
    }

    static func kind(of word: UnsafeBufferPointer<UInt8>) -> Kind? {
        table[String(decoding: word.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)]
    }

    /// Whether the word at `i` is one that commonly opens an English sentence, so
    /// that an abbreviation before it most likely closed the previous one.
    static func opensSentence(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        var j = i
        while j < end, text[j] == 0x22 || text[j] == 0x27 || text[j] == 0x28 { j += 1 }
        var k = j
        while k < end, k - j < 12, (text[k] | 0x20) >= 0x61, (text[k] | 0x20) <= 0x7A { k += 1 }
        guard k > j, k - j < 12 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[j..<k]).lazy.map { $0 | 0x20 }, as: UTF8.self)
        return starters.contains(word)
    }

    private static let table: [String: Kind] = {
        var t: [String: Kind] = [:]
        for w in [
            "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "reps", "gov", "lt", "col", "maj",
            "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "rev", "hon", "pres", "amb", "supt",
            "insp", "atty", "fr", "sr", "mt", "ft", "st", "gens", "sens", "govs", "mme", "mlle", "hr", "dir", "sec-gen",
        ] { t[w] = .title }
        for w in [
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art",
            "arts", "sec", "secs", "vol", "vols", "p", "pp", "fig", "figs", "ch", "chap", "para", "paras", "op",
            "ex", "ref", "nr", "tab", "ed", "eds", "rev",
        ] where t[w] == nil { t[w] = .beforeNumber }
        for w in ["inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "etc", "al", "dept", "univ", "assn", "govt"] {
            t[w] = .corporate
        }
        for w in ["vs", "v", "cf", "approx", "esp", "viz", "ca", "incl", "est", "eg", "ie", "resp"] {
            t[w] = .neverFinal
        }
        return t
    }()

    private static let starters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
        "but", "and", "or", "so", "yet", "in", "on", "at", "for", "as", "after", "before", "when", "while",
        "since", "if", "although", "though", "however", "meanwhile", "still", "his", "her", "their", "its",
        "our", "my", "some", "many", "most", "both", "all", "no", "not", "one", "two", "officials", "analysts",
        "experts", "what", "why", "how", "who", "where", "such", "under", "last", "next", "earlier", "later",
        "then", "now", "today", "yesterday", "instead", "also", "even", "only", "during", "despite", "according",
    ]
}
