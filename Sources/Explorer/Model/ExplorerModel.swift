import Foundation
import PolicyIndex

/// Tables derived once from a `Workspace` so that a keystroke never walks the
/// whole corpus: sorted actor lists, per-actor relations, per-document mentions,
/// events and dates, quick-jump targets.
public final class ExplorerModel: Sendable {
    public let workspace: Workspace
    /// Articles newest first; undated ones last, in load order.
    public let documentOrder: [DocumentID]
    /// Position of each document in `documentOrder`.
    let documentRank: [Int]
    /// For each document, the range of its mentions in `workspace.actors.mentions`.
    public let mentionRanges: [Range<Int>]
    /// For each document, indexes of the temporal expressions found in it, by offset.
    public let expressionsByDocument: [[Int]]
    /// For each document, indexes of timeline events that cite it.
    public let eventsByDocument: [[Int]]
    /// Each event's days, year and month, by event index.
    let eventPlaces: [EventPlace]
    /// Actor tables without and with persons rolled up to their countries.
    public let plain: ActorTable
    /// The rolled-up table costs several times the plain one (its relations are
    /// merged anew: 1.4 s against 0.13 s at 50,000 articles) and only `r` needs
    /// it: it is built on another core while the panes are already in use.
    private let rolledUp: Deferred<ActorTable>
    public var rolled: ActorTable { rolledUp.value }
    /// Waits for the parts built on other cores (the rolled-up table), for
    /// benchmarks that time keystrokes rather than keystrokes beside that work.
    public func settle() {
        workspace.settle()
        _ = rolledUp.value
    }
    /// Everything the quick-jump overlay can find.
    let jumpTargets: [JumpTarget]
    let layoutCache = ReaderLayoutCache()

    public init(workspace ws: Workspace) {
        workspace = ws
        // The `actor:` lists are built beside the model and the first frames.
        ws.startBackgroundWork()
        let docs = ws.documents
        documentOrder = docs.indices.sorted { i, j in
            switch (docs[i].date?.date, docs[j].date?.date) {
            case let (a?, b?): return a != b ? a > b : i < j
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return i < j
            }
        }.map { DocumentID($0) }
        var rank = Array(repeating: 0, count: docs.count)
        for (r, d) in documentOrder.enumerated() { rank[d.index] = r }
        documentRank = rank

        let mentions = ws.actors.mentions
        var ranges = Array(repeating: 0..<0, count: docs.count)
        var i = 0
        while i < mentions.count {
            let d = mentions[i].sentence.document.index
            var j = i
            while j < mentions.count, mentions[j].sentence.document.index == d { j += 1 }
            if d >= 0, d < docs.count { ranges[d] = i..<j }
            i = j
        }
        mentionRanges = ranges

        var expr = Array(repeating: [Int](), count: docs.count)
        for (k, e) in ws.timeline.expressions.enumerated() where e.sentence.document.index < docs.count {
            expr[e.sentence.document.index].append(k)
        }
        let exprs = ws.timeline.expressions
        expressionsByDocument = expr.map { $0.sorted { exprs[$0].span < exprs[$1].span } }

        var evByDoc = Array(repeating: [Int](), count: docs.count)
        // `lastEvent[d] == k` marks document d as already listed for event k: cheaper than a Set per event.
        var lastEvent = Array(repeating: -1, count: docs.count)
        for (k, ev) in ws.timeline.events.enumerated() {
            for entry in ev.entries where entry.document.index < docs.count && lastEvent[entry.document.index] != k {
                lastEvent[entry.document.index] = k
                evByDoc[entry.document.index].append(k)
            }
        }
        eventsByDocument = evByDoc
        eventPlaces = ws.timeline.events.map(EventPlace.init)

        plain = ActorTable(workspace: ws, rollup: false, mentionRanges: ranges)
        let finalRanges = ranges
        rolledUp = Deferred { ActorTable(workspace: ws, rollup: true, mentionRanges: finalRanges) }
        jumpTargets = JumpTarget.all(workspace: ws, table: plain, order: documentOrder, places: eventPlaces)
    }

    public var documentCount: Int { workspace.documents.count }
    public func document(_ id: DocumentID) -> Document { workspace.documents[id.index] }
    public func table(rollup: Bool) -> ActorTable { rollup ? rolled : plain }
    public func actor(_ ref: ActorRef) -> Actor { workspace.actors.actors[ref.index] }
    public var events: [TimelineEvent] { workspace.timeline.events }

    /// Mentions in one document, sorted by offset.
    public func mentions(in doc: DocumentID) -> ArraySlice<Mention> {
        guard doc.index >= 0, doc.index < mentionRanges.count else { return [] }
        return workspace.actors.mentions[mentionRanges[doc.index]]
    }

    /// A short label for the corpus: the folder name, or "N paths".
    public var corpusName: String {
        let roots = workspace.roots
        if roots.count == 1 {
            let trimmed = roots[0].hasSuffix("/") ? String(roots[0].dropLast()) : roots[0]
            let parts = trimmed.split(separator: "/")
            return parts.suffix(2).joined(separator: "/")
        }
        return "\(roots.count) paths"
    }

    /// Orders documents as the article list shows them (each listed once).
    /// Many documents are picked out of the list order by a mark per document
    /// rather than sorted: an actor in most articles costs one pass over
    /// 50,000 entries instead of a sort through the rank table (6 ms).
    func sortedByRank(_ ids: some Collection<DocumentID>) -> [DocumentID] {
        let n = documentOrder.count
        guard ids.count > n / 16 else {
            return Array(Set(ids)).sorted { documentRank[$0.index] < documentRank[$1.index] }
        }
        var marked = [Bool](repeating: false, count: n)
        for d in ids where d.index >= 0 && d.index < n { marked[d.index] = true }
        return documentOrder.filter { marked[$0.index] }
    }
}
