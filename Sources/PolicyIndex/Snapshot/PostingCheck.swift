/// Walks a loaded segment's two posting streams once, so queries can then
/// decode them without bounds checks of their own: every variable-length
/// integer ends inside its term's bytes, documents ascend inside the segment,
/// boilerplate counts stay within the occurrence counts, and every position
/// lies inside its document's token range. One linear pass over bytes that
/// were just copied; nothing is allocated.
enum PostingCheck {
    /// `positionLimits[d]`: one past the last token position of document `d`
    /// (its tokens plus the gaps between sentences), for every document of the
    /// workspace. An array rather than a function of `d`: it is read once per
    /// posting, millions of times at 50,000 articles, and working it out from
    /// the document each time was most of this walk's cost.
    static func check(_ s: IndexSegment, positionLimits: [Int]) throws(SnapshotProblem) {
        precondition(s.firstDoc + s.docCount <= positionLimits.count, "a limit for every document of the segment")
        let docs = s.docStream.bytes
        let pos = s.posStream.bytes
        for t in 0..<s.docFrequency.count {
            var d = Reader(bytes: docs, at: Int(s.docOffsets[t]), end: Int(s.docOffsets[t + 1]))
            var positionsAt = Int(s.posOffsets[t])
            let positionsEnd = Int(s.posOffsets[t + 1])
            var doc = -1
            var frequency: UInt32 = 0
            while d.at < d.end {
                let delta = Int(try d.next())
                guard doc < 0 || delta > 0 else { throw .corrupt("index documents out of order") }
                doc = max(doc, 0) + delta
                guard doc < s.docCount else { throw .corrupt("index document out of its segment") }
                let flagged = try d.next()
                let all = flagged >> 1
                let boilerplate = flagged & 1 == 0 ? 0 : try d.next()
                guard all > 0, boilerplate <= all else { throw .corrupt("index occurrence counts disagree") }
                let width = Int(try d.next())
                guard width <= positionsEnd - positionsAt else { throw .corrupt("index positions overrun their term") }
                var p = Reader(bytes: pos, at: positionsAt, end: positionsAt + width)
                var position = 0
                // Steps after the first are positive, so positions ascend and only
                // the last needs comparing with the document's limit.
                for k in 0..<all {
                    let step = Int(try p.next() >> 1)
                    guard k == 0 || step > 0 else { throw .corrupt("index positions out of order") }
                    position += step
                }
                guard position < positionLimits[s.firstDoc + doc] else { throw .corrupt("index position beyond its document") }
                guard p.at == p.end else { throw .corrupt("index positions miscounted") }
                positionsAt += width
                frequency += 1
            }
            guard positionsAt == positionsEnd, frequency == s.docFrequency[t] else { throw .corrupt("index postings miscounted") }
        }
    }

    /// Variable-length integers read with a bound on every byte.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at: Int
        let end: Int

        @inline(__always)
        mutating func next() throws(SnapshotProblem) -> UInt32 {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard at < end, shift < 35 else { throw .corrupt("index posting overruns its term") }
                let b = bytes[at]
                at += 1
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            guard v <= UInt64(UInt32.max) else { throw .corrupt("index posting too large") }
            return UInt32(v)
        }
    }
}
