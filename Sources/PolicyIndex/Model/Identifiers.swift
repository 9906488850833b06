/// Stable identifiers that every cross-reference in polex points at.
///
/// Documents are numbered in load order (which is a stable, sorted walk of the
/// paths given), sentences by their position in the document. Offsets into a
/// document's text are UTF-8 byte offsets into `Document.text`.

public struct DocumentID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let raw: Int32
    public init(_ raw: Int32) { self.raw = raw }
    public init(_ raw: Int) { self.raw = Int32(raw) }
    public var index: Int { Int(raw) }
    public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    public var description: String { "d\(raw)" }
}

public struct SentenceID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let document: DocumentID
    /// Position of the sentence within its document, from 0.
    public let index: Int32
    public init(document: DocumentID, index: Int) {
        self.document = document
        self.index = Int32(index)
    }
    public static func < (a: Self, b: Self) -> Bool {
        (a.document.raw, a.index) < (b.document.raw, b.index)
    }
    /// `d3:s17` — the form used in JSON output and in links.
    public var description: String { "\(document):s\(index)" }
}

/// A half-open range of UTF-8 byte offsets into a document's text.
public struct TextSpan: Hashable, Sendable, Codable, Comparable {
    public var start: Int32
    public var end: Int32
    public init(_ start: Int, _ end: Int) {
        self.start = Int32(start)
        self.end = Int32(end)
    }
    public var range: Range<Int> { Int(start)..<Int(end) }
    public var length: Int { Int(end - start) }
    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
    public static func < (a: Self, b: Self) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
