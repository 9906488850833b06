import Foundation
import PolicyIndex
import TextUI

/// One wrapped line of the reader.
public struct ReaderLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case title(String)
        case meta(String)
        case blank
        /// A stretch of the document text (UTF-8 byte range) from paragraph `paragraph`.
        case text(paragraph: Int)
    }
    public var kind: Kind
    public var start: Int
    public var end: Int
}

/// A document wrapped to a width. Built once per (document, width) and cached,
/// so scrolling does not re-wrap.
public struct ReaderLayout: Sendable {
    public let width: Int
    public let lines: [ReaderLine]

    public init(document doc: Document, width: Int) {
        let w = max(1, width)
        self.width = w
        var lines: [ReaderLine] = []
        let title = doc.title.isEmpty ? doc.path : doc.title
        for piece in Self.wrap(plain: title, width: w) { lines.append(ReaderLine(kind: .title(piece), start: -1, end: -1)) }
        var meta: [String] = []
        if let d = doc.date { meta.append(d.date.iso) }
        if let s = doc.source { meta.append(s) }
        if let a = doc.author { meta.append(a) }
        meta.append(doc.line.map { "\(doc.path):\($0)" } ?? doc.path)
        for piece in Self.wrap(plain: meta.joined(separator: " · "), width: w) { lines.append(ReaderLine(kind: .meta(piece), start: -1, end: -1)) }
        lines.append(ReaderLine(kind: .blank, start: 0, end: 0))
        let paragraphs = doc.paragraphs.isEmpty ? [Paragraph(span: TextSpan(0, doc.text.utf8.count))] : doc.paragraphs
        let utf8 = Array(doc.text.utf8)
        for (p, para) in paragraphs.enumerated() {
            if p > 0 { lines.append(ReaderLine(kind: .blank, start: Int(para.span.start), end: Int(para.span.start))) }
            Self.wrap(utf8, para.span.range.clamped(to: 0..<utf8.count), width: w) { lo, hi in
                lines.append(ReaderLine(kind: .text(paragraph: p), start: lo, end: hi))
            }
        }
        self.lines = lines
    }

    /// The first line showing byte `offset`, by binary search over line starts.
    public func line(containing offset: Int) -> Int {
        var lo = 0
        var hi = lines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lines[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        var i = max(0, lo - 1)
        while i > 0, case .blank = lines[i].kind { i -= 1 }
        while i + 1 < lines.count, lines[i].end <= offset, lines[i + 1].start <= offset, case .text = lines[i + 1].kind { i += 1 }
        return i
    }

    /// Greedy word wrap of a byte range by display columns; calls `emit` per line.
    static func wrap(_ bytes: [UInt8], _ range: Range<Int>, width: Int, emit: (Int, Int) -> Void) {
        var lineStart = range.lowerBound
        var col = 0
        var breakAt: (space: Int, after: Int, col: Int)?
        var emitted = false
        var o = range.lowerBound
        while o < range.upperBound {
            let (len, w, isSpace, isNewline) = Self.measure(bytes, o, range.upperBound)
            if isNewline {
                emit(lineStart, o)
                emitted = true
                lineStart = o + len
                col = 0
                breakAt = nil
                o += len
                continue
            }
            while col + w > width, col > 0 {
                if let br = breakAt, br.after > lineStart {
                    emit(lineStart, br.space)
                    lineStart = br.after
                    col -= br.col
                } else {
                    emit(lineStart, o)
                    lineStart = o
                    col = 0
                }
                emitted = true
                breakAt = nil
            }
            if isSpace, col > 0 || o > lineStart { breakAt = (o, o + len, col + w) }
            if isSpace, o == lineStart, emitted {
                // A space that would start a wrapped line is dropped.
                lineStart = o + len
            } else {
                col += w
            }
            o += len
        }
        if lineStart < range.upperBound || !emitted { emit(lineStart, range.upperBound) }
    }

    /// Byte length and columns of the character at `o` (one grapheme, approximated by scalar plus marks).
    static func measure(_ b: [UInt8], _ o: Int, _ end: Int) -> (Int, Int, Bool, Bool) {
        let c = b[o]
        if c < 0x80 {
            if c == 0x0A { return (1, 0, false, true) }
            if c == 0x20 || c == 0x09 { return (1, 1, true, false) }
            if c < 0x20 || c == 0x7F { return (1, 1, false, false) }  // shown as a one-column symbol
            return (1, 1, false, false)
        }
        let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        let n = min(len, end - o)
        guard let s = String(bytes: b[o..<(o + n)], encoding: .utf8), let ch = s.first else { return (max(1, n), 1, false, false) }
        let w = CharacterWidth.sanitize(ch).map { CharacterWidth.columns($0) } ?? CharacterWidth.columns(ch)
        return (n, w, false, false)
    }

    static func wrap(plain text: String, width: Int) -> [String] {
        let bytes = Array(text.utf8)
        var out: [String] = []
        wrap(bytes, 0..<bytes.count, width: width) { lo, hi in out.append(String(decoding: bytes[lo..<hi], as: UTF8.self)) }
        return out
    }
}

/// Keeps the last few reader layouts; the view and update share them.
final class ReaderLayoutCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(DocumentID, Int, ReaderLayout)] = []

    func layout(_ doc: Document, width: Int) -> ReaderLayout {
        lock.lock()
        if let e = entries.first(where: { $0.0 == doc.id && $0.1 == width }) {
            lock.unlock()
            return e.2
        }
        lock.unlock()
        let l = ReaderLayout(document: doc, width: width)
        lock.lock()
        entries.insert((doc.id, width, l), at: 0)
        if entries.count > 8 { entries.removeLast() }
        lock.unlock()
        return l
    }
}

extension ExplorerModel {
    public func readerLayout(_ doc: DocumentID, width: Int) -> ReaderLayout {
        layoutCache.layout(document(doc), width: width)
    }
}
