/// The documents each actor is mentioned in, worked out once when the workspace
/// is built, so that `actor:` costs a lookup instead of a walk over every
/// mention of the actor (the most mentioned actors occur in nearly every
/// document, with a hundred thousand mentions at 10,000 articles).
///
/// Sorted document arrays rather than bitmaps: even an actor in every document
/// costs 4 bytes a document, the same as a bitmap of a corpus of 32 actors, and
/// the rare actors (most of them) cost a few bytes.
struct ActorFilterIndex: Sendable {
    /// Per actor, the documents with a mention outside boilerplate, ascending.
    private let content: [[UInt32]]
    /// Per actor, the documents with any mention, ascending; nil where it
    /// equals `content` (always so when the analysis skipped boilerplate).
    private let all: [[UInt32]?]
    /// Per actor, whether its mentions come in document order, as the analysis
    /// keeps them; only then may `spans` find a document by binary search.
    private let inDocumentOrder: [Bool]

    init(_ analysis: ActorAnalysis, documents: [Document]) {
        var content: [[UInt32]] = []
        var all: [[UInt32]?] = []
        var ordered: [Bool] = []
        ordered.reserveCapacity(analysis.mentionsByActor.count)
        content.reserveCapacity(analysis.mentionsByActor.count)
        all.reserveCapacity(analysis.mentionsByActor.count)
        let placed = Self.place(analysis.mentions, documents: documents)
        for list in analysis.mentionsByActor {
            var withContent: [UInt32] = []
            var withAny: [UInt32] = []
            var inOrder = true
            for m in list where m >= 0 && m < placed.count && placed[m] != Self.nowhere {
                let doc = placed[m] & ~Self.boilerplateBit
                if let last = withAny.last, doc < last { inOrder = false }
                if withAny.last != doc { withAny.append(doc) }
                if withContent.last != doc, placed[m] & Self.boilerplateBit == 0 { withContent.append(doc) }
            }
            // Mentions are sorted by sentence, so these are too; sort anyway for
            // an analysis put together by hand.
            if !inOrder {
                withAny = Array(Set(withAny)).sorted()
                withContent = Array(Set(withContent)).sorted()
            }
            ordered.append(inOrder)
            all.append(withAny == withContent ? nil : withAny)
            content.append(withContent)
        }
        self.content = content
        self.all = all
        self.inDocumentOrder = ordered
    }

    private static let boilerplateBit: UInt32 = 1 << 31
    private static let nowhere = UInt32.max

    /// Each mention's document, with `boilerplateBit` set when its sentence is
    /// boilerplate, or `nowhere` for a document that does not exist. Made in one
    /// pass over the mentions in their own order, so that the walk over each
    /// actor's mentions reads 4 bytes a mention rather than a 32-byte `Mention`
    /// somewhere in 140 MB: at 50,000 articles those cache misses made this
    /// index the costliest step after a second start.
    private static func place(_ mentions: [Mention], documents: [Document]) -> [UInt32] {
        // Most documents have no boilerplate sentence: their mentions need no lookup.
        let anyBoilerplate = documents.map { d in d.sentences.contains(where: \.isBoilerplate) }
        return mentions.map { m in
            let d = m.sentence.document.index
            guard d >= 0, d < documents.count, d < Int(boilerplateBit) else { return nowhere }
            let boilerplate = anyBoilerplate[d] && documents[d].sentence(m.sentence)?.isBoilerplate == true
            return UInt32(d) | (boilerplate ? boilerplateBit : 0)
        }
    }

    /// The documents mentioning any of `refs`, ascending.
    func documents(of refs: [ActorRef], includeBoilerplate: Bool) -> [UInt32] {
        var out: [UInt32] = []
        for ref in refs where ref.index >= 0 && ref.index < content.count {
            let docs = includeBoilerplate ? (all[ref.index] ?? content[ref.index]) : content[ref.index]
            out = SortedIDs.union(out, docs)
        }
        return out
    }

    /// Where `refs` are mentioned in one document, ascending by sentence.
    func spans(
        of refs: [ActorRef], in doc: UInt32, analysis: ActorAnalysis, document: Document, includeBoilerplate: Bool
    ) -> [FilterSpan] {
        var out: [FilterSpan] = []
        for ref in refs where ref.index >= 0 && ref.index < analysis.mentionsByActor.count {
            let list = analysis.mentionsByActor[ref.index]
            let ascending = ref.index < inDocumentOrder.count && inDocumentOrder[ref.index]
            func docOf(_ k: Int) -> UInt32? {
                list[k] >= 0 && list[k] < analysis.mentions.count ? UInt32(bitPattern: analysis.mentions[list[k]].sentence.document.raw) : nil
            }
            // The actor's mentions ascend by sentence: find the document's run.
            var lo = 0
            if ascending {
                var hi = list.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if let d = docOf(mid), d < doc { lo = mid + 1 } else { hi = mid }
                }
            }
            while lo < list.count {
                defer { lo += 1 }
                guard let d = docOf(lo) else { continue }
                if d != doc {
                    if ascending && d > doc { break }
                    continue
                }
                let mention = analysis.mentions[list[lo]]
                if !includeBoilerplate, document.sentence(mention.sentence)?.isBoilerplate == true { continue }
                out.append(FilterSpan(sentence: mention.sentence, span: mention.span))
            }
        }
        if refs.count > 1 { out.sort { ($0.sentence, $0.span) < ($1.sentence, $1.span) } }
        return out
    }
}
