import Foundation

/// Finds a phrase by walking the terms' streams in lockstep, segment by
/// segment, decoding positions only for documents that hold every term.
/// Large segments run on both cores.
struct PhraseMatcher {
    let index: TextIndex
    let terms: [String]
    let includeBoilerplate: Bool
    /// Below this many candidate documents, threads cost more than they save.
    var parallelWork = 5_000
    /// Set when the phrase is the whole of a ranked query: documents that cannot
    /// reach the best `limit` are only checked for one match, and come back with
    /// `tf` 1 and no positions.
    var bound: RankBound?

    /// Per segment: documents, phrase counts and phrase start positions.
    struct Part {
        var docs: [UInt32] = []
        var tf: [UInt32] = []
        var starts: [UInt32] = []
        var offsets: [Int] = [0]
    }

    func run() -> Leaf {
        let segments = index.segments
        // Each segment's term ids; a segment missing a term cannot match.
        let ids: [[Int]?] = segments.map { segment in
            var out: [Int] = []
            for t in terms {
                guard let id = segment.terms.find(t) else { return nil }
                out.append(Int(id))
            }
            return out
        }
        nonisolated(unsafe) var parts = [Part](repeating: Part(), count: segments.count)
        let work = zip(segments, ids).reduce(0) { acc, pair in
            acc + (pair.1.map { ids in ids.map { Int(pair.0.docFrequency[$0]) }.min() ?? 0 } ?? 0)
        }
        if work > parallelWork && segments.count > 1 {
            parts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let slots = out
                DispatchQueue.concurrentPerform(iterations: segments.count) { s in
                    if let termIDs = ids[s] { slots[s] = match(segment: segments[s], termIDs: termIDs) }
                }
            }
        } else {
            for s in segments.indices { if let termIDs = ids[s] { parts[s] = match(segment: segments[s], termIDs: termIDs) } }
        }
        var leaf = Leaf()
        var starts: [UInt32] = []
        var offsets = [0]
        for (s, part) in parts.enumerated() where !part.docs.isEmpty {
            let base = UInt32(segments[s].firstDoc)
            leaf.docs += part.docs.map { $0 + base }
            leaf.tf += part.tf
            let shift = starts.count
            starts += part.starts
            offsets += part.offsets.dropFirst().map { $0 + shift }
        }
        leaf.positions = .phrase(starts: starts, offsets: offsets, length: UInt32(terms.count))
        return leaf
    }

    private func match(segment: IndexSegment, termIDs: [Int]) -> Part {
        var cursorArray = termIDs.map { DocCursor(segment: segment, term: $0) }
        // Lead with the rarest term: it proposes the fewest documents.
        let lead = cursorArray.indices.min { cursorArray[$0].documentFrequency < cursorArray[$1].documentFrequency } ?? 0
        let stream = segment.posStream.bytes
        var scratch = [UInt32](repeating: 0, count: 64)
        var readerArray = cursorArray.map { _ in PositionReader(stream: stream, at: 0, total: 0, includeBoilerplate: includeBoilerplate) }
        // The cursors and readers change on every step of the walk: through
        // buffers, not arrays, whose every change first checks that it is the
        // only owner (6 % of a phrase query's samples).
        return cursorArray.withUnsafeMutableBufferPointer { cursors in
            readerArray.withUnsafeMutableBufferPointer { readers in
                walk(segment: segment, cursors: cursors, lead: lead, stream: stream, readers: readers, scratch: &scratch)
            }
        }
    }

    private func walk(
        segment: IndexSegment, cursors: UnsafeMutableBufferPointer<DocCursor>, lead: Int, stream: UnsafeBufferPointer<UInt8>,
        readers: UnsafeMutableBufferPointer<PositionReader>, scratch: inout [UInt32]
    ) -> Part {
        var part = Part()
        for k in cursors.indices {
            guard cursors[k].next() else { return part }
        }
        var target = cursors.map(\.doc).max() ?? 0
        var threshold = RankBound.Threshold(limit: bound?.limit ?? 0, shared: bound?.shared)
        // Plain locals: unwrapping `bound` inside the loop copies it, and with it
        // retains its array and shared floor once per candidate document.
        let ranked = bound != nil
        let lengths = bound?.lengths ?? []
        let average = bound?.average ?? 0
        while true {
            // Leapfrog until every cursor sits on the same document.
            var aligned = true
            for k in cursors.indices {
                guard cursors[k].advance(to: target) else { return part }
                if cursors[k].doc > target {
                    target = cursors[k].doc
                    aligned = false
                }
            }
            guard aligned else { continue }
            // A phrase in boilerplate only does not count unless asked.
            if includeBoilerplate || !cursors.contains(where: { $0.tfAll == $0.tfBoilerplate }) {
                let length = ranked ? lengths[segment.firstDoc + Int(target)] : 0
                if ranked, threshold.rulesOut(RankBound.score(tf: leastCount(cursors), length: length, average: average)) {
                    if occurs(cursors, stream, readers) {
                        part.docs.append(target)
                        part.tf.append(1)
                        part.offsets.append(part.starts.count)
                    }
                } else {
                    let count = phraseStarts(cursors, stream, &scratch)
                    if count > 0 {
                        part.docs.append(target)
                        part.tf.append(UInt32(count))
                        part.starts += scratch[0..<count]
                        part.offsets.append(part.starts.count)
                        if ranked { threshold.add(RankBound.score(tf: UInt32(count), length: length, average: average)) }
                    }
                }
            }
            guard cursors[lead].next() else { break }
            target = cursors[lead].doc
        }
        return part
    }

    /// The most times the phrase can occur in the cursors' document: the count
    /// of its least frequent word there.
    private func leastCount(_ cursors: UnsafeMutableBufferPointer<DocCursor>) -> UInt32 {
        var least = UInt32.max
        for c in cursors { least = min(least, includeBoilerplate ? c.tfAll : c.tfAll - c.tfBoilerplate) }
        return least
    }

    /// Whether the phrase occurs at all in the cursors' document: walks every
    /// word's positions together and stops at the first match. `readers` is
    /// scratch space, one a word, so nothing is allocated per document.
    private func occurs(
        _ cursors: UnsafeMutableBufferPointer<DocCursor>, _ stream: UnsafeBufferPointer<UInt8>,
        _ readers: UnsafeMutableBufferPointer<PositionReader>
    ) -> Bool {
        for k in cursors.indices {
            readers[k] = PositionReader(stream: stream, at: Int(cursors[k].positions), total: cursors[k].tfAll, includeBoilerplate: includeBoilerplate)
        }
        guard readers[0].next() else { return false }
        while true {
            let start = readers[0].position
            var all = true
            for k in 1..<readers.count {
                guard readers[k].advance(to: start &+ UInt32(k)) else { return false }
                let found = readers[k].position
                if found != start &+ UInt32(k) {
                    // Word k comes next at `found`: no start before `found - k` can
                    // match, so the first word leaps there rather than stepping.
                    guard readers[0].advance(to: found &- UInt32(k)) else { return false }
                    all = false
                    break
                }
            }
            if all { return true }
        }
    }

    /// Decodes the first term's positions into `scratch` and keeps those that
    /// every later term follows at the right distance. Returns how many remain.
    private func phraseStarts(_ cursors: UnsafeMutableBufferPointer<DocCursor>, _ stream: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt32]) -> Int {
        let first = cursors[0]
        if scratch.count < Int(first.tfAll) { scratch = [UInt32](repeating: 0, count: Int(first.tfAll) * 2) }
        return scratch.withUnsafeMutableBufferPointer { buffer in
            var count = 0
            var i = Int(first.positions)
            var position: UInt32 = 0
            for _ in 0..<first.tfAll {
                let v = VarInt.read(stream, &i)
                position &+= v >> 1
                if includeBoilerplate || v & 1 == 0 {
                    buffer[count] = position
                    count += 1
                }
            }
            for k in 1..<cursors.count where count > 0 {
                count = Self.keepFollowed(
                    buffer, count: count, stream: stream, at: cursors[k].positions, total: cursors[k].tfAll, offset: UInt32(k),
                    includeBoilerplate: includeBoilerplate)
            }
            return count
        }
    }

    /// Keeps the starts `s` in `starts[0..<count]` for which `s + offset` is one
    /// of the `total` positions at `at`; decodes only as far as needed.
    @inline(__always)
    static func keepFollowed(
        _ starts: UnsafeMutableBufferPointer<UInt32>, count: Int, stream: UnsafeBufferPointer<UInt8>, at: UInt32, total: UInt32,
        offset: UInt32, includeBoilerplate: Bool
    ) -> Int {
        var i = Int(at)
        var position: UInt32 = 0
        var read = 0
        var kept = 0
        for _ in 0..<total {
            let v = VarInt.read(stream, &i)
            position &+= v >> 1
            guard includeBoilerplate || v & 1 == 0 else { continue }
            while read < count, starts[read] &+ offset < position { read += 1 }
            if read == count { break }
            if starts[read] &+ offset == position {
                starts[kept] = starts[read]
                kept += 1
                read += 1
            }
        }
        return kept
    }
}

/// One term's positions in one document, decoded as far as asked.
struct PositionReader {
    let stream: UnsafeBufferPointer<UInt8>
    var at: Int
    var left: UInt32
    let includeBoilerplate: Bool
    /// The current position, when `valid`.
    private(set) var position: UInt32 = 0
    private(set) var valid = false
    private var decoded: UInt32 = 0

    init(stream: UnsafeBufferPointer<UInt8>, at: Int, total: UInt32, includeBoilerplate: Bool) {
        self.stream = stream
        self.at = at
        self.left = total
        self.includeBoilerplate = includeBoilerplate
    }

    /// Moves to the next position that counts (boilerplate ones only when asked);
    /// false when none is left.
    @inline(__always)
    mutating func next() -> Bool {
        while left > 0 {
            let v = VarInt.read(stream, &at)
            left -= 1
            decoded &+= v >> 1
            if includeBoilerplate || v & 1 == 0 {
                position = decoded
                valid = true
                return true
            }
        }
        valid = false
        return false
    }

    /// Stays, or moves on, to the first counting position at or after `target`;
    /// false when none is left.
    @inline(__always)
    mutating func advance(to target: UInt32) -> Bool {
        if valid, position >= target { return true }
        while next() {
            if position >= target { return true }
        }
        return false
    }
}
