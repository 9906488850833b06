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
        for piece in WrappedText(title, width: w).lines { lines.append(ReaderLine(kind: .title(piece.text), start: -1, end: -1)) }
        var meta: [String] = []
        if let d = doc.date { meta.append(d.date.iso) }
        if let s = doc.source { meta.append(s) }
        if let a = doc.author { meta.append(a) }
        meta.append(doc.line.map { "\(doc.path):\($0)" } ?? doc.path)
        for piece in WrappedText(meta.joined(separator: " · "), width: w).lines { lines.append(ReaderLine(kind: .meta(piece.text), start: -1, end: -1)) }
        lines.append(ReaderLine(kind: .blank, start: 0, end: 0))
        let paragraphs = doc.paragraphs.isEmpty ? [Paragraph(span: TextSpan(0, doc.text.utf8.count))] : doc.paragraphs
        for (p, para) in paragraphs.enumerated() {
            let at = Int(para.span.start)
            if p > 0 { lines.append(ReaderLine(kind: .blank, start: at, end: at)) }
            // Wrapped by TextUI; only the source ranges are kept; styles are applied when drawn.
            for source in WrappedText.lineSources(doc.text(para.span), width: w, sourceOffset: at) {
                let r = source.isEmpty ? at..<at : source
                lines.append(ReaderLine(kind: .text(paragraph: p), start: r.lowerBound, end: r.upperBound))
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
