/// One article as polex holds it: cleaned text, metadata, paragraphs and sentences.
///
/// `text` is the readable body after decoding and normalisation (line ends
/// unified to `\n`, NBSP to space, soft hyphens dropped). Every span in polex is
/// a UTF-8 byte range into this string. The original file is never modified.
public struct Document: Sendable, Identifiable {
    public enum Format: String, Sendable, Codable {
        case text, markdown, html, jsonl
    }

    public let id: DocumentID
    /// Path as given or found (relative to the corpus root where there is one).
    public var path: String
    /// For JSON Lines files, the 1-based line this article came from.
    public var line: Int?
    public var format: Format
    public var title: String
    public var source: String?
    public var author: String?
    public var url: String?
    public var date: DocumentDate?
    public var tags: [String]
    /// Front-matter or JSON keys polex does not interpret, kept as text.
    public var extra: [String: String]
    public var text: String
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    /// Size of the file (or JSON line) this document came from.
    public var byteCount: Int

    public init(
        id: DocumentID, path: String, line: Int? = nil, format: Format, title: String,
        source: String? = nil, author: String? = nil, url: String? = nil, date: DocumentDate? = nil,
        tags: [String] = [], extra: [String: String] = [:], text: String,
        paragraphs: [Paragraph] = [], sentences: [Sentence] = [], byteCount: Int = 0
    ) {
        self.id = id
        self.path = path
        self.line = line
        self.format = format
        self.title = title
        self.source = source
        self.author = author
        self.url = url
        self.date = date
        self.tags = tags
        self.extra = extra
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.byteCount = byteCount
    }

    /// The text of a span of this document.
    public func text(_ span: TextSpan) -> Substring {
        let u = text.utf8
        let lo = u.index(u.startIndex, offsetBy: Int(span.start), limitedBy: u.endIndex) ?? u.endIndex
        let hi = u.index(lo, offsetBy: span.length, limitedBy: u.endIndex) ?? u.endIndex
        return text[lo..<hi]
    }

    public func sentence(_ id: SentenceID) -> Sentence? {
        guard id.document == self.id, id.index >= 0, Int(id.index) < sentences.count else { return nil }
        return sentences[Int(id.index)]
    }

    /// The sentence containing a byte offset, by binary search.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let s = sentences[mid].span
            if offset < Int(s.start) { hi = mid } else if offset >= Int(s.end) { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    public var wordCount: Int { sentences.reduce(0) { $0 + Int($1.wordCount) } }
}

/// A document's own date and where it came from.
public struct DocumentDate: Hashable, Sendable, Codable {
    public enum Origin: String, Sendable, Codable {
        case frontMatter = "front-matter", meta, json, dateline, published, filename
    }
    public var date: PartialDate
    public var origin: Origin
    public init(_ date: PartialDate, origin: Origin) {
        self.date = date
        self.origin = origin
    }
}

public struct Paragraph: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        case body, heading, quote, listItem = "list-item", caption
    }
    public var span: TextSpan
    public var kind: Kind
    /// Why the cleaner marked this paragraph as page furniture, or nil for content.
    public var boilerplate: BoilerplateReason?
    /// Indexes into `Document.sentences`.
    public var sentences: Range<Int>

    public init(span: TextSpan, kind: Kind = .body, boilerplate: BoilerplateReason? = nil, sentences: Range<Int> = 0..<0) {
        self.span = span
        self.kind = kind
        self.boilerplate = boilerplate
        self.sentences = sentences
    }
    public var isBoilerplate: Bool { boilerplate != nil }
}

/// Kinds of web-page furniture that the cleaner recognises. Boilerplate stays in
/// the document for reading (shown dimmed) but ranking, actors, relations and the
/// timeline skip it by default.
public enum BoilerplateReason: String, Hashable, Sendable, Codable {
    case commentForm = "comment-form"
    case relatedLinks = "related-links"
    case cookieNotice = "cookie-notice"
    case shareButtons = "share-buttons"
    case publisherBlurb = "publisher-blurb"
    case repeatedCaption = "repeated-caption"
    case navigation
    case masthead
}

public struct Sentence: Hashable, Sendable {
    public var id: SentenceID
    public var span: TextSpan
    public var paragraph: Int32
    public var isBoilerplate: Bool
    public var wordCount: Int32
    public init(id: SentenceID, span: TextSpan, paragraph: Int, isBoilerplate: Bool = false, wordCount: Int = 0) {
        self.id = id
        self.span = span
        self.paragraph = Int32(paragraph)
        self.isBoilerplate = isBoilerplate
        self.wordCount = Int32(wordCount)
    }
}

/// A file (or JSON line) that was skipped or loaded with a caveat.
public struct LoadIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case skipped, warning }
    public var path: String
    public var line: Int?
    public var severity: Severity
    public var reason: String
    public init(path: String, line: Int? = nil, severity: Severity, reason: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.reason = reason
    }
    /// One line for stderr: `polex: skipped notes/bin.dat: binary file (NUL bytes)`.
    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(severity == .skipped ? "skipped" : "warning") \(place): \(reason)"
    }
}
