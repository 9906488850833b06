import PolicyIndex

/// The explorer on a preview model (`Workspace.isPreview`): the articles are
/// read and can be listed and read while the text index, the actors and the
/// timeline are still being built; search works as soon as the text index is
/// in. Commands that need a missing part say so instead of answering from
/// empty tables ("no matches" would be a lie).
extension App {
    /// The note for a command that waits, naming what is still to come.
    static func indexingNote(_ model: ExplorerModel) -> String {
        let search = model.workspace.unbuilt.contains(.textIndex)
        return "still indexing: " + (search ? "search, " : "") + "filters, links, actors and the timeline come when it is done"
    }

    /// Whether a command needs what a preview model does not have yet.
    static func waitsForIndex(_ command: Command, _ s: AppState, _ model: ExplorerModel) -> Bool {
        let unbuilt = model.workspace.unbuilt
        switch command {
        case .search, .searchNext, .searchPrev:
            return unbuilt.contains(.textIndex)
        case .setFilter, .toggleRollup, .cycleActorSort, .filterKind, .nextLink, .prevLink, .followNumber:
            return unbuilt.contains(.actors)
        case .followLink:
            // Enter opens an article from the list (and confirms overlays); elsewhere it follows evidence.
            return unbuilt.contains(.actors) && s.overlay == nil && s.section != .articleList
        default:
            return false
        }
    }

    /// Swaps a model further along (the preview with its text index, or the
    /// finished one) in for the one the user has been reading: the documents
    /// and their ids are the same, so the reader, the article list and every
    /// position stay where they are; the other panes fill.
    public static func adopt(_ s: inout AppState, _ model: ExplorerModel) {
        refresh(&s, model)
        clampAll(&s, model)
        if s.message?.hasPrefix("still indexing") == true { s.message = nil }
    }

    /// A query with `actor:` asks for what only the actor analysis knows.
    static func needsActors(_ node: QueryNode) -> Bool {
        switch node {
        case .filter(.actor): return true
        case .filter, .term, .prefix, .phrase: return false
        case .not(let x): return needsActors(x)
        case .and(let xs), .or(let xs): return xs.contains(where: needsActors)
        }
    }
}
