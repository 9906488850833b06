/// Options for actor recognition and relation building.
public struct ActorOptions: Sendable {
    /// Count mentions inside boilerplate too (off by default).
    public var includeBoilerplate = false
    /// Discover actors no dictionary knows.
    public var discover = true
    public init() {}
}

/// A set of dictionary entries. (Placeholder.)
public struct ActorDictionary: Sendable {
    public var entries: [Actor] = []
    public init(entries: [Actor] = []) { self.entries = entries }

    /// Reads the bundled dictionary, then `files`, then each root's `.polex/actors.yaml`.
    public static func load(bundled: String?, files: [String], corpusRoots: [String]) -> (dictionary: ActorDictionary, issues: [LoadIssue]) {
        (ActorDictionary(), [])
    }
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
    public init(actors: [Actor] = [], mentions: [Mention] = [], mentionsByActor: [[Int]] = [], relations: [Relation] = [], quotes: [Quote] = []) {
        self.actors = actors
        self.mentions = mentions
        self.mentionsByActor = mentionsByActor
        self.relations = relations
        self.quotes = quotes
    }
    public func actor(_ ref: ActorRef) -> Actor { actors[ref.index] }
}

public struct ActorAnalyzer: Sendable {
    public var dictionary: ActorDictionary
    public var options: ActorOptions
    public init(dictionary: ActorDictionary, options: ActorOptions = ActorOptions()) {
        self.dictionary = dictionary
        self.options = options
    }
    public func analyze(_ documents: [Document]) -> ActorAnalysis { ActorAnalysis() }
}
