import PolicyIndex

/// The explorer on a preview model (`Workspace.isPreview`): the articles are
/// read and can be listed and read while the text index, the actors and the
/// timeline are still being built. Commands that need those say so instead of
/// answering from empty tables ("no matches" would be a lie).
extension App {
    static let indexingNote = "still indexing: search, filters, links, actors and the timeline come when it is done"

    /// Whether a command needs what a preview model does not have yet.
    static func waitsForIndex(_ command: Command, _ s: AppState) -> Bool {
        switch command {
        case .search, .searchNext, .searchPrev, .setFilter, .toggleRollup, .cycleActorSort, .filterKind,
            .nextLink, .prevLink, .followNumber:
            return true
        case .followLink:
            // Enter opens an article from the list (and confirms overlays); elsewhere it follows evidence.
            return s.overlay == nil && s.section != .articleList
        default:
            return false
        }
    }

    /// Swaps the finished model in for the preview the user has been reading:
    /// the documents and their ids are the same, so the reader, the article
    /// list and every position stay where they are; the other panes fill.
    public static func adopt(_ s: inout AppState, finished model: ExplorerModel) {
        refresh(&s, model)
        clampAll(&s, model)
        if s.message == indexingNote { s.message = nil }
    }
}
