import Synchronization

/// What a phrase matcher needs to know to skip work a ranked search will not
/// use: when the query is one phrase and nothing else, only the best `limit`
/// documents by BM25 are shown, so a document that cannot reach them needs no
/// count of its matches, only proof that it has one (it still counts towards
/// the total and the phrase's document frequency).
///
/// A document's phrase count is at most the smallest count of its words, so
/// its score is at most `score(smallest count)`. Each segment keeps the scores
/// of its own best `limit`; a later document of the segment whose bound is
/// below the lowest of them cannot be in the top `limit` of the corpus either.
/// The segments also share the highest such floor any of them has reached, so
/// a segment that starts late prunes from its first document rather than
/// counting fully until it has `limit` documents of its own.
struct RankBound: Sendable {
    var limit: Int
    var lengths: [UInt32]
    var average: Double
    /// One per search: shared by the segments of that search only.
    let shared = SharedFloor()

    init(limit: Int, lengths: [UInt32], average: Double) {
        self.limit = limit
        self.lengths = lengths
        self.average = average
    }

    /// The score `TextIndex.search` gives, without the idf factor (the same for
    /// every document of one phrase).
    @inline(__always)
    static func score(tf: UInt32, length: UInt32, average: Double) -> Double {
        TextIndex.bm25(tf: tf, length: length, average: average, weight: 1)
    }

    /// The lowest of the best `limit` scores seen so far in one segment, once
    /// there are that many, or the shared floor when that is higher.
    struct Threshold {
        let limit: Int
        let shared: SharedFloor?
        /// Ascending; at most `limit` of them.
        private(set) var scores: [Double] = []

        init(limit: Int, shared: SharedFloor? = nil) {
            self.limit = limit
            self.shared = shared
        }

        /// True when a document whose score is at most `bound` cannot make the
        /// best `limit`. A margin keeps rounding from ever pruning a tie.
        func rulesOut(_ bound: Double) -> Bool {
            if scores.count == limit, bound < scores[0] * (1 - 1e-9) { return true }
            guard let shared else { return false }
            return bound < shared.value * (1 - 1e-9)
        }

        mutating func add(_ score: Double) {
            guard limit > 0 else { return }
            if scores.count == limit {
                guard score > scores[0] else { return }
                scores.removeFirst()
            }
            let at = scores.firstIndex { $0 > score } ?? scores.count
            scores.insert(score, at: at)
            if scores.count == limit { shared?.raise(to: scores[0]) }
        }
    }
}

/// The highest score floor any segment of one search has proved: some segment
/// holds `limit` documents scoring at least this much, so no document scoring
/// less can be in the corpus's best `limit`. Read and raised from the
/// segments' threads without a lock: scores are never negative, and the bit
/// patterns of non-negative doubles order as their values do.
final class SharedFloor: Sendable {
    private let bits = Atomic<UInt64>(0)

    var value: Double { Double(bitPattern: bits.load(ordering: .relaxed)) }

    func raise(to score: Double) {
        guard score > 0 else { return }
        let wanted = score.bitPattern
        var seen = bits.load(ordering: .relaxed)
        while seen < wanted {
            let (exchanged, now) = bits.compareExchange(expected: seen, desired: wanted, ordering: .relaxed)
            if exchanged { return }
            seen = now
        }
    }
}
