/// What one document contributes, before documents are merged. Actor numbers
/// are local: `>= 0` is a dictionary entry, `< 0` is `-(k + 1)` for the k-th
/// name discovered in this document.
struct DocumentActors: Sendable {
    struct LocalMention: Sendable {
        var actor: Int32
        var sentence: Int32
        var span: TextSpan
        var reason: MentionReason
        /// Index of the mention's first token in the document's token list.
        var token: Int32
    }

    struct Discovered: Sendable {
        /// Lower-case tokens joined by spaces: the same name however it was spelt.
        var key: String
        var name: String
        var kind: ActorKind
        var rule: String
    }

    struct LocalEvidence: Sendable {
        var a: Int32
        var b: Int32
        var evidence: Evidence
    }

    struct LocalQuote: Sendable {
        var speaker: Int32?
        var speakerName: String?
        var span: TextSpan
        var sentence: Int32
        var attribution: String
    }

    var mentions: [LocalMention] = []
    var discovered: [Discovered] = []
    var evidence: [LocalEvidence] = []
    var quotes: [LocalQuote] = []
    var candidates: [CandidateSighting] = []
}

/// An unknown capitalised name seen in one document.
struct CandidateSighting: Sendable {
    var key: String
    var name: String
    var kind: ActorKind
    var count: Int
    var sentence: Int32
    var discovered: Bool
}

/// Reusable buffers for scanning documents on one thread.
struct ScanScratch {
    var tokens: [WordToken] = []
    /// Token range of each sentence (empty for skipped boilerplate).
    var sentenceTokens: [Range<Int>] = []
    /// Per token: already part of a mention or a `not:` phrase.
    var claimed: [Bool] = []

    mutating func reset() {
        tokens.removeAll(keepingCapacity: true)
        sentenceTokens.removeAll(keepingCapacity: true)
        claimed.removeAll(keepingCapacity: true)
    }
}
