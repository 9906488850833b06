import Foundation

/// The inverted index with positions over every sentence of a corpus.
///
/// Built once, in parallel (one `IndexSegment` per slice of documents), and
/// read-only afterwards. Queries go through `search(_:limit:options:filters:)`;
/// `Workspace.search` adds the `actor:` filter on top.
///
/// `@unchecked Sendable`: every stored property is immutable after `init`; the
/// raw stream pointers point into `ByteBlock`s that the segments keep alive.
public final class TextIndex: @unchecked Sendable {
    let documents: [Document]
    let segments: [IndexSegment]
    /// Each segment's position stream, as plain pointers for the hot loops.
    let positionStreams: [UnsafeBufferPointer<UInt8>]
    /// `firstDoc` of each segment, for finding a document's segment.
    let segmentStarts: [Int]
    let lengthAll: [UInt32]
    let lengthContent: [UInt32]
    /// Token position of each sentence's first token; the sentences of document
    /// `d` are at `sentenceStarts[sentenceBase[d]..<sentenceBase[d + 1]]`.
    let sentenceStarts: [UInt32]
    let sentenceBase: [Int]
    let averageLengthAll: Double
    let averageLengthContent: Double
    let metadata: DocumentMetadataFilters
    /// Every distinct term once, unsorted: enough for the count.
    private let distinct: Lazy<TermTable>
    private let vocabulary: Lazy<Vocabulary>

    /// Tokens indexed, boilerplate included.
    public let tokenCount: Int
    /// Tokens in sentences not marked as boilerplate.
    public let contentTokenCount: Int
    public var documentCount: Int { documents.count }
    /// Distinct folded terms in the whole corpus.
    public var distinctTerms: Int { distinct.value.count }

    /// Indexes `documents` using up to `parallelism` threads.
    public convenience init(documents: [Document], parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let ranges = TextIndex.segmentRanges(documents, parallelism: max(1, parallelism))
        nonisolated(unsafe) var built = [(IndexSegment, SegmentDocStats)?](repeating: nil, count: ranges.count)
        built.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let out = slots
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                out[k] = IndexSegment.build(documents, ranges[k])
            }
        }
        var segments: [IndexSegment] = []
        var lengthAll: [UInt32] = []
        var lengthContent: [UInt32] = []
        var sentenceStarts: [UInt32] = []
        var sentenceBase: [Int] = [0]
        lengthAll.reserveCapacity(documents.count)
        lengthContent.reserveCapacity(documents.count)
        sentenceBase.reserveCapacity(documents.count + 1)
        for case let (segment, stats)? in built {
            segments.append(segment)
            lengthAll += stats.lengthAll
            lengthContent += stats.lengthContent
            sentenceStarts += stats.sentenceStarts
            for c in stats.sentenceCounts { sentenceBase.append(sentenceBase[sentenceBase.count - 1] + Int(c)) }
        }
        self.init(
            documents: documents, segments: segments, lengthAll: lengthAll, lengthContent: lengthContent,
            sentenceStarts: sentenceStarts, sentenceBase: sentenceBase)
    }

    /// An index from its parts: a fresh build, or the arrays a snapshot stored.
    init(
        documents: [Document], segments: [IndexSegment], lengthAll: [UInt32], lengthContent: [UInt32], sentenceStarts: [UInt32],
        sentenceBase: [Int]
    ) {
        self.documents = documents
        self.segments = segments
        self.segmentStarts = segments.map(\.firstDoc)
        self.positionStreams = segments.map(\.posStream.bytes)
        self.lengthAll = lengthAll
        self.lengthContent = lengthContent
        self.sentenceStarts = sentenceStarts
        self.sentenceBase = sentenceBase
        let all = lengthAll.reduce(0) { $0 + Int($1) }
        let content = lengthContent.reduce(0) { $0 + Int($1) }
        self.tokenCount = all
        self.contentTokenCount = content
        self.averageLengthAll = documents.isEmpty ? 1 : max(1, Double(all) / Double(documents.count))
        self.averageLengthContent = documents.isEmpty ? 1 : max(1, Double(content) / Double(documents.count))
        self.metadata = DocumentMetadataFilters(documents)
        let segs = segments
        let distinct = Lazy { Vocabulary.distinctTerms(of: segs) }
        self.distinct = distinct
        self.vocabulary = Lazy { Vocabulary(distinct.value) }
    }

    /// Slices of about 8 MB of text (so transient build memory stays small),
    /// and at least two per thread so the cores stay evenly busy.
    static func segmentRanges(_ documents: [Document], parallelism: Int) -> [Range<Int>] {
        guard !documents.isEmpty else { return [] }
        let total = documents.reduce(0) { $0 + $1.text.utf8.count }
        let wanted = max(parallelism * 2, (total + (8 << 20) - 1) / (8 << 20))
        let target = max(1, total / wanted)
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (i, d) in documents.enumerated() {
            bytes += d.text.utf8.count
            if bytes >= target {
                ranges.append(start..<(i + 1))
                start = i + 1
                bytes = 0
            }
        }
        if start < documents.count { ranges.append(start..<documents.count) }
        return ranges
    }

    /// The segment holding document `doc`.
    @inline(__always)
    func segmentIndex(of doc: Int) -> Int {
        var lo = 0
        var hi = segmentStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if segmentStarts[mid] <= doc { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The sentence (index within its document) holding a token position.
    func sentenceIndex(doc: Int, position: UInt32) -> Int {
        let base = sentenceBase[doc]
        var lo = base
        var hi = sentenceBase[doc + 1]
        guard hi > lo else { return 0 }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if sentenceStarts[mid] <= position { lo = mid } else { hi = mid }
        }
        return lo - base
    }

    /// Bytes held by the index's own arrays (not the documents), for `polex stats`.
    public var memoryFootprint: Int {
        var total = (lengthAll.count + lengthContent.count + sentenceStarts.count) * 4 + sentenceBase.count * 8
        for s in segments {
            total += s.docStream.bytes.count + s.posStream.bytes.count
            total += (s.docOffsets.count + s.posOffsets.count + s.docFrequency.count) * 4
            total += s.terms.memoryFootprint
        }
        return total
    }

    /// Folded terms starting with `prefix`, in byte order.
    func terms(withPrefix prefix: String) -> [String] { vocabulary.value.terms(withPrefix: prefix) }

    /// The total number of documents containing a folded term (for tests and tools).
    public func documentFrequency(of term: String) -> Int {
        postings(term, includeBoilerplate: true).docs.count
    }
}

/// A value computed on first use, once, from any thread.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value
    init(_ make: @escaping @Sendable () -> Value) { self.make = make }
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let v = stored { return v }
        let v = make()
        stored = v
        return v
    }
}

/// Every distinct term of the corpus in byte order, for `prefix*` queries.
/// Built on first use (a plain search never pays for it) from every segment's
/// terms interned byte-wise: no `String` per term.
struct Vocabulary: Sendable {
    let table: TermTable
    /// Term ids of `table` in byte order.
    let sorted: [UInt32]

    /// Every segment's terms interned into one table: the distinct-term count
    /// needs no more (the sort is half the cost of the whole vocabulary).
    static func distinctTerms(of segments: [IndexSegment]) -> TermTable {
        var table = TermTable(expectedTerms: (segments.map(\.terms.count).max() ?? 0) * 2)
        for s in segments {
            s.terms.arena.withUnsafeBufferPointer { arena in
                for id in 0..<s.terms.count {
                    let lo = Int(s.terms.starts[id])
                    let hi = Int(s.terms.starts[id + 1])
                    _ = table.intern(UnsafeBufferPointer(rebasing: arena[lo..<hi]))
                }
            }
        }
        return table
    }

    init(_ table: TermTable) {
        var ids = (0..<UInt32(table.count)).map { $0 }
        table.arena.withUnsafeBufferPointer { arena in
            let starts = table.starts
            ids.sort { a, b in
                let x = UnsafeBufferPointer(rebasing: arena[Int(starts[Int(a)])..<Int(starts[Int(a) + 1])])
                let y = UnsafeBufferPointer(rebasing: arena[Int(starts[Int(b)])..<Int(starts[Int(b) + 1])])
                return x.lexicographicallyPrecedes(y)
            }
        }
        self.table = table
        self.sorted = ids
    }

    var count: Int { sorted.count }

    func terms(withPrefix prefix: String) -> [String] {
        let p = Array(prefix.utf8)
        return table.arena.withUnsafeBufferPointer { arena -> [String] in
            func bytes(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                let id = Int(sorted[k])
                return UnsafeBufferPointer(rebasing: arena[Int(table.starts[id])..<Int(table.starts[id + 1])])
            }
            var lo = 0
            var hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if bytes(mid).lexicographicallyPrecedes(p) { lo = mid + 1 } else { hi = mid }
            }
            var out: [String] = []
            while lo < sorted.count, bytes(lo).starts(with: p) {
                out.append(String(decoding: bytes(lo), as: UTF8.self))
                lo += 1
            }
            return out
        }
    }
}
