import Foundation
import PolicyIndex
import TextUI

/// `/` search, `n`/`N` through its hits, and the quick-jump overlay.
extension App {
    static let searchLimit = 500

    /// How many of the best hits get every match in their article as a stop for
    /// `n`/`N`; the rest stop at their best sentence.
    static let fullMatchHits = 100

    static func runSearch(_ s: inout AppState, _ text: String, _ model: ExplorerModel) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        let query: Query
        let results: SearchResults
        do {
            query = try Query(text)
            if model.workspace.unbuilt.contains(.actors), needsActors(query.root) {
                s.message = "still indexing: actor: filters come when the actors are found"
                return
            }
            results = try model.workspace.searchResults(text, limit: searchLimit)
        } catch {
            s.message = "query: \(error)"
            return
        }
        let hits = results.hits
        var stops: [SearchStop] = []
        for (i, h) in hits.enumerated() {
            let doc = model.document(h.document)
            let spans = i < fullMatchHits ? model.workspace.matches(of: query, in: h.document) : h.matches
            if spans.isEmpty {
                stops.append(SearchStop(sentence: h.sentence, span: nil))
                continue
            }
            for m in spans.sorted() {
                let k = doc.sentenceIndex(containing: Int(m.start)) ?? Int(h.sentence.index)
                stops.append(SearchStop(sentence: SentenceID(document: h.document, index: k), span: m))
            }
        }
        s.search = SearchState(query: text, hits: hits, stops: stops, current: nil)
        guard !hits.isEmpty else {
            s.message = "no hits for \(text)"
            return
        }
        s.overlay = .results(ListPosition())
        let more = results.totalDocuments > hits.count ? " (best \(hits.count) shown)" : ""
        s.message = "\(results.totalDocuments) articles match \(text)\(more); Enter opens, n/N step through hits"
    }

    static func openHit(_ s: inout AppState, _ i: Int, _ model: ExplorerModel) {
        s.overlay = nil
        guard let search = s.search, search.hits.indices.contains(i) else { return }
        let hit = search.hits[i]
        let stop = search.stops.firstIndex { $0.sentence.document == hit.document } ?? 0
        record(&s)
        openStop(&s, stop, model)
    }

    static func openStop(_ s: inout AppState, _ k: Int, _ model: ExplorerModel) {
        guard var search = s.search, search.stops.indices.contains(k) else { return }
        search.current = k
        s.search = search
        let stop = search.stops[k]
        if s.reader.document == stop.sentence.document {
            focus(&s, section: .reader)
            s.reader.sentence = Int(stop.sentence.index)
            s.reader.link = firstMention(model, stop.sentence.document, sentence: Int(stop.sentence.index))
            if let span = stop.span ?? model.workspace.sentence(stop.sentence)?.span { reveal(&s, span: span, model) }
        } else {
            open(&s, stop.sentence, highlight: stop.span, model)
        }
        s.message = "hit \(k + 1)/\(search.stops.count) for \(search.query)"
    }

    static func searchStep(_ s: inout AppState, _ d: Int, _ model: ExplorerModel) {
        guard let search = s.search, !search.stops.isEmpty else {
            s.message = "no search yet: / searches"
            return
        }
        let n = search.stops.count
        let next: Int
        if let c = search.current {
            next = ((c + d) % n + n) % n
        } else {
            // Start from the reader's position.
            let here = s.reader.document.map { SentenceID(document: $0, index: s.reader.sentence ?? 0) }
            if let here, d > 0, let i = search.stops.firstIndex(where: { $0.sentence >= here }) {
                next = i
            } else if let here, d < 0, let i = search.stops.lastIndex(where: { $0.sentence < here }) {
                next = i
            } else {
                next = d > 0 ? 0 : n - 1
            }
        }
        if s.reader.document != search.stops[next].sentence.document { record(&s) }
        openStop(&s, next, model)
    }
}
