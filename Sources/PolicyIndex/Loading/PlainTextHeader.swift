import Foundation

/// Reads the top of a plain-text clipping: the headline, and around it the
/// lines that are about the article rather than part of it.
///
/// Clippings often open with a masthead (`The Daily Ledger`), a navigation line
/// (`Home | World | Asia`), a "Published daily by …" line or a date, then the
/// headline, then a byline and a date line. The headline is the first line that
/// reads like one: three to thirty words, not ending in a full stop, not a date,
/// byline or masthead. `Key: value` lines (`Title:`, `Source:`, `Date:`,
/// `Author:`, `URL:`) at the very top are read as metadata.
struct PlainTextHeader {
    var titleLine: Int?
    var title: String?
    var author: String?
    var source: String?
    var url: String?
    var date: DocumentDate?
    var fixed: [Int: PlainTextLayout.Fixed] = [:]

    /// How far down the headline is looked for.
    static let searchLines = 30

    static func scan(_ t: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> PlainTextHeader {
        var h = PlainTextHeader()
        var furniture: [Int] = []
        var seen = 0
        var afterTitle = 0
        for (n, r) in lines.enumerated() {
            if n >= searchLines { break }
            let range = PlainTextLayout.trimmed(t, r)
            if range.isEmpty { continue }
            seen += 1
            guard range.count <= 300 else { break }
            let line = String(decoding: UnsafeBufferPointer(rebasing: t[range]), as: UTF8.self)
            let lower = line.lowercased()
            let words = WordCounter.count(UnsafeBufferPointer(rebasing: t[range]))
            if h.readField(line, lower) {
                furniture.append(n)
                continue
            }
            if words <= 8, lower.hasPrefix("by "), !line.hasSuffix(".") {
                h.author = h.author ?? byline(String(line.dropFirst(3)))
                furniture.append(n)
                continue
            }
            if DateField.isDateLine(line) {
                if h.date == nil, let d = DateField.parse(line) { h.date = DocumentDate(d, origin: .dateline) }
                furniture.append(n)
                continue
            }
            // Cookie notices, share bars and menus may sit above the headline too.
            if let reason = BoilerplateCleaner.singleParagraphReason(ParagraphFeatures(UnsafeBufferPointer(rebasing: t[range]), kind: .body)) {
                h.fixed[n] = PlainTextLayout.Fixed(kind: .body, preset: reason)
                continue
            }
            if h.title != nil, h.titleLine == nil { break }
            if h.titleLine != nil {
                afterTitle += 1
                if afterTitle > 3 { break }
                continue
            }
            if isMasthead(line, lower, words: words) {
                furniture.append(n)
                continue
            }
            if words >= 3, words <= 30, !line.hasSuffix("."), !line.hasSuffix(",") {
                h.titleLine = n
                h.title = line
                continue
            }
            break
        }
        if let tl = h.titleLine {
            h.fixed[tl] = PlainTextLayout.Fixed(kind: .heading)
            // Lines beside the headline are furniture; prose below it is not.
            for n in furniture where n < tl + 5 { h.fixed[n] = PlainTextLayout.Fixed(kind: .body, preset: .masthead) }
        } else {
            for n in furniture where n < 5 { h.fixed[n] = PlainTextLayout.Fixed(kind: .body, preset: .masthead) }
        }
        return h
    }

    /// `Title: …`, `Source: …`, `Date: …`, `Author: …`, `URL: …` lines.
    private mutating func readField(_ line: String, _ lower: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon].lowercased().trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, key.count <= 12 else { return false }
        switch key {
        case "title", "headline": title = title ?? value
        case "source", "publisher", "publication": source = source ?? value
        case "author", "byline": author = author ?? value
        case "url", "link": url = url ?? value
        case "date", "published", "publication date", "dateline":
            guard let d = DateField.parse(value) else { return false }
            date = date ?? DocumentDate(d, origin: .dateline)
        default: return false
        }
        return true
    }

    private static func isMasthead(_ line: String, _ lower: String, words: Int) -> Bool {
        if BoilerplateVocabulary.mastheadOpenings.contains(where: { lower.hasPrefix($0) }) { return true }
        // Counted on bytes: `components(separatedBy:)` went through NSString, 2 % of a build.
        let separators = [" | ", " • ", " · ", " » ", " › ", " > "].reduce(0) { $0 + ByteSearch.count($1, in: lower) }
        if separators >= 2 { return true }
        if words <= 2 { return true }
        // An all-capitals line of a few words is a publication's name or a section label.
        let letters = line.unicodeScalars.filter { $0.properties.isAlphabetic }
        return words <= 5 && !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// The name in a byline, without a trailing date or role (`Jane Roe | Nov 3` → `Jane Roe`).
    static func byline(_ rest: String) -> String {
        var name = rest
        for sep in [" | ", " - ", " – ", " — ", ", "] {
            if let r = name.range(of: sep) { name = String(name[..<r.lowerBound]) }
        }
        return name.trimmingCharacters(in: .whitespaces)
    }
}
