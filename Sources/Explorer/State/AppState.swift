import PolicyIndex
import TextUI

/// What the reader pane shows.
public struct ReaderState: Hashable, Sendable {
    public var document: DocumentID?
    /// First wrapped line shown.
    public var top = 0
    /// The highlighted sentence (index within the document).
    public var sentence: Int?
    /// The current link: an index into `workspace.actors.mentions`.
    public var link: Int?
    public init(document: DocumentID? = nil, top: Int = 0, sentence: Int? = nil, link: Int? = nil) {
        self.document = document
        self.top = top
        self.sentence = sentence
        self.link = link
    }
}

/// A place the reader can return to: the history stack and marks hold these.
public struct Location: Hashable, Sendable {
    public var section: Section
    public var lists: [Section: ListPosition]
    public var reader: ReaderState
    public var filter: Filter?
}

/// A finished search: its hits and where `n`/`N` stand.
public struct SearchState: Hashable, Sendable {
    public var query: String
    public var hits: [SearchHit]
    /// Each place `n` stops at: a hit's matched span, or its sentence.
    public var stops: [SearchStop]
    public var current: Int?
}

public struct SearchStop: Hashable, Sendable {
    public var sentence: SentenceID
    public var span: TextSpan?
}

/// Full-screen layers over the panes.
public enum Overlay: Hashable, Sendable {
    case help(ListPosition)
    case results(ListPosition)
    case jump(TextInputState, position: ListPosition)
}

/// Keys that are waiting for more keys.
public enum PendingInput: Hashable, Sendable {
    case none
    case search(TextInputState)
    /// `#` then digits: follow the n-th evidence.
    case number(String)
    case setMark
    case jumpToMark
}

/// The whole state of the explorer as a value: `update` changes it, `view` draws it.
public struct AppState: Hashable, Sendable {
    public var size: Size
    public var section: Section = .articleList
    /// The section each pane had focused last, so pane keys return to it.
    public var paneSection: [Pane: Section] = [.articles: .articleList, .actors: .actorList, .timeline: .timeline]
    public var lists: [Section: ListPosition] = [:]
    public var reader = ReaderState()
    public var filter: Filter?
    /// A frozen pane keeps the filter it had when it was frozen (which may be none).
    public var frozen: [Pane: FrozenFilter] = [:]
    public var sort: ActorSort = .mentions
    public var kind: ActorKind?
    public var rollup = false
    public var back: [Location] = []
    public var forward: [Location] = []
    public var marks: [Character: Location] = [:]
    public var overlay: Overlay?
    public var pending: PendingInput = .none
    public var search: SearchState?
    /// A one-line note for the command line (cleared by the next key).
    public var message: String?
    /// True while the workspace is still being built.
    public var loading = false
    /// How far the build has come while `loading`, when the loader reports it.
    public var loadProgress: LoadProgress?
    /// The key table in use (the standard one plus the user's overrides).
    public var keymap = Keymap.standard
    public var theme = Theme.colors256
    /// The lists each pane shows under its filter.
    public var derived = FilteredLists()

    public init(size: Size) { self.size = size }

    public var pane: Pane { section.pane }

    public func position(_ s: Section) -> ListPosition { lists[s] ?? ListPosition() }

    /// The filter a pane follows: its frozen one, or the global one.
    public func filter(for pane: Pane) -> Filter? {
        if let f = frozen[pane] { return f.filter }
        return filter
    }

    var location: Location { Location(section: section, lists: lists, reader: reader, filter: filter) }
}

public struct FrozenFilter: Hashable, Sendable {
    public var filter: Filter?
}
