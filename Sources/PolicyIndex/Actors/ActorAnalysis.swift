/// Options for actor recognition and relation building.
public struct ActorOptions: Sendable {
    /// Count mentions inside boilerplate too (off by default).
    public var includeBoilerplate = false
    /// Discover actors no dictionary knows.
    public var discover = true
    /// A candidate name must occur in at least this many documents, or at least
    /// `minCandidateCount` times, to be listed by `polex actors --candidates`.
    public var minCandidateDocuments = 2
    public var minCandidateCount = 3
    public init() {}
}

/// A recurring name that no dictionary knows, offered for the user's dictionary.
public struct ActorCandidate: Hashable, Sendable {
    public var name: String
    /// Lower-case words joined by spaces: one key for every spelling of the name.
    public var key: String
    public var kind: ActorKind
    public var count: Int
    public var documentCount: Int
    /// The first sentence that used the name.
    public var example: SentenceID
    /// A discovery rule already made it an actor (it is in `ActorAnalysis.actors`).
    public var isDiscovered: Bool
}

/// Actors found in a corpus, their mentions, relations and quotes.
public struct ActorAnalysis: Sendable {
    public var actors: [Actor]
    /// All mentions, sorted by sentence then offset.
    public var mentions: [Mention]
    /// For each actor, indexes into `mentions`.
    public var mentionsByActor: [[Int]]
    /// Relations, strongest first.
    public var relations: [Relation]
    public var quotes: [Quote]
    /// Recurring unknown names, most widespread first.
    public var candidates: [ActorCandidate]
    /// Each document's own date, by document index (used to date relations).
    public var documentDates: [PartialDate?]
    /// True for the analysis returned by `rolledUp()`.
    public var isRolledUp: Bool

    public init(
        actors: [Actor] = [], mentions: [Mention] = [], mentionsByActor: [[Int]] = [], relations: [Relation] = [],
        quotes: [Quote] = [], candidates: [ActorCandidate] = [], documentDates: [PartialDate?] = [], isRolledUp: Bool = false
    ) {
        self.actors = actors
        self.mentions = mentions
        self.mentionsByActor = mentionsByActor
        self.relations = relations
        self.quotes = quotes
        self.candidates = candidates
        self.documentDates = documentDates
        self.isRolledUp = isRolledUp
    }
    public func actor(_ ref: ActorRef) -> Actor { actors[ref.index] }
}

public struct ActorAnalyzer: Sendable {
    public var dictionary: ActorDictionary
    public var options: ActorOptions
    public var cues: RelationCues
    public init(dictionary: ActorDictionary, options: ActorOptions = ActorOptions(), cues: RelationCues = .standard) {
        self.dictionary = dictionary
        self.options = options
        self.cues = cues
    }

    /// Scans the documents in parallel, then merges them in document order so
    /// the result does not depend on scheduling.
    public func analyze(_ documents: [Document]) -> ActorAnalysis {
        let scanner = DocumentScanner(
            aliases: AliasTable(dictionary: dictionary), cues: CompiledCues(cues), options: options,
            dictionaryKinds: dictionary.entries.map(\.kind))
        var merger = AnalysisMerger(dictionary: dictionary, documents: documents)
        // A few rounds, each merged and freed before the next, so the
        // corpus-wide arrays never live beside every document's own results.
        let n = documents.count
        let rounds = max(1, min(8, n / 512))
        for round in 0..<rounds {
            let part = (n * round / rounds)..<(n * (round + 1) / rounds)
            var perDocument = ParallelMap.map(documents, part) { doc, scratch in scanner.scan(doc, scratch: &scratch) }
            if round == 0 { merger.reserve(for: perDocument, scale: Double(n) / Double(max(1, part.count)) * (rounds > 1 ? 1.1 : 1)) }
            for i in perDocument.indices {
                merger.add(perDocument[i], document: documents[part.lowerBound + i])
                perDocument[i] = nil
            }
        }
        return merger.finish(options: options)
    }
}
