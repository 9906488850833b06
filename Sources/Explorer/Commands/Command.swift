/// Everything the explorer can do, by a stable long name. Keys, the help
/// overlay, `docs/keys.md` and replay scripts all name commands this way.
public enum Command: String, Sendable, CaseIterable, Codable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case goTop = "go-top"
    case goBottom = "go-bottom"
    case focusNextPane = "focus-next-pane"
    case focusPrevPane = "focus-prev-pane"
    case focusPane1 = "focus-pane-1"
    case focusPane2 = "focus-pane-2"
    case focusPane3 = "focus-pane-3"
    case sectionPrev = "section-prev"
    case sectionNext = "section-next"
    case followLink = "follow-link"
    case nextLink = "next-link"
    case prevLink = "prev-link"
    case goBack = "go-back"
    case goForward = "go-forward"
    case followNumber = "follow-number"
    case setMark = "set-mark"
    case jumpToMark = "jump-to-mark"
    case search
    case searchNext = "search-next"
    case searchPrev = "search-prev"
    case quickJump = "quick-jump"
    case setFilter = "set-filter"
    case clearFilter = "clear-filter"
    case toggleFreeze = "toggle-freeze"
    case toggleRollup = "toggle-rollup"
    case cycleActorSort = "cycle-actor-sort"
    case filterKind = "filter-kind"
    case help
    case cancel
    case redraw
    case quit
    case quitNow = "quit-now"

    public var name: String { rawValue }
    public init?(name: String) { self.init(rawValue: name) }
}

/// What `update` asks the executable to do; `update` itself does no I/O.
public enum Effect: Hashable, Sendable {
    case quit
    /// Store the reading position beside the corpus.
    case saveSession(Session)
    /// Repaint the whole screen (after `redraw`).
    case repaint
}
