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
    /// exists in the corpus is skipped.
    public func apply(to s: inout AppState, _ model: ExplorerModel) {
        var byID: [String: ActorRef] = [:]
        for (i, a) in model.workspace.actors.actors.enumerated() { byID[a.id] = ActorRef(i) }
        func find(_ r: ArticleRef?) -> DocumentID? {
            guard let r else { return nil }
            return model.workspace.documents.first { $0.path == r.path && $0.line == r.line }?.id
        }
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
            case "article": s.filter = find(f.article).map { .document($0) }
            default: break
            }
        }
        App.refresh(&s, model, keepSelection: false)
        for (k, v) in lists { if let sec = Section(rawValue: k) { s.lists[sec] = v } }
        if let d = find(article) {
            s.reader = ReaderState(document: d, top: max(0, readerTop), sentence: readerSentence)
            if let k = readerSentence, !model.document(d).sentences.indices.contains(k) { s.reader.sentence = nil }
        }
        if let sec = Section(rawValue: section) { App.focus(&s, section: sec) }
        App.clampAll(&s, model)
    }
}
