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
struct RankBound: Sendable {
    var limit: Int
    var lengths: [UInt32]
    var average: Double

    /// The score `TextIndex.search` gives, without the idf factor (the same for
    /// every document of one phrase).
    func score(tf: UInt32, length: UInt32) -> Double {
        TextIndex.bm25(tf: tf, length: length, average: average, weight: 1)
    }

    /// The lowest of the best `limit` scores seen so far, once there are that many.
    struct Threshold {
        let limit: Int
        /// Ascending; at most `limit` of them.
        private(set) var scores: [Double] = []

        init(limit: Int) { self.limit = limit }

        /// True when a document whose score is at most `bound` cannot make the
        /// best `limit`. A margin keeps rounding from ever pruning a tie.
        func rulesOut(_ bound: Double) -> Bool {
            scores.count == limit && bound < scores[0] * (1 - 1e-9)
        }

        mutating func add(_ score: Double) {
            guard limit > 0 else { return }
            if scores.count == limit {
                guard score > scores[0] else { return }
                scores.removeFirst()
            }
            let at = scores.firstIndex { $0 > score } ?? scores.count
            scores.insert(score, at: at)
        }
    }
}
