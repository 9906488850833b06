/// How a search treats the corpus.
public struct SearchOptions: Hashable, Sendable {
    /// Match and rank text in boilerplate sentences too (comment forms, related
    /// links …). Off by default: such text is page furniture, not the article.
    public var includeBoilerplate: Bool
    public init(includeBoilerplate: Bool = false) { self.includeBoilerplate = includeBoilerplate }
}

/// A place where a filter matched inside a document (an actor's mention).
public struct FilterSpan: Hashable, Sendable {
    public var sentence: SentenceID
    public var span: TextSpan
    public init(sentence: SentenceID, span: TextSpan) {
        self.sentence = sentence
        self.span = span
    }
}

/// What a filter resolved to outside the text index (see `Workspace.search`).
public struct FilterMatch: Sendable {
    /// Documents that pass the filter, in any order.
    public var documents: [DocumentID]
    /// Where in them the filter matched; used to pick and mark the hit sentence.
    public var spans: [FilterSpan]
    /// The same documents ascending without repeats, when the resolver knows
    /// them so (then `documents` may be left empty).
    var sortedDocuments: [UInt32]?
    /// Looks up the spans of one document on demand instead of `spans`: a
    /// filter that matches most of the corpus is ranked without listing them all.
    var spansInDocument: (@Sendable (UInt32) -> [FilterSpan])?
    public init(documents: [DocumentID], spans: [FilterSpan] = []) {
        self.documents = documents
        self.spans = spans
    }
    init(sortedDocuments: [UInt32], spansInDocument: @escaping @Sendable (UInt32) -> [FilterSpan]) {
        self.documents = []
        self.spans = []
        self.sortedDocuments = sortedDocuments
        self.spansInDocument = spansInDocument
    }
}

/// The matches of one query leaf: documents ascending, a count per document,
/// and a way back to positions for choosing and marking hit sentences.
struct Leaf: Sendable {
    enum Positions: Sendable {
        case term([PositionRef])
        /// A prefix: the union of its expansions.
        case union([Leaf])
        /// Phrase starts, `starts[offsets[i]..<offsets[i + 1]]` for `docs[i]`.
        case phrase(starts: [UInt32], offsets: [Int], length: UInt32)
        /// Spans from outside the index, ascending by sentence.
        case spans([FilterSpan])
        /// Spans from outside the index, looked up one document at a time.
        case lookup(@Sendable (UInt32) -> [FilterSpan])
        /// Matches whole documents (metadata filters).
        case none
    }
    var docs: [UInt32] = []
    var tf: [UInt32] = []
    var positions: Positions = .none

    static let empty = Leaf()

    /// The filter spans (actor mentions) in one document, ascending by sentence.
    func filterSpans(in doc: UInt32) -> [FilterSpan] {
        switch positions {
        case .spans(let spans):
            var lo = 0
            var hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if UInt32(bitPattern: spans[mid].sentence.document.raw) < doc { lo = mid + 1 } else { hi = mid }
            }
            var out: [FilterSpan] = []
            while lo < spans.count, UInt32(bitPattern: spans[lo].sentence.document.raw) == doc {
                out.append(spans[lo])
                lo += 1
            }
            return out
        case .lookup(let find):
            return find(doc)
        case .term, .union, .phrase, .none:
            return []
        }
    }
}

/// Evaluates a query tree to a sorted list of documents, caching each leaf so
/// ranking and marking reuse the decoded postings.
struct QueryEvaluator {
    let index: TextIndex
    let options: SearchOptions
    let resolve: (QueryFilter) -> FilterMatch?
    /// For a query that is one phrase alone, ranked: lets the phrase skip
    /// counting in documents that cannot reach the top (see `RankBound`).
    var phraseBound: RankBound?
    private var leaves: [QueryNode: Leaf] = [:]
    private var filters: [QueryFilter: Leaf] = [:]
    private var universe: [UInt32]?

    init(index: TextIndex, options: SearchOptions, resolve: @escaping (QueryFilter) -> FilterMatch?) {
        self.index = index
        self.options = options
        self.resolve = resolve
    }

    mutating func documents(_ node: QueryNode) -> [UInt32] {
        switch node {
        case .term, .prefix, .phrase:
            return leaf(node).docs
        case .filter(let f):
            return filterLeaf(f).docs
        case .not(let x):
            return SortedIDs.subtract(all(), documents(x))
        case .or(let xs):
            return xs.reduce(into: [UInt32]()) { acc, x in acc = SortedIDs.union(acc, documents(x)) }
        case .and(let xs):
            var excluded: [QueryNode] = []
            var sets: [[UInt32]] = []
            for x in xs {
                if case .not(let y) = x { excluded.append(y) } else { sets.append(documents(x)) }
            }
            sets.sort { $0.count < $1.count }
            var result = sets.first ?? all()
            for s in sets.dropFirst() where !result.isEmpty { result = SortedIDs.intersect(result, s) }
            for y in excluded where !result.isEmpty { result = SortedIDs.subtract(result, documents(y)) }
            return result
        }
    }

    private mutating func all() -> [UInt32] {
        if let u = universe { return u }
        let u = (0..<UInt32(index.documentCount)).map { $0 }
        universe = u
        return u
    }

    /// The matches of a term, prefix or phrase node.
    mutating func leaf(_ node: QueryNode) -> Leaf {
        if let cached = leaves[node] { return cached }
        let result: Leaf
        switch node {
        case .term(let t): result = termLeaf(t)
        case .prefix(let p): result = prefixLeaf(p)
        case .phrase(let ts): result = phraseLeaf(ts)
        default: result = .empty
        }
        leaves[node] = result
        return result
    }

    private func termLeaf(_ term: String) -> Leaf {
        let p = index.postings(term, includeBoilerplate: options.includeBoilerplate)
        return Leaf(docs: p.docs, tf: p.tf, positions: .term(p.refs))
    }

    private mutating func prefixLeaf(_ prefix: String) -> Leaf {
        let expansions = index.terms(withPrefix: prefix)
        if expansions.count == 1 { return leaf(.term(expansions[0])) }
        let parts = expansions.map { termLeaf($0) }
        // Sum the counts per document in a dense array: linear however many terms match.
        var tf = [UInt32](repeating: 0, count: index.documentCount)
        for part in parts {
            for (k, d) in part.docs.enumerated() { tf[Int(d)] += part.tf[k] }
        }
        var out = Leaf(positions: .union(parts))
        for (d, n) in tf.enumerated() where n > 0 {
            out.docs.append(UInt32(d))
            out.tf.append(n)
        }
        return out
    }

    /// Documents where the terms occur at consecutive positions (within one
    /// sentence, thanks to the sentence gap).
    private func phraseLeaf(_ terms: [String]) -> Leaf {
        var matcher = PhraseMatcher(index: index, terms: terms, includeBoilerplate: options.includeBoilerplate)
        matcher.bound = phraseBound
        return matcher.run()
    }

    /// The documents (and places) a field filter admits.
    mutating func filterLeaf(_ f: QueryFilter) -> Leaf {
        if let cached = filters[f] { return cached }
        var result: Leaf
        if let match = resolve(f) {
            if let docs = match.sortedDocuments, let find = match.spansInDocument {
                result = Leaf(docs: docs, tf: [UInt32](repeating: 1, count: docs.count), positions: .lookup(find))
            } else {
                var docs = match.documents.map { UInt32($0.raw) }
                docs.sort()
                docs = docs.enumerated().compactMap { k, d in k > 0 && docs[k - 1] == d ? nil : d }
                result = Leaf(docs: docs, tf: docs.map { _ in 1 }, positions: .spans(match.spans.sorted { $0.sentence < $1.sentence }))
            }
        } else {
            switch f {
            case .actor(let name):
                // No actor analysis knows this name: look for the name itself.
                let terms = Tokenizer.terms(in: name)
                result = terms.isEmpty ? .empty : leaf(terms.count == 1 ? .term(terms[0]) : .phrase(terms))
            case .source(let s):
                result = Leaf(docs: index.metadata.documents(fromSource: s))
            case .after(let d):
                result = Leaf(docs: index.metadata.documents(dated: d.firstDay..<Int.max))
            case .before(let d):
                result = Leaf(docs: index.metadata.documents(dated: Int.min..<d.firstDay))
            }
        }
        filters[f] = result
        return result
    }

    /// Positions of a leaf's matches in document `doc` (phrase starts for
    /// phrases), ascending, with the number of tokens each match covers.
    func positions(of leaf: Leaf, in doc: UInt32) -> (positions: [UInt32], length: UInt32) {
        guard let i = SortedIDs.find(leaf.docs, doc) else { return ([], 1) }
        switch leaf.positions {
        case .term(let refs):
            var out: [UInt32] = []
            index.positions(refs[i], includeBoilerplate: options.includeBoilerplate, into: &out)
            return (out, 1)
        case .union(let parts):
            var out: [UInt32] = []
            for p in parts { out += positions(of: p, in: doc).positions }
            out.sort()
            return (out, 1)
        case .phrase(let starts, let offsets, let length):
            return (Array(starts[offsets[i]..<offsets[i + 1]]), length)
        case .spans, .lookup, .none:
            return ([], 1)
        }
    }
}
