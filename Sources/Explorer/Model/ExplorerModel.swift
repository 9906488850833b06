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
        // Four groups of tables that need nothing from each other, built side by
        // side: 0.66 s on one core at 50,000 articles, on the way to every
        // explorer start's finished panes. Each variable is written by one job
        // and read once all have returned.
        nonisolated(unsafe) var order: [DocumentID] = []
        nonisolated(unsafe) var rank: [Int] = []
        nonisolated(unsafe) var articleTargets: [JumpTarget] = []
        nonisolated(unsafe) var ranges: [Range<Int>] = []
        nonisolated(unsafe) var plainTable: ActorTable?
        nonisolated(unsafe) var exprByDoc: [[Int]] = []
        nonisolated(unsafe) var evByDoc: [[Int]] = []
        nonisolated(unsafe) var places: [EventPlace] = []
        DispatchQueue.concurrentPerform(iterations: 4) { job in
            switch job {
            case 0:
                order = Self.order(docs)
                rank = Array(repeating: 0, count: docs.count)
                for (r, d) in order.enumerated() { rank[d.index] = r }
                articleTargets = JumpTarget.articles(workspace: ws, order: order)
            case 1:
                ranges = Self.mentionRanges(ws)
                plainTable = ActorTable(workspace: ws, rollup: false, mentionRanges: ranges)
            case 2:
                exprByDoc = Self.expressionsByDocument(ws)
            default:
                evByDoc = Self.eventsByDocument(ws)
                places = ws.timeline.events.map(EventPlace.init)
            }
        }
        documentOrder = order
        documentRank = rank
        mentionRanges = ranges
        expressionsByDocument = exprByDoc
        eventsByDocument = evByDoc
        eventPlaces = places
        plain = plainTable!
        let finalRanges = ranges
        rolledUp = Deferred { ActorTable(workspace: ws, rollup: true, mentionRanges: finalRanges) }
        // Actors by mentions, then the timeline's years and months, then articles in list order.
        jumpTargets = JumpTarget.actors(workspace: ws, table: plain) + JumpTarget.dates(places) + articleTargets
    }

    /// Articles newest first; undated ones last, in load order.
    private static func order(_ docs: [Document]) -> [DocumentID] {
        docs.indices.sorted { i, j in
            switch (docs[i].date?.date, docs[j].date?.date) {
            case let (a?, b?): return a != b ? a > b : i < j
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return i < j
            }
        }.map { DocumentID($0) }
    }

    /// Each document's run in the mentions, which come in document order.
    private static func mentionRanges(_ ws: Workspace) -> [Range<Int>] {
        let count = ws.documents.count
        let mentions = ws.actors.mentions
        var ranges = Array(repeating: 0..<0, count: count)
        var i = 0
        while i < mentions.count {
            let d = mentions[i].sentence.document.index
            var j = i
            while j < mentions.count, mentions[j].sentence.document.index == d { j += 1 }
            if d >= 0, d < count { ranges[d] = i..<j }
            i = j
        }
        return ranges
    }

    private static func expressionsByDocument(_ ws: Workspace) -> [[Int]] {
        let count = ws.documents.count
        var expr = Array(repeating: [Int](), count: count)
        for (k, e) in ws.timeline.expressions.enumerated() where e.sentence.document.index < count {
            expr[e.sentence.document.index].append(k)
        }
        let exprs = ws.timeline.expressions
        return expr.map { $0.sorted { exprs[$0].span < exprs[$1].span } }
    }

    private static func eventsByDocument(_ ws: Workspace) -> [[Int]] {
        let count = ws.documents.count
        var evByDoc = Array(repeating: [Int](), count: count)
        // `lastEvent[d] == k` marks document d as already listed for event k: cheaper than a Set per event.
        var lastEvent = Array(repeating: -1, count: count)
        for (k, ev) in ws.timeline.events.enumerated() {
            for entry in ev.entries where entry.document.index < count && lastEvent[entry.document.index] != k {
                lastEvent[entry.document.index] = k
                evByDoc[entry.document.index].append(k)
            }
        }
        return evByDoc
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
