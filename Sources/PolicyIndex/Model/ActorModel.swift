/// Actors, their mentions, relations between them, and quotes.

public enum ActorKind: String, Sendable, Codable, CaseIterable, Comparable {
    case country, person, organization, topic
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Index of an actor in `ActorTable.actors`; stable for one loaded workspace.
public struct ActorRef: Hashable, Comparable, Sendable, Codable {
    public let raw: Int32
    public init(_ raw: Int) { self.raw = Int32(raw) }
    public var index: Int { Int(raw) }
    public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
}

public struct ActorRole: Hashable, Sendable, Codable {
    public var title: String
    public var from: PartialDate?
    public var to: PartialDate?
    public init(title: String, from: PartialDate? = nil, to: PartialDate? = nil) {
        self.title = title
        self.from = from
        self.to = to
    }
}

public struct Actor: Hashable, Sendable, Identifiable {
    /// Dictionary id (`kr`, `moon-jae-in`) or `discovered:<name>` for discovered actors.
    public var id: String
    public var name: String
    public var kind: ActorKind
    public var aliases: [String]
    /// Id of the actor this one belongs to (a person's country or organisation).
    public var affiliation: String?
    public var roles: [ActorRole]
    /// Phrases that contain an alias but do not mean this actor (`Tokyo Olympics`).
    public var notMentions: [String]
    /// Adjective forms that stand for this actor (`South Korean`), coded with reason `.demonym`.
    public var demonyms: [String]
    /// The family name that refers back to this person after a full mention
    /// (`Moon` for Moon Jae-in, `Biden` for Joe Biden); nil means guess from the name.
    public var surname: String?
    /// True when no dictionary knew this name and a discovery rule found it.
    public var isDiscovered: Bool
    /// Where the entry came from (`data/actors.yaml:120`), for explanations.
    public var origin: String?

    public init(
        id: String, name: String, kind: ActorKind, aliases: [String] = [], affiliation: String? = nil,
        roles: [ActorRole] = [], notMentions: [String] = [], isDiscovered: Bool = false, origin: String? = nil,
        demonyms: [String] = [], surname: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.affiliation = affiliation
        self.roles = roles
        self.notMentions = notMentions
        self.isDiscovered = isDiscovered
        self.origin = origin
        self.demonyms = demonyms
        self.surname = surname
    }
}

/// Why a stretch of text was coded as an actor — so a reader can check the machine.
public enum MentionReason: Hashable, Sendable {
    /// A dictionary alias matched (the alias as written in the dictionary).
    case alias(String)
    /// A demonym (`South Korean`) stood for its state.
    case demonym(String)
    /// A surname referring to a full mention in the same document (usually earlier).
    case surname(fullMention: TextSpan)
    /// A surname with no full mention in the document, that only one dictionary person has.
    case uniqueSurname(String)
    /// A discovery rule (`role-cue`, `said-cue`, `capitalised-sequence`).
    case discovered(rule: String)

    public var explanation: String {
        switch self {
        case .alias(let a): return "alias \"\(a)\""
        case .demonym(let d): return "demonym \"\(d)\""
        case .surname: return "surname of a full mention"
        case .uniqueSurname(let s): return "surname \"\(s)\" (one person of that name)"
        case .discovered(let rule): return "discovered (\(rule))"
        }
    }
}

/// 32 bytes: a corpus of 10,000 articles has about 900,000 mentions.
public struct Mention: Hashable, Sendable {
    public var actor: ActorRef
    public var sentence: SentenceID
    public var span: TextSpan
    private var packedReason: PackedMentionReason
    public var reason: MentionReason {
        get { packedReason.reason }
        set { packedReason = PackedMentionReason(newValue) }
    }
    public init(actor: ActorRef, sentence: SentenceID, span: TextSpan, reason: MentionReason) {
        self.actor = actor
        self.sentence = sentence
        self.span = span
        self.packedReason = PackedMentionReason(reason)
    }

    init(actor: ActorRef, sentence: SentenceID, span: TextSpan, packedReason: PackedMentionReason) {
        self.actor = actor
        self.sentence = sentence
        self.span = span
        self.packedReason = packedReason
    }
}

/// Relation classes on a conflict–cooperation scale, in the spirit of CAMEO's
/// quad classes; weights come from `data/relations.yaml`.
public enum RelationClass: String, Sendable, Codable, CaseIterable, Comparable {
    case verbalCooperation = "verbal-cooperation"
    case materialCooperation = "material-cooperation"
    case verbalConflict = "verbal-conflict"
    case materialConflict = "material-conflict"
    case neutral
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    private var order: Int {
        switch self {
        case .materialConflict: 0
        case .verbalConflict: 1
        case .neutral: 2
        case .verbalCooperation: 3
        case .materialCooperation: 4
        }
    }
}

/// One sentence that relates two actors, and why it was classed as it was.
///
/// Stored in 40 bytes (half a million records at 10,000 articles): the words
/// are numbers in `InternedWords`, the optional span and the flags are packed.
public struct Evidence: Hashable, Sendable {
    public var sentence: SentenceID
    private var storedCueSpan: TextSpan
    /// Tone of this sentence on the scale from -10 (conflict) to +10 (cooperation).
    public var tone: Double
    private var cueWord: Int32
    private var qualifierWord: Int32
    public var relationClass: RelationClass
    private var flags: UInt8

    private static let hasCueSpan: UInt8 = 1
    private static let negatedFlag: UInt8 = 2
    private static let hedgedFlag: UInt8 = 4

    /// The cue word that decided the class, with its span, if any.
    public var cue: String? {
        get { cueWord < 0 ? nil : InternedWords.word(cueWord) }
        set { cueWord = newValue.map(InternedWords.number) ?? -1 }
    }
    public var cueSpan: TextSpan? {
        get { flags & Self.hasCueSpan != 0 ? storedCueSpan : nil }
        set {
            storedCueSpan = newValue ?? TextSpan(0, 0)
            set(Self.hasCueSpan, newValue != nil)
        }
    }
    /// A negation or hedge touched the cue (`did not agree`, `reluctant to`).
    public var negated: Bool {
        get { flags & Self.negatedFlag != 0 }
        set { set(Self.negatedFlag, newValue) }
    }
    public var hedged: Bool {
        get { flags & Self.hedgedFlag != 0 }
        set { set(Self.hedgedFlag, newValue) }
    }
    /// The negation, refusal or hedge word that changed the cue's class or weight.
    public var qualifier: String? {
        get { qualifierWord < 0 ? nil : InternedWords.word(qualifierWord) }
        set { qualifierWord = newValue.map(InternedWords.number) ?? -1 }
    }

    private mutating func set(_ flag: UInt8, _ on: Bool) {
        flags = on ? flags | flag : flags & ~flag
    }

    public init(
        sentence: SentenceID, cue: String? = nil, cueSpan: TextSpan? = nil, relationClass: RelationClass = .neutral,
        tone: Double = 0, negated: Bool = false, hedged: Bool = false, qualifier: String? = nil
    ) {
        self.sentence = sentence
        self.storedCueSpan = cueSpan ?? TextSpan(0, 0)
        self.tone = tone
        self.cueWord = cue.map(InternedWords.number) ?? -1
        self.qualifierWord = qualifier.map(InternedWords.number) ?? -1
        self.relationClass = relationClass
        self.flags = (cueSpan != nil ? Self.hasCueSpan : 0) | (negated ? Self.negatedFlag : 0) | (hedged ? Self.hedgedFlag : 0)
    }

    /// Evidence whose words are already `InternedWords` numbers (-1 for none).
    init(
        sentence: SentenceID, cueWord: Int32, cueSpan: TextSpan?, relationClass: RelationClass, tone: Double, negated: Bool, hedged: Bool,
        qualifierWord: Int32
    ) {
        self.init(sentence: sentence, cueSpan: cueSpan, relationClass: relationClass, tone: tone, negated: negated, hedged: hedged)
        self.cueWord = cueWord
        self.qualifierWord = qualifierWord
    }
}

public struct Relation: Hashable, Sendable {
    /// The two actors, `a < b`.
    public var a: ActorRef
    public var b: ActorRef
    public var evidence: [Evidence]
    public var documentCount: Int
    /// Mean tone of the evidence, -10…+10.
    public var tone: Double
    public var classCounts: [RelationClass: Int]
    public var firstDate: PartialDate?
    public var lastDate: PartialDate?
    public init(
        a: ActorRef, b: ActorRef, evidence: [Evidence] = [], documentCount: Int = 0, tone: Double = 0,
        classCounts: [RelationClass: Int] = [:], firstDate: PartialDate? = nil, lastDate: PartialDate? = nil
    ) {
        self.a = a
        self.b = b
        self.evidence = evidence
        self.documentCount = documentCount
        self.tone = tone
        self.classCounts = classCounts
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
    public func other(than actor: ActorRef) -> ActorRef { actor == a ? b : a }
    public func involves(_ actor: ActorRef) -> Bool { a == actor || b == actor }
}

public struct Quote: Hashable, Sendable {
    public var speaker: ActorRef?
    /// The speaker as the text names it, when no actor matched.
    public var speakerName: String?
    /// The quoted words (without the quotation marks).
    public var span: TextSpan
    public var sentence: SentenceID
    /// How the speaker was found (`said-after`, `stated-that`, `pronoun`).
    public var attribution: String
    public init(speaker: ActorRef?, speakerName: String?, span: TextSpan, sentence: SentenceID, attribution: String) {
        self.speaker = speaker
        self.speakerName = speakerName
        self.span = span
        self.sentence = sentence
        self.attribution = attribution
    }
}
