extension Workspace {
    /// The documents of a build before anything else is known: the same
    /// documents, in the same order and with the same ids as the finished
    /// workspace, beside an empty text index, no actors and no timeline. A
    /// front end shows the article list and the reader from it while the rest
    /// is built, then swaps in the finished workspace without losing its place.
    public static func preview(roots: [String], documents: [Document], issues: [LoadIssue]) -> Workspace {
        let undated = documents.filter { $0.date == nil }.map(\.id)
        return Workspace(
            roots: roots, documents: documents, issues: issues, textIndex: TextIndex(documents: []),
            actors: ActorAnalysis(documentDates: documents.map { $0.date?.date }),
            timeline: Timeline(expressions: [], events: [], undatedDocuments: undated, expressionRanges: []),
            timings: StageTimings(), isPreview: true)
    }
}
