import PolicyIndex
import TextUI

/// Where the reader left off, stored as JSON beside the corpus. Everything is
/// named by stable keys (paths, actor ids, dates), not by load-order numbers,
/// so a session survives articles being added.
public struct Session: Codable, Hashable, Sendable {
    public var version = 1
    public var section: String
    public var lists: [String: ListPosition]
    public var article: ArticleRef?
    public var readerTop: Int
    public var readerSentence: Int?
    public var filter: FilterRef?
    public var sort: String
    public var kind: String?
    public var rollup: Bool

    public struct ArticleRef: Codable, Hashable, Sendable {
        public var path: String
        public var line: Int?
    }

    public struct FilterRef: Codable, Hashable, Sendable {
        public var kind: String
        public var actors: [String]?
        public var from: Int?
        public var to: Int?
        public var label: String?
        public var article: ArticleRef?
    }

    public init(_ s: AppState, _ model: ExplorerModel) {
        section = s.section.rawValue
        lists = Dictionary(uniqueKeysWithValues: s.lists.map { ($0.key.rawValue, $0.value) })
        article = s.reader.document.map { Self.ref(model.document($0)) }
        readerTop = s.reader.top
        readerSentence = s.reader.sentence
        sort = s.sort.rawValue
        kind = s.kind?.rawValue
        rollup = s.rollup
        switch s.filter {
        case .actor(let a): filter = FilterRef(kind: "actor", actors: [model.actor(a).id])
        case .relation(let a, let b): filter = FilterRef(kind: "relation", actors: [model.actor(a).id, model.actor(b).id])
        case .dates(let r, let label): filter = FilterRef(kind: "dates", from: r.lowerBound, to: r.upperBound, label: label)
        case .document(let d): filter = FilterRef(kind: "article", article: Self.ref(model.document(d)))
        case nil: filter = nil
        }
    }

    static func ref(_ d: Document) -> ArticleRef { ArticleRef(path: d.path, line: d.line) }

    /// Puts the state back where the session left it; anything that no longer
    /// exists in the corpus is skipped. On a preview model only the article
    /// parts apply; `applyIndexed` adds the rest when the finished model arrives.
    public func apply(to s: inout AppState, _ model: ExplorerModel) {
        if !model.workspace.isPreview { setIndexedParts(&s, model) }
        App.refresh(&s, model, keepSelection: false)
        for (k, v) in lists { if let sec = Section(rawValue: k) { s.lists[sec] = v } }
        if let d = find(article, model) {
            s.reader = ReaderState(document: d, top: max(0, readerTop), sentence: readerSentence)
            if let k = readerSentence, !model.document(d).sentences.indices.contains(k) { s.reader.sentence = nil }
        }
        if let sec = Section(rawValue: section) { App.focus(&s, section: sec) }
        App.clampAll(&s, model)
    }

    /// What a preview could not restore, once the finished model is in: the
    /// filter, the actor list's order and the actor and timeline positions.
    /// The article list and the reader stay where the user has taken them.
    public func applyIndexed(to s: inout AppState, _ model: ExplorerModel) {
        setIndexedParts(&s, model)
        App.refresh(&s, model)
        for (k, v) in lists {
            if let sec = Section(rawValue: k), sec.pane != .articles { s.lists[sec] = v }
        }
        App.clampAll(&s, model)
    }

    /// This session, saved from a preview, with the parts the preview could not
    /// show or change taken from the session it started from, so quitting
    /// early does not forget them.
    public func keepingIndexedParts(of earlier: Session?) -> Session {
        guard let earlier else { return self }
        var out = self
        out.filter = earlier.filter
        out.sort = earlier.sort
        out.kind = earlier.kind
        out.rollup = earlier.rollup
        for (k, v) in earlier.lists {
            if let sec = Section(rawValue: k), sec.pane != .articles { out.lists[k] = v }
        }
        return out
    }

    private func setIndexedParts(_ s: inout AppState, _ model: ExplorerModel) {
        var byID: [String: ActorRef] = [:]
        for (i, a) in model.workspace.actors.actors.enumerated() { byID[a.id] = ActorRef(i) }
        s.sort = ActorSort(rawValue: sort) ?? .mentions
        s.kind = kind.flatMap(ActorKind.init(rawValue:))
        s.rollup = rollup
        if let f = filter {
            switch f.kind {
            case "actor": s.filter = f.actors?.first.flatMap { byID[$0] }.map { .actor($0) }
            case "relation":
                let refs = (f.actors ?? []).compactMap { byID[$0] }
                s.filter = refs.count == 2 ? .relation(refs[0], refs[1]) : nil
            case "dates":
                if let lo = f.from, let hi = f.to, lo < hi { s.filter = .dates(lo..<hi, label: f.label ?? "") }
            case "article": s.filter = find(f.article, model).map { .document($0) }
            default: break
            }
        }
    }

    private func find(_ r: ArticleRef?, _ model: ExplorerModel) -> DocumentID? {
        guard let r else { return nil }
        return model.workspace.documents.first { $0.path == r.path && $0.line == r.line }?.id
    }
}
