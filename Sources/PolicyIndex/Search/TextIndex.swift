/// The inverted index with positions. (Placeholder: linear scan.)
public final class TextIndex: Sendable {
    let documents: [Document]
    public init(documents: [Document]) { self.documents = documents }

    public var distinctTerms: Int { 0 }
    public var tokenCount: Int { 0 }

    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        for d in documents {
            for s in d.sentences where d.text(s.span).localizedCaseInsensitiveContains(text) {
                hits.append(SearchHit(sentence: s.id, score: 1, matches: []))
                if hits.count >= limit { return hits }
            }
        }
        return hits
    }
}

/// A ranked hit: the best sentence of a matching document, with matched spans.
public struct SearchHit: Hashable, Sendable {
    public var sentence: SentenceID
    public var score: Double
    /// Spans of the matched terms within the document text.
    public var matches: [TextSpan]
    public init(sentence: SentenceID, score: Double, matches: [TextSpan]) {
        self.sentence = sentence
        self.score = score
        self.matches = matches
    }
    public var document: DocumentID { sentence.document }
}
