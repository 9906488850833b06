/// Search over a whole workspace: the text index plus the `actor:` filter,
/// which needs the actor analysis.
extension Workspace {
    /// The best `limit` hits for a query; see docs/cli.md, "The query language".
    public func search(_ query: String, limit: Int = 20, options: SearchOptions = SearchOptions()) throws(QueryError) -> [SearchHit] {
        try searchResults(query, limit: limit, options: options).hits
    }

    /// The best `limit` hits and how many documents matched in all.
    public func searchResults(_ query: String, limit: Int = 20, options: SearchOptions = SearchOptions()) throws(QueryError)
        -> SearchResults
    {
        searchResults(try Query(query), limit: limit, options: options)
    }

    /// The best `limit` hits for a parsed query and how many documents matched in all.
    public func searchResults(_ query: Query, limit: Int = 20, options: SearchOptions = SearchOptions()) -> SearchResults {
        textIndex.search(query, limit: limit, options: options, filters: filterResolver(options))
    }

    /// Every span a query matches in one document (for n/N stepping in a reader).
    public func matches(of query: Query, in document: DocumentID, options: SearchOptions = SearchOptions()) -> [TextSpan] {
        textIndex.matches(of: query, in: document, options: options, filters: filterResolver(options))
    }

    /// Resolves `actor:` through the actor analysis. An id matches exactly
    /// (ignoring case); otherwise the folded words of a name or alias must equal
    /// the folded words given. Unknown actors fall back to the text index, which
    /// looks for the name as a phrase.
    func filterResolver(_ options: SearchOptions) -> (QueryFilter) -> FilterMatch? {
        let analysis = actors
        let docs = documents
        // Taken only for an `actor:` filter: other queries never wait for it.
        let deferred = actorFilter
        return { filter in
            guard case .actor(let name) = filter else { return nil }
            let refs = Workspace.actorRefs(named: name, in: analysis)
            guard !refs.isEmpty else { return nil }
            let byActor = deferred.value
            // The documents come precomputed; the mentions that mark the hit
            // sentence are looked up only for the documents that are shown.
            return FilterMatch(
                sortedDocuments: byActor.documents(of: refs, includeBoilerplate: options.includeBoilerplate),
                spansInDocument: { d in
                    guard Int(d) < docs.count else { return [] }
                    return byActor.spans(
                        of: refs, in: d, analysis: analysis, document: docs[Int(d)], includeBoilerplate: options.includeBoilerplate)
                })
        }
    }

    static func actorRefs(named name: String, in analysis: ActorAnalysis) -> [ActorRef] {
        let lowered = name.lowercased()
        if let i = analysis.actors.firstIndex(where: { $0.id.lowercased() == lowered }) { return [ActorRef(i)] }
        let wanted = Tokenizer.terms(in: name)
        guard !wanted.isEmpty else { return [] }
        return analysis.actors.indices.filter { i in
            let a = analysis.actors[i]
            return Tokenizer.terms(in: a.name) == wanted || a.aliases.contains { Tokenizer.terms(in: $0) == wanted }
        }.map { ActorRef($0) }
    }
}
