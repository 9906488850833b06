extension ParserInvariants {
    /// Problems after tagging `bytes` (decoded leniently) as one sentence, with
    /// and without a document date: every expression must lie inside the text,
    /// on character boundaries, in text order, with its own text and a value.
    public static func dates(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let utf8 = Array(text.utf8)
        func boundary(_ i: Int) -> Bool { i == utf8.count || (i < utf8.count && utf8[i] & 0xC0 != 0x80) }
        var problems: [String] = []
        for reference in [nil, PartialDate(year: 2024, month: 2, day: 29)] {
            var lastStart = 0
            for e in TemporalTagger().expressions(in: text, documentDate: reference) {
                let r = e.span.range
                if r.lowerBound < 0 || r.upperBound > utf8.count || r.isEmpty {
                    problems.append("span \(r) outside the text")
                    continue
                }
                if !boundary(r.lowerBound) || !boundary(r.upperBound) { problems.append("span \(r) splits a character") }
                if r.lowerBound < lastStart { problems.append("span \(r) out of text order") }
                lastStart = r.lowerBound
                if e.text != String(decoding: utf8[r], as: UTF8.self) { problems.append("text of \(r) differs from the span") }
                if e.value.isEmpty { problems.append("empty value at \(r)") }
            }
        }
        return problems
    }

    /// Problems after parsing `bytes` (decoded leniently) as a search query:
    /// it either parses, twice to the same tree, or fails with a column inside
    /// the query (one past the end is allowed, for "unexpected end").
    public static func query(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let first = try Query(text)
            let second = try Query(text)
            return first == second ? [] : ["parsing twice gave \(first) and \(second)"]
        } catch {
            let columns = text.count + 1
            return (1...columns).contains(error.column) ? [] : ["error column \(error.column) outside 1...\(columns)"]
        }
    }
}
