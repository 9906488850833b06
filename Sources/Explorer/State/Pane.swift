/// The three panes of the screen.
public enum Pane: Int, Sendable, Codable, CaseIterable {
    case articles, actors, timeline

    public var title: String {
        switch self {
        case .articles: "Articles"
        case .actors: "Actors"
        case .timeline: "Timeline"
        }
    }
    /// Sections of the pane, in the order `h`/`l` walk them.
    public var sections: [Section] {
        switch self {
        case .articles: [.articleList, .reader]
        case .actors: [.actorList, .relations, .evidence]
        case .timeline: [.timeline]
        }
    }
}

/// A focusable part of a pane: a list or the reader.
public enum Section: String, Sendable, Codable, CaseIterable {
    case articleList = "articles"
    case reader
    case actorList = "actors"
    case relations
    case evidence
    case timeline

    public var pane: Pane {
        switch self {
        case .articleList, .reader: .articles
        case .actorList, .relations, .evidence: .actors
        case .timeline: .timeline
        }
    }
    public var title: String {
        switch self {
        case .articleList: "Articles"
        case .reader: "Reader"
        case .actorList: "Actors"
        case .relations: "Relations"
        case .evidence: "Evidence"
        case .timeline: "Timeline"
        }
    }
}

/// Selection and scroll of one list.
public struct ListPosition: Hashable, Sendable, Codable {
    public var selected = 0
    public var top = 0
    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Keeps the selection inside `0..<count` and visible in `rows` rows.
    public mutating func clamp(count: Int, rows: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        let visible = max(1, rows)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }
}
