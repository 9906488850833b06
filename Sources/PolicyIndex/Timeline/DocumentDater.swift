/// Dates a document from its opening lines when its metadata did not: a
/// `Published …` or `Updated …` line, a dated byline, or a dateline (`SEOUL, Nov. 12 (Yonhap) —`,
/// `November 12, 2020 —`). A dateline without a year takes the year from the
/// file name or URL only when that names exactly one year (and agrees on the
/// month); otherwise the date stays unknown.
public enum DocumentDater {
    /// How far into the text a dateline or publication line may sit.
    static let openingLines = 12
    static let openingBytes = 2000

    /// The documents, each with `date` filled where metadata left it empty.
    public static func filled(_ documents: [Document]) -> [Document] {
        documents.map { doc in
            guard doc.date == nil, let d = date(of: doc) else { return doc }
            var copy = doc
            copy.date = d
            return copy
        }
    }

    public static func date(of doc: Document) -> DocumentDate? {
        read(doc.text, names: [doc.path, doc.url ?? ""]).date
    }

    /// Where the opening lines state the document's own date (a `Published` line, a dateline
    /// before its dash): metadata, not events, so the timeline leaves dates there out.
    public static func metadataSpans(of doc: Document) -> [TextSpan] {
        read(doc.text, names: []).spans
    }

    /// The date that the opening of `text` states; `names` (path, URL) may supply a dateline's missing year.
    public static func date(opening text: String, names: [String] = []) -> DocumentDate? {
        read(text, names: names).date
    }

    static func read(_ text: String, names: [String]) -> (date: DocumentDate?, spans: [TextSpan]) {
        let tagger = TemporalTagger()
        var published: PartialDate?
        var updated: PartialDate?
        var byline: PartialDate?
        var dateline: PartialDate?
        var yearless: (month: Int, day: Int)?
        var spans: [TextSpan] = []
        func span(_ part: Substring) -> TextSpan {
            let start = text.utf8.distance(from: text.startIndex, to: part.startIndex)
            return TextSpan(start, start + part.utf8.count)
        }
        for line in openingLines(text) {
            let lower = line.prefix(16).lowercased()
            if lower.hasPrefix("published") || lower.hasPrefix("posted") || lower.hasPrefix("date:") || lower.hasPrefix("dated") {
                published = published ?? firstDate(in: line, tagger)
                spans.append(span(line))
            } else if line.hasPrefix("By "), let d = firstDate(in: line, tagger) {
                // A byline with a date (`By the desk · April 27, 2023`) states when the piece appeared.
                byline = byline ?? d
                spans.append(span(line))
            } else if lower.hasPrefix("updated") || lower.hasPrefix("last updated") {
                updated = updated ?? firstDate(in: line, tagger)
                spans.append(span(line))
            } else if dateline == nil, yearless == nil, let head = datelineHead(line) {
                if let d = firstDate(in: head, tagger, covering: head.count == line.count ? 0.6 : 0) {
                    dateline = d
                    spans.append(span(head))
                } else if let md = monthDay(in: head, tagger) {
                    yearless = md
                    spans.append(span(head))
                }
            }
        }
        if let p = published { return (DocumentDate(p, origin: .published), spans) }
        if let d = dateline { return (DocumentDate(d, origin: .dateline), spans) }
        if let b = byline { return (DocumentDate(b, origin: .published), spans) }
        if let u = updated { return (DocumentDate(u, origin: .published), spans) }
        if let md = yearless, let y = yearNamed(in: names, month: md.month),
            md.day <= DayNumber.daysInMonth(year: y, month: md.month)
        {
            return (DocumentDate(PartialDate(year: y, month: md.month, day: md.day), origin: .dateline), spans)
        }
        return (nil, spans)
    }

    static func openingLines(_ text: String) -> [Substring] {
        let head = text.utf8.count > openingBytes ? text[..<text.utf8.index(text.startIndex, offsetBy: openingBytes)] : text[...]
        return head.split(separator: "\n", omittingEmptySubsequences: true)
            .prefix(openingLines)
            .map { $0.drop { $0 == " " || $0 == "\t" } }
    }

    /// The part of a line before a dateline dash: `SEOUL, Nov. 12 (Yonhap)` of `SEOUL, Nov. 12 (Yonhap) — …`.
    static func datelineHead(_ line: Substring) -> Substring? {
        guard let first = line.unicodeScalars.first, first.properties.isUppercase || ("0"..."9").contains(first) else {
            return nil
        }
        for dash in [" — ", " -- ", " – ", " - ", "—"] {
            if let r = line.range(of: dash), line.distance(from: line.startIndex, to: r.lowerBound) <= 80 {
                return line[..<r.lowerBound]
            }
        }
        // A line that is nothing but a date.
        return line.count <= 40 ? line : nil
    }

    /// The first date with its own year, at day, month or year precision.
    /// With `covering` above 0, the date must fill that share of the text (a line that is only a date,
    /// not a title that mentions a year).
    static func firstDate(in text: Substring, _ tagger: TemporalTagger, covering: Double = 0) -> PartialDate? {
        let minimum = Int(Double(text.utf8.count) * covering)
        for e in tagger.expressions(in: String(text), documentDate: nil)
        where e.anchor == .none && !e.isRange && e.modifier == nil && e.span.length >= minimum {
            if [.day, .month, .year].contains(e.grain), let d = PartialDate(iso: e.value) { return d }
        }
        return nil
    }

    static func monthDay(in text: Substring, _ tagger: TemporalTagger) -> (month: Int, day: Int)? {
        for e in tagger.expressions(in: String(text), documentDate: nil) where e.value.hasPrefix("XXXX-") && e.grain == .day {
            let parts = e.value.split(separator: "-")
            if parts.count == 3, let m = Int(parts[1]), let d = Int(parts[2]) { return (m, d) }
        }
        return nil
    }

    /// The one year (19xx or 20xx) that the names carry, if they agree on one; a month beside it must match.
    static func yearNamed(in names: [String], month: Int) -> Int? {
        var years: Set<Int> = []
        var months: Set<Int> = []
        for name in names {
            let b = Array(name.utf8)
            var i = 0
            while i + 4 <= b.count {
                let isRun = (i..<(i + 4)).allSatisfy { DateTokenizer.isDigit(b[$0]) }
                let bounded = (i == 0 || !DateTokenizer.isDigit(b[i - 1])) && (i + 4 == b.count || !DateTokenizer.isDigit(b[i + 4]))
                if isRun, bounded, let y = Int(String(decoding: b[i..<(i + 4)], as: UTF8.self)), (1900...2099).contains(y) {
                    years.insert(y)
                    // `2021-08`, `2021/08`: a month right after the year.
                    if i + 7 <= b.count, b[i + 4] == 0x2D || b[i + 4] == 0x2F, DateTokenizer.isDigit(b[i + 5]),
                        DateTokenizer.isDigit(b[i + 6]), i + 7 == b.count || !DateTokenizer.isDigit(b[i + 7]),
                        let m = Int(String(decoding: b[(i + 5)..<(i + 7)], as: UTF8.self))
                    {
                        months.insert(m)
                    }
                    i += 4
                } else {
                    i += 1
                }
            }
        }
        guard years.count == 1, months.isEmpty || months == [month] else { return nil }
        return years.first
    }
}
