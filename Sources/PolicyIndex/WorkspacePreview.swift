extension Workspace {
    /// A build before it is finished: the same documents, in the same order
    /// and with the same ids as the finished workspace, the text index if it is
    /// built (else an empty one), no actors and no timeline. A front end shows
    /// the article list, the reader and search from it while the rest is built,
    /// then swaps in the finished workspace without losing its place.
    public static func preview(
        roots: [String], documents: [Document], issues: [LoadIssue], textIndex: TextIndex? = nil
    ) -> Workspace {
        let undated = documents.filter { $0.date == nil }.map(\.id)
        return Workspace(
            roots: roots, documents: documents, issues: issues, textIndex: textIndex ?? TextIndex(documents: []),
            actors: ActorAnalysis(documentDates: documents.map { $0.date?.date }),
            timeline: Timeline(expressions: [], events: [], undatedDocuments: undated, expressionRanges: []),
            timings: StageTimings(), unbuilt: textIndex == nil ? [.textIndex, .actors, .timeline] : [.actors, .timeline])
    }
}
