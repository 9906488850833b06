/// Dates a document from its opening lines when its metadata did not: a
/// `Published …` or `Updated …` line, a dated byline, or a dateline (`SEOUL, Nov. 12 (Yonhap) —`,
/// `November 12, 2020 —`). A dateline without a year takes the year from the
/// file name or URL only when that names exactly one year (and agrees on the
/// month); otherwise the date stays unknown.
public enum DocumentDater {
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

    /// What the opening lines say, read on bytes: the date and where it was stated.
    static func read(_ text: String, names: [String]) -> (date: DocumentDate?, spans: [TextSpan]) {
        var copy = text
        return copy.withUTF8 { read(OpeningLines($0), names: names) }
    }

    static func read(_ lines: OpeningLines, names: [String]) -> (date: DocumentDate?, spans: [TextSpan]) {
        let tagger = TemporalTagger()
        var published: PartialDate?
        var updated: PartialDate?
        var byline: PartialDate?
        var dateline: PartialDate?
        var yearless: (month: Int, day: Int)?
        var spans: [TextSpan] = []
        for line in lines.all() {
            // Every date needs a digit: most lines are passed over without tagging.
            guard lines.hasDigit(line) else { continue }
            switch lines.kind(of: line) {
            case .published:
                published = published ?? firstDate(in: lines.text(line), tagger)
                spans.append(TextSpan(line.lowerBound, line.upperBound))
            case .updated:
                updated = updated ?? firstDate(in: lines.text(line), tagger)
                spans.append(TextSpan(line.lowerBound, line.upperBound))
            case .byline:
                // A byline with a date (`By the desk · April 27, 2023`) states when the piece appeared.
                guard let d = firstDate(in: lines.text(line), tagger) else { continue }
                byline = byline ?? d
                spans.append(TextSpan(line.lowerBound, line.upperBound))
            case .other:
                guard dateline == nil, yearless == nil, let head = lines.datelineHead(line), lines.hasDigit(head) else { continue }
                let text = lines.text(head)
                if let d = firstDate(in: text, tagger, covering: head == line ? 0.6 : 0) {
                    dateline = d
                    spans.append(TextSpan(head.lowerBound, head.upperBound))
                } else if let md = monthDay(in: text, tagger) {
                    yearless = md
                    spans.append(TextSpan(head.lowerBound, head.upperBound))
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

    /// The first date with its own year, at day, month or year precision.
    /// With `covering` above 0, the date must fill that share of the text (a line that is only a date,
    /// not a title that mentions a year).
    static func firstDate(in text: String, _ tagger: TemporalTagger, covering: Double = 0) -> PartialDate? {
        let minimum = Int(Double(text.utf8.count) * covering)
        for e in tagger.expressions(in: text, documentDate: nil)
        where e.anchor == .none && !e.isRange && e.modifier == nil && e.span.length >= minimum {
            if [.day, .month, .year].contains(e.grain), let d = PartialDate(iso: e.value) { return d }
        }
        return nil
    }

    static func monthDay(in text: String, _ tagger: TemporalTagger) -> (month: Int, day: Int)? {
        for e in tagger.expressions(in: text, documentDate: nil) where e.value.hasPrefix("XXXX-") && e.grain == .day {
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
