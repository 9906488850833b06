import Foundation

/// A ranked hit: the best sentence of a matching document, with matched spans.
public struct SearchHit: Hashable, Sendable {
    public var sentence: SentenceID
    /// BM25 score of the document; 0 for queries made only of filters.
    public var score: Double
    /// Spans of the matched terms (and filter matches) within the hit sentence,
    /// as byte ranges of the document text, ascending.
    public var matches: [TextSpan]
    public init(sentence: SentenceID, score: Double, matches: [TextSpan]) {
        self.sentence = sentence
        self.score = score
        self.matches = matches
    }
    public var document: DocumentID { sentence.document }
}

/// The top hits of a query and how many documents matched in all.
public struct SearchResults: Sendable {
    public var hits: [SearchHit]
    public var totalDocuments: Int
    public init(hits: [SearchHit], totalDocuments: Int) {
        self.hits = hits
        self.totalDocuments = totalDocuments
    }
}

extension TextIndex {
    /// BM25 parameters (the usual defaults).
    static let k1 = 1.2
    static let b = 0.75
    /// Weight of a filter match (an actor mention) when choosing the hit
    /// sentence: less than any term, so terms decide and mentions break ties.
    static let filterSentenceWeight = 0.25

    /// Parses and runs a query with metadata filters only (`actor:` looks for
    /// the name as a phrase); `Workspace.search` resolves actors properly.
    public func search(_ text: String, limit: Int = 20, options: SearchOptions = SearchOptions()) throws(QueryError) -> [SearchHit] {
        search(try Query(text), limit: limit, options: options).hits
    }

    /// Ranks the documents matching `query` by BM25 over the query's terms,
    /// phrases and prefixes, and returns the best `limit`, each as its
    /// best-matching sentence. Equal scores keep document order.
    public func search(
        _ query: Query, limit: Int = 20, options: SearchOptions = SearchOptions(),
        filters: @escaping (QueryFilter) -> FilterMatch? = { _ in nil }
    ) -> SearchResults {
        var ev = QueryEvaluator(index: self, options: options, resolve: filters)
        let lengths = options.includeBoilerplate ? lengthAll : lengthContent
        let average = options.includeBoilerplate ? averageLengthAll : averageLengthContent
        // A lone phrase ranks by its own counts only: documents that cannot reach
        // the top are merely checked for a match (their counts stay below the top's).
        if case .phrase = query.root, limit > 0 { ev.phraseBound = RankBound(limit: limit, lengths: lengths, average: average) }
        let docs = ev.documents(query.root)
        let scoring = Self.unique(query.root.scoringLeaves).map { (node: $0, leaf: ev.leaf($0)) }
        let weights = scoring.map { idf(documentFrequency: $0.leaf.docs.count) }
        var scores = [Double](repeating: 0, count: docs.count)
        for (k, s) in scoring.enumerated() {
            // Both lists ascend: one merge pass adds this leaf's share.
            let leaf = s.leaf
            var j = 0
            for (i, d) in docs.enumerated() {
                while j < leaf.docs.count, leaf.docs[j] < d { j += 1 }
                guard j < leaf.docs.count else { break }
                guard leaf.docs[j] == d else { continue }
                scores[i] += Self.bm25(tf: leaf.tf[j], length: lengths[Int(d)], average: average, weight: weights[k])
            }
        }
        let top = Self.topK(docs, scores, limit)
        let filterLeaves = Self.unique(query.root.positiveFilters).map { ev.filterLeaf($0) }
        let hits = top.map { (d, score) -> SearchHit in
            let picked = bestSentence(doc: d, scoring: zip(scoring.map(\.leaf), weights).map { ($0, $1) }, filters: filterLeaves, ev: ev)
            return SearchHit(sentence: SentenceID(document: DocumentID(Int(d)), index: picked.sentence), score: score, matches: picked.spans)
        }
        return SearchResults(hits: hits, totalDocuments: docs.count)
    }

    /// Every span the query matches in one document, ascending (for stepping
    /// through hits in a reader); empty when the document does not match.
    public func matches(
        of query: Query, in document: DocumentID, options: SearchOptions = SearchOptions(),
        filters: @escaping (QueryFilter) -> FilterMatch? = { _ in nil }
    ) -> [TextSpan] {
        var ev = QueryEvaluator(index: self, options: options, resolve: filters)
        let d = UInt32(document.raw)
        guard SortedIDs.find(ev.documents(query.root), d) != nil else { return [] }
        var marks: [(UInt32, UInt32)] = []
        var extra: [TextSpan] = []
        for node in Self.unique(query.root.scoringLeaves) {
            let (ps, length) = ev.positions(of: ev.leaf(node), in: d)
            marks += ps.map { ($0, length) }
        }
        for f in Self.unique(query.root.positiveFilters) {
            let leaf = ev.filterLeaf(f)
            let (ps, length) = ev.positions(of: leaf, in: d)
            marks += ps.map { ($0, length) }
            extra += leaf.filterSpans(in: d).map(\.span)
        }
        return Self.merge(spans(doc: Int(d), marks: marks, sentence: nil) + extra)
    }

    /// A leaf's BM25 score for `tf` matches in a document of `length` tokens,
    /// `weight` being the leaf's idf.
    static func bm25(tf: UInt32, length: UInt32, average: Double, weight: Double) -> Double {
        let f = Double(tf)
        let norm = k1 * (1 - b + b * Double(length) / average)
        return weight * f * (k1 + 1) / (f + norm)
    }

    func idf(documentFrequency df: Int) -> Double {
        let n = Double(documentCount)
        let f = Double(df)
        return log(1 + (n - f + 0.5) / (f + 0.5))
    }

    /// The sentence where the most (idf-weighted) query leaves meet, and its spans.
    private func bestSentence(
        doc d: UInt32, scoring: [(Leaf, Double)], filters: [Leaf], ev: QueryEvaluator
    ) -> (sentence: Int, spans: [TextSpan]) {
        let doc = Int(d)
        let count = sentenceBase[doc + 1] - sentenceBase[doc]
        var weight = [Double](repeating: 0, count: max(count, 1))
        var occurrences = [Int](repeating: 0, count: max(count, 1))
        var marks: [(position: UInt32, length: UInt32)] = []
        // Filter spans of this document, looked up once per filter.
        let filterSpans = filters.map { $0.filterSpans(in: d) }
        func add(_ leaf: Leaf, _ w: Double, spans: [FilterSpan]) {
            let (ps, length) = ev.positions(of: leaf, in: d)
            var last = -1
            for p in ps {
                let s = sentenceIndex(doc: doc, position: p)
                occurrences[s] += 1
                if s != last { weight[s] += w }
                last = s
                marks.append((p, length))
            }
            var lastSentence: Int32 = -1
            for f in spans where f.sentence.index >= 0 && Int(f.sentence.index) < weight.count {
                if f.sentence.index != lastSentence { weight[Int(f.sentence.index)] += w }
                lastSentence = f.sentence.index
            }
        }
        for (leaf, w) in scoring { add(leaf, w, spans: []) }
        for (k, leaf) in filters.enumerated() { add(leaf, Self.filterSentenceWeight, spans: filterSpans[k]) }

        var best = -1
        for s in 0..<count where weight[s] > 0 {
            if best < 0 || weight[s] > weight[best] || (weight[s] == weight[best] && occurrences[s] > occurrences[best]) { best = s }
        }
        if best < 0 {
            // Nothing to point at (a filter-only query): the first content sentence.
            let sentences = documents[doc].sentences
            best = sentences.firstIndex { !$0.isBoilerplate } ?? 0
            return (best, [])
        }
        var spans = self.spans(doc: doc, marks: marks, sentence: best)
        for fs in filterSpans {
            spans += fs.filter { Int($0.sentence.index) == best }.map(\.span)
        }
        return (best, Self.merge(spans))
    }

    /// Byte spans of token runs `[position, position + length)`, by
    /// re-tokenising only the sentences they fall in (optionally one sentence).
    func spans(doc: Int, marks: [(position: UInt32, length: UInt32)], sentence only: Int?) -> [TextSpan] {
        let document = documents[doc]
        var bySentence: [Int: [(UInt32, UInt32)]] = [:]
        for m in marks {
            let s = sentenceIndex(doc: doc, position: m.position)
            if only == nil || only == s { bySentence[s, default: []].append((m.position, m.length)) }
        }
        var out: [TextSpan] = []
        withUTF8(of: document.text) { bytes in
            for (s, ms) in bySentence where s < document.sentences.count {
                let first = sentenceStarts[sentenceBase[doc] + s]
                let span = document.sentences[s].span
                let lo = max(0, min(Int(span.start), bytes.count))
                let hi = max(lo, min(Int(span.end), bytes.count))
                var tokens: [Range<Int>] = []
                Tokenizer.forEachToken(in: bytes, range: lo..<hi) { _, r in tokens.append(r) }
                for (p, length) in ms {
                    let a = Int(p - first)
                    let z = a + Int(length) - 1
                    guard a >= 0, z < tokens.count else { continue }
                    out.append(TextSpan(tokens[a].lowerBound, tokens[z].upperBound))
                }
            }
        }
        return out
    }

    /// Sorted, with overlapping spans joined.
    static func merge(_ spans: [TextSpan]) -> [TextSpan] {
        var out: [TextSpan] = []
        for s in spans.sorted() {
            if let last = out.last, s.start <= last.end {
                out[out.count - 1].end = max(last.end, s.end)
            } else {
                out.append(s)
            }
        }
        return out
    }

    static func unique<T: Hashable>(_ xs: [T]) -> [T] {
        var seen = Set<T>()
        return xs.filter { seen.insert($0).inserted }
    }

    /// The `k` best (score descending, then document ascending), via a bounded
    /// heap so a term in every document still costs O(n log k).
    static func topK(_ docs: [UInt32], _ scores: [Double], _ k: Int) -> [(UInt32, Double)] {
        guard k > 0 else { return [] }
        // `worse(a, b)`: a ranks below b.
        func worse(_ a: (UInt32, Double), _ b: (UInt32, Double)) -> Bool {
            a.1 < b.1 || (a.1 == b.1 && a.0 > b.0)
        }
        var heap: [(UInt32, Double)] = []  // min-heap on rank: heap[0] is the worst kept
        heap.reserveCapacity(min(k, docs.count))
        for (i, d) in docs.enumerated() {
            let item = (d, scores[i])
            if heap.count < k {
                heap.append(item)
                var c = heap.count - 1
                while c > 0 {
                    let p = (c - 1) / 2
                    guard worse(heap[c], heap[p]) else { break }
                    heap.swapAt(c, p)
                    c = p
                }
            } else if worse(heap[0], item) {
                heap[0] = item
                var p = 0
                while true {
                    let l = 2 * p + 1
                    let r = l + 1
                    var m = p
                    if l < heap.count, worse(heap[l], heap[m]) { m = l }
                    if r < heap.count, worse(heap[r], heap[m]) { m = r }
                    if m == p { break }
                    heap.swapAt(p, m)
                    p = m
                }
            }
        }
        return heap.sorted { worse($1, $0) }
    }
}
