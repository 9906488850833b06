/// The postings of a contiguous run of documents, built on one core.
///
/// Segments are never merged: a query looks a term up in each segment's own
/// vocabulary and reads the segments in document order. That keeps the build
/// free of a serial merge and keeps memory flat (each segment compacts its
/// postings into two byte streams as soon as it is done).
///
/// Per term, the document stream holds, for each document containing it:
/// `docDelta, tfAll << 1 | hasBoilerplate, [tfBoilerplate], positionBytes`
/// (varints; the bracketed one only when the flag is set); the position
/// stream holds per occurrence `(positionDelta << 1) | isBoilerplate`, the delta
/// restarting at each document. Positions count tokens within a document with a
/// gap of one between sentences, so a phrase never spans a sentence boundary.
struct IndexSegment: Sendable {
    let firstDoc: Int
    let docCount: Int
    let terms: TermTable
    let docOffsets: [UInt32]
    let docStream: ByteBlock
    let posOffsets: [UInt32]
    let posStream: ByteBlock
    /// Documents containing each term anywhere (content or boilerplate).
    let docFrequency: [UInt32]
}

/// Per-document figures a segment build returns besides its postings.
struct SegmentDocStats {
    var lengthAll: [UInt32] = []
    var lengthContent: [UInt32] = []
    /// Token position of the first token of every sentence, documents back to back.
    var sentenceStarts: [UInt32] = []
    var sentenceCounts: [UInt32] = []
}

extension IndexSegment {
    /// Tokenises `documents[range]` and builds their postings.
    static func build(_ documents: [Document], _ range: Range<Int>) -> (IndexSegment, SegmentDocStats) {
        var terms = TermTable(expectedTerms: 4096)
        var stats = SegmentDocStats()
        stats.lengthAll.reserveCapacity(range.count)
        stats.lengthContent.reserveCapacity(range.count)
        // One entry per token: its term, and (local doc << 32 | position << 1 | boilerplate).
        var termOf: [UInt32] = []
        var entries: [UInt64] = []
        let expected = documents[range].reduce(0) { $0 + $1.text.utf8.count } / 6
        termOf.reserveCapacity(expected)
        entries.reserveCapacity(expected)

        for d in range {
            let doc = documents[d]
            let local = UInt64(d - range.lowerBound) << 32
            var position: UInt32 = 0
            var all: UInt32 = 0
            var content: UInt32 = 0
            withUTF8(of: doc.text) { bytes in
                for sentence in doc.sentences {
                    stats.sentenceStarts.append(position)
                    let bp: UInt32 = sentence.isBoilerplate ? 1 : 0
                    let lo = max(0, min(Int(sentence.span.start), bytes.count))
                    let hi = max(lo, min(Int(sentence.span.end), bytes.count))
                    Tokenizer.forEachToken(in: bytes, range: lo..<hi) { term, _ in
                        termOf.append(terms.intern(term))
                        entries.append(local | UInt64(position << 1 | bp))
                        position += 1
                    }
                    let n = position - stats.sentenceStarts[stats.sentenceStarts.count - 1]
                    all += n
                    if bp == 0 { content += n }
                    position += 1  // the sentence gap
                }
            }
            stats.sentenceCounts.append(UInt32(doc.sentences.count))
            stats.lengthAll.append(all)
            stats.lengthContent.append(content)
        }
        let segment = encode(firstDoc: range.lowerBound, docCount: range.count, terms: terms, termOf: termOf, entries: entries)
        return (segment, stats)
    }

    /// Groups the token entries by term (a stable counting sort keeps documents
    /// and positions ascending) and writes the two streams.
    private static func encode(firstDoc: Int, docCount: Int, terms: TermTable, termOf: [UInt32], entries: [UInt64]) -> IndexSegment {
        let termCount = terms.count
        var bucket = [Int](repeating: 0, count: termCount + 1)
        for t in termOf { bucket[Int(t) + 1] += 1 }
        for t in 0..<termCount { bucket[t + 1] += bucket[t] }
        let bounds = bucket
        let sorted = [UInt64](unsafeUninitializedCapacity: entries.count) { out, count in
            for (i, t) in termOf.enumerated() {
                out[bucket[Int(t)]] = entries[i]
                bucket[Int(t)] += 1
            }
            count = entries.count
        }

        var docStream: [UInt8] = []
        var posStream: [UInt8] = []
        docStream.reserveCapacity(entries.count * 2)
        posStream.reserveCapacity(entries.count + entries.count / 2)
        var docOffsets = [UInt32](repeating: 0, count: termCount + 1)
        var posOffsets = [UInt32](repeating: 0, count: termCount + 1)
        var docFrequency = [UInt32](repeating: 0, count: termCount)
        for t in 0..<termCount {
            docOffsets[t] = UInt32(docStream.count)
            posOffsets[t] = UInt32(posStream.count)
            var i = bounds[t]
            let end = bounds[t + 1]
            var previousDoc: UInt32 = 0
            var df: UInt32 = 0
            while i < end {
                let doc = UInt32(truncatingIfNeeded: sorted[i] >> 32)
                let posStart = posStream.count
                var previousPosition: UInt32 = 0
                var tfAll: UInt32 = 0
                var tfBoilerplate: UInt32 = 0
                while i < end, UInt32(truncatingIfNeeded: sorted[i] >> 32) == doc {
                    let packed = UInt32(truncatingIfNeeded: sorted[i])
                    let position = packed >> 1
                    VarInt.append((position - previousPosition) << 1 | (packed & 1), to: &posStream)
                    previousPosition = position
                    tfAll += 1
                    tfBoilerplate += packed & 1
                    i += 1
                }
                VarInt.append(doc - previousDoc, to: &docStream)
                // Most entries have no boilerplate occurrence: a flag bit saves the count.
                VarInt.append(tfAll << 1 | (tfBoilerplate > 0 ? 1 : 0), to: &docStream)
                if tfBoilerplate > 0 { VarInt.append(tfBoilerplate, to: &docStream) }
                VarInt.append(UInt32(posStream.count - posStart), to: &docStream)
                previousDoc = doc
                df += 1
            }
            docFrequency[t] = df
        }
        docOffsets[termCount] = UInt32(docStream.count)
        posOffsets[termCount] = UInt32(posStream.count)
        return IndexSegment(
            firstDoc: firstDoc, docCount: docCount, terms: terms, docOffsets: docOffsets, docStream: ByteBlock(docStream),
            posOffsets: posOffsets, posStream: ByteBlock(posStream), docFrequency: docFrequency)
    }
}

/// Runs `body` on the UTF-8 bytes of a string without copying native strings.
@inline(__always)
func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}

/// Immutable bytes at a fixed address, so readers can hold a plain pointer
/// (no reference counting per access in the query loops) while the block lives.
final class ByteBlock: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ array: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        bytes = UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }
    /// A copy of bytes held elsewhere (a snapshot being read).
    init(copying raw: UnsafeRawBufferPointer) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(raw.count, 1))
        if raw.count > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
        bytes = UnsafeBufferPointer(rebasing: buffer[0..<raw.count])
    }
    deinit { UnsafeMutableBufferPointer(mutating: bytes).deallocate() }
}
