import Foundation
import PolicyIndex

/// Something the quick-jump overlay can take the reader to.
public struct JumpTarget: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case actor(ActorRef)
        case article(DocumentID)
        /// A year or a month: the timeline scrolls to its first event.
        case date(PartialDate)
    }
    public var kind: Kind
    public var label: String
    public var detail: String
    /// Lower-cased label and aliases, matched by substring.
    let key: String

    init(kind: Kind, label: String, detail: String, also: [String] = []) {
        self.kind = kind
        self.label = label
        self.detail = detail
        key = ([label] + also).joined(separator: "\u{1F}").lowercased()
    }

    var rank: Int {
        switch kind {
        case .actor: 0
        case .date: 1
        case .article: 2
        }
    }

    static func actors(workspace ws: Workspace, table: ActorTable) -> [JumpTarget] {
        table.ordered(.mentions).map { ref in
            let a = ws.actors.actor(ref)
            return JumpTarget(kind: .actor(ref), label: a.name, detail: "\(a.kind.rawValue) · \(table.mentionCount[ref.index]) mentions", also: a.aliases)
        }
    }

    static func dates(_ places: [EventPlace]) -> [JumpTarget] {
        var periods = Set<PartialDate>()
        for p in places where p.isDated {
            periods.insert(PartialDate(year: Int(p.year)))
            if !p.coarse { periods.insert(PartialDate(year: Int(p.year), month: Int(p.month))) }
        }
        return periods.sorted().map { JumpTarget(kind: .date($0), label: $0.iso, detail: "timeline") }
    }

    /// The most costly part (a lower-cased key per article: 0.18 s at 50,000
    /// articles), so the model makes it beside its other tables.
    static func articles(workspace ws: Workspace, order: [DocumentID]) -> [JumpTarget] {
        order.map { id in
            let d = ws.document(id)
            return JumpTarget(kind: .article(id), label: d.title.isEmpty ? d.path : d.title, detail: d.date?.date.iso ?? "undated", also: [d.path])
        }
    }
}

extension ExplorerModel {
    /// Targets whose label or alias contains `query` (case-insensitive): prefix
    /// matches first, then actors before dates before articles.
    public func jumpMatches(_ query: String, limit: Int = 200) -> [JumpTarget] {
        let q = query.lowercased().trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return Array(jumpTargets.prefix(limit)) }
        var prefix: [JumpTarget] = []
        var inner: [JumpTarget] = []
        for t in jumpTargets {
            guard let r = t.key.range(of: q) else { continue }
            if r.lowerBound == t.key.startIndex || t.key[t.key.index(before: r.lowerBound)] == "\u{1F}" {
                prefix.append(t)
            } else if inner.count < limit {
                inner.append(t)
            }
        }
        return Array((prefix + inner).prefix(limit))
    }
}
