/// Where one document's positions for one term are: segment, byte offset into
/// its position stream, and how many positions (boilerplate included).
struct PositionRef: Hashable, Sendable {
    var segment: Int32
    var offset: UInt32
    var count: UInt32
}

/// Walks one term's document stream in one segment, straight from the bytes.
struct DocCursor {
    let stream: UnsafeBufferPointer<UInt8>
    var at: Int
    let end: Int
    /// Local document number of the current entry.
    var doc: UInt32 = 0
    var tfAll: UInt32 = 0
    var tfBoilerplate: UInt32 = 0
    /// Where the current entry's positions start in the segment's position stream.
    var positions: UInt32
    private var nextPositions: UInt32
    let documentFrequency: UInt32

    init(segment: IndexSegment, term: Int) {
        stream = segment.docStream.bytes
        at = Int(segment.docOffsets[term])
        end = Int(segment.docOffsets[term + 1])
        positions = segment.posOffsets[term]
        nextPositions = positions
        documentFrequency = segment.docFrequency[term]
    }

    /// Moves to the next entry; false at the end.
    @inline(__always)
    mutating func next() -> Bool {
        guard at < end else { return false }
        doc &+= VarInt.read(stream, &at)
        let flagged = VarInt.read(stream, &at)
        tfAll = flagged >> 1
        tfBoilerplate = flagged & 1 == 0 ? 0 : VarInt.read(stream, &at)
        positions = nextPositions
        nextPositions &+= VarInt.read(stream, &at)
        return true
    }

    /// Moves to the first entry at or after `target`; false at the end.
    @inline(__always)
    mutating func advance(to target: UInt32) -> Bool {
        while doc < target {
            if !next() { return false }
        }
        return true
    }
}

/// A term's postings decoded across all segments, ascending by document.
struct TermPostings: Sendable {
    var docs: [UInt32] = []
    /// Occurrences per document that count under the search options.
    var tf: [UInt32] = []
    var refs: [PositionRef] = []
}

extension TextIndex {
    /// Decodes the postings of a folded term. Without `includeBoilerplate`,
    /// documents where the term occurs only in boilerplate are left out and
    /// `tf` counts content occurrences only.
    func postings(_ term: String, includeBoilerplate: Bool) -> TermPostings {
        var out = TermPostings()
        var key = term
        key.withUTF8 { k in
            var found: [(segment: Int, term: Int)] = []
            var total = 0
            for (si, segment) in segments.enumerated() {
                guard let id = segment.terms.find(k) else { continue }
                found.append((si, Int(id)))
                total += Int(segment.docFrequency[Int(id)])
            }
            // One allocation per array: growing segment by segment would copy.
            out.docs.reserveCapacity(total)
            out.tf.reserveCapacity(total)
            out.refs.reserveCapacity(total)
            for (si, id) in found { decode(segment: si, term: id, includeBoilerplate: includeBoilerplate, into: &out) }
        }
        return out
    }

    private func decode(segment si: Int, term: Int, includeBoilerplate: Bool, into out: inout TermPostings) {
        let segment = segments[si]
        let base = UInt32(segment.firstDoc)
        var cursor = DocCursor(segment: segment, term: term)
        while cursor.next() {
            let tf = includeBoilerplate ? cursor.tfAll : cursor.tfAll - cursor.tfBoilerplate
            guard tf > 0 else { continue }
            out.docs.append(base + cursor.doc)
            out.tf.append(tf)
            out.refs.append(PositionRef(segment: Int32(si), offset: cursor.positions, count: cursor.tfAll))
        }
    }

    /// Appends the positions at `ref` to `out`, ascending; boilerplate positions
    /// only when asked.
    func positions(_ ref: PositionRef, includeBoilerplate: Bool, into out: inout [UInt32]) {
        let p = positionStreams[Int(ref.segment)]
        var i = Int(ref.offset)
        var position: UInt32 = 0
        for _ in 0..<ref.count {
            let v = VarInt.read(p, &i)
            position &+= v >> 1
            if includeBoilerplate || v & 1 == 0 { out.append(position) }
        }
    }
}

/// Operations on ascending, duplicate-free document lists.
enum SortedIDs {
    static func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.count > b.count { return intersect(b, a) }
        var out: [UInt32] = []
        out.reserveCapacity(a.count)
        if a.count * 16 < b.count {
            // Much smaller list: gallop through the larger one.
            var lo = 0
            for x in a {
                lo = lowerBound(b, x, from: lo)
                if lo == b.count { break }
                if b[lo] == x { out.append(x) }
            }
            return out
        }
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            let x = a[i]
            let y = b[j]
            if x == y {
                out.append(x)
                i += 1
                j += 1
            } else if x < y { i += 1 } else { j += 1 }
        }
        return out
    }

    static func union(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [UInt32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            let x = a[i]
            let y = b[j]
            if x == y {
                out.append(x)
                i += 1
                j += 1
            } else if x < y {
                out.append(x)
                i += 1
            } else {
                out.append(y)
                j += 1
            }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if b.isEmpty || a.isEmpty { return a }
        var out: [UInt32] = []
        out.reserveCapacity(a.count)
        var j = 0
        for x in a {
            while j < b.count, b[j] < x { j += 1 }
            if j < b.count, b[j] == x { continue }
            out.append(x)
        }
        return out
    }

    /// First index in `a[from...]` whose value is ≥ x (exponential then binary search).
    static func lowerBound(_ a: [UInt32], _ x: UInt32, from: Int = 0) -> Int {
        var lo = from
        var step = 1
        var hi = from
        while hi < a.count, a[hi] < x {
            lo = hi + 1
            hi += step
            step <<= 1
        }
        hi = min(hi, a.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of `x` in `a`, or nil.
    static func find(_ a: [UInt32], _ x: UInt32) -> Int? {
        let i = lowerBound(a, x)
        return i < a.count && a[i] == x ? i : nil
    }
}
