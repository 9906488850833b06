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
        for list in analysis.mentionsByActor {
            var withContent: [UInt32] = []
            var withAny: [UInt32] = []
            var inOrder = true
            for m in list where m >= 0 && m < analysis.mentions.count {
                let sentence = analysis.mentions[m].sentence
                let d = sentence.document.index
                guard d >= 0, d < documents.count else { continue }
                let doc = UInt32(d)
                if let last = withAny.last, doc < last { inOrder = false }
                if withAny.last != doc { withAny.append(doc) }
                if withContent.last != doc, documents[d].sentence(sentence)?.isBoilerplate != true { withContent.append(doc) }
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
