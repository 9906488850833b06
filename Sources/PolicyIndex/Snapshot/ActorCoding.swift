struct MentionRecord: BitwiseCopyable {
    var actor: Int32
    var document: Int32
    var sentence: Int32
    var start: Int32
    var end: Int32
    /// A string number, or the start of the full mention for `surname`.
    var reasonA: Int32
    /// The end of the full mention for `surname`.
    var reasonB: Int32
    /// 0 alias, 1 demonym, 2 surname, 3 unique surname, 4 discovered.
    var reason: UInt8
    var pad0: UInt8 = 0
    var pad1: UInt16 = 0
}

struct EvidenceRecord: BitwiseCopyable {
    var tone: Double
    var document: Int32
    var sentence: Int32
    var cue: Int32
    var cueStart: Int32
    var cueEnd: Int32
    var qualifier: Int32
    var relationClass: UInt8
    /// 1 negated, 2 hedged, 4 has a cue span.
    var flags: UInt8
    var pad0: UInt16 = 0
    var pad1: UInt32 = 0
}

struct RelationRecord: BitwiseCopyable {
    var tone: Double
    var documentCount: Int64
    var firstDate: PartialDateRecord
    var lastDate: PartialDateRecord
    /// Per `RelationClass` code, its count, or -1 when the class has no key.
    var classCounts: (Int64, Int64, Int64, Int64, Int64)
    var a: Int32
    var b: Int32
    var evidenceCount: UInt32
    var pad: UInt32 = 0
}

struct QuoteRecord: BitwiseCopyable {
    var speaker: Int32
    var speakerName: Int32
    var start: Int32
    var end: Int32
    var document: Int32
    var sentence: Int32
    var attribution: Int32
}

/// The actor analysis: actors and candidates field by field (there are few),
/// mentions, evidence, relations and quotes as flat records whose strings are
/// numbers in the shared `StringTable`.
enum ActorCoding {
    static func encode(_ a: ActorAnalysis, strings: inout StringTable, into w: inout SnapshotWriter) {
        w.append(UInt64(a.actors.count))
        for actor in a.actors { encode(actor, into: &w) }
        // Records go out in batches rather than as whole arrays: at 50,000
        // articles the mentions alone are 140 MB of records.
        w.append(count: a.mentions.count) { put in for m in a.mentions { put(mentionRecord(m, &strings)) } }
        w.append(array: a.mentionsByActor.map { UInt32($0.count) })
        w.append(count: a.mentionsByActor.reduce(0) { $0 + $1.count }) { put in
            for list in a.mentionsByActor { for m in list { put(Int64(m)) } }
        }
        w.append(count: a.relations.count) { put in
            for r in a.relations {
                func count(_ c: RelationClass) -> Int64 { r.classCounts[c].map { Int64($0) } ?? -1 }
                put(
                    RelationRecord(
                        tone: r.tone, documentCount: Int64(r.documentCount), firstDate: PartialDateRecord(r.firstDate),
                        lastDate: PartialDateRecord(r.lastDate),
                        classCounts: (
                            count(.verbalCooperation), count(.materialCooperation), count(.verbalConflict), count(.materialConflict),
                            count(.neutral)
                        ), a: r.a.raw, b: r.b.raw, evidenceCount: UInt32(r.evidence.count)))
            }
        }
        w.append(count: a.relations.reduce(0) { $0 + $1.evidence.count }) { put in
            for r in a.relations {
                for e in r.evidence {
                    put(
                        EvidenceRecord(
                            tone: e.tone, document: e.sentence.document.raw, sentence: e.sentence.index, cue: strings.number(e.cue),
                            cueStart: e.cueSpan?.start ?? 0, cueEnd: e.cueSpan?.end ?? 0, qualifier: strings.number(e.qualifier),
                            relationClass: e.relationClass.snapshotCode,
                            flags: (e.negated ? 1 : 0) | (e.hedged ? 2 : 0) | (e.cueSpan != nil ? 4 : 0)))
                }
            }
        }
        w.append(count: a.quotes.count) { put in
            for q in a.quotes {
                put(
                    QuoteRecord(
                        speaker: q.speaker?.raw ?? -1, speakerName: strings.number(q.speakerName), start: q.span.start, end: q.span.end,
                        document: q.sentence.document.raw, sentence: q.sentence.index, attribution: strings.number(q.attribution)))
            }
        }
        w.append(UInt64(a.candidates.count))
        for c in a.candidates {
            w.append(c.name)
            w.append(c.key)
            w.append(c.kind.snapshotCode)
            w.append(c.count)
            w.append(c.documentCount)
            w.append(c.example.document.raw)
            w.append(c.example.index)
            w.append(c.isDiscovered)
        }
        w.append(array: a.documentDates.map { PartialDateRecord($0) })
        w.append(a.isRolledUp)
    }

    private static func mentionRecord(_ m: Mention, _ strings: inout StringTable) -> MentionRecord {
        var kind: UInt8
        var x: Int32 = 0
        var y: Int32 = 0
        switch m.reason {
        case .alias(let s): (kind, x) = (0, strings.number(s))
        case .demonym(let s): (kind, x) = (1, strings.number(s))
        case .surname(let full): (kind, x, y) = (2, full.start, full.end)
        case .uniqueSurname(let s): (kind, x) = (3, strings.number(s))
        case .discovered(let rule): (kind, x) = (4, strings.number(rule))
        }
        return MentionRecord(
            actor: m.actor.raw, document: m.sentence.document.raw, sentence: m.sentence.index, start: m.span.start, end: m.span.end,
            reasonA: x, reasonB: y, reason: kind)
    }

    private static func encode(_ a: Actor, into w: inout SnapshotWriter) {
        w.append(a.id)
        w.append(a.name)
        w.append(a.kind.snapshotCode)
        w.append(strings: a.aliases)
        w.append(a.affiliation)
        w.append(UInt64(a.roles.count))
        for r in a.roles {
            w.append(r.title)
            w.append(date: r.from)
            w.append(date: r.to)
        }
        w.append(strings: a.notMentions)
        w.append(strings: a.demonyms)
        w.append(a.surname)
        w.append(a.isDiscovered)
        w.append(a.origin)
    }

    private static func decodeActor(_ r: inout SnapshotReader) throws(SnapshotProblem) -> Actor {
        let id = try r.readString()
        let name = try r.readString()
        let kind = try r.readCode(ActorKind.self)
        let aliases = try r.readStrings()
        let affiliation = try r.readOptionalString()
        var roles: [ActorRole] = []
        for _ in 0..<(try r.readCount(bytesEach: 4)) {
            roles.append(ActorRole(title: try r.readString(), from: try r.readDate(), to: try r.readDate()))
        }
        let notMentions = try r.readStrings()
        let demonyms = try r.readStrings()
        let surname = try r.readOptionalString()
        let isDiscovered = try r.readBool()
        let origin = try r.readOptionalString()
        return Actor(
            id: id, name: name, kind: kind, aliases: aliases, affiliation: affiliation, roles: roles, notMentions: notMentions,
            isDiscovered: isDiscovered, origin: origin, demonyms: demonyms, surname: surname)
    }

    static func decode(_ r: inout SnapshotReader, strings: [String], sentences: SentenceCheck) throws(SnapshotProblem) -> ActorAnalysis {
        var actors: [Actor] = []
        for _ in 0..<(try r.readCount(bytesEach: 8)) { actors.append(try decodeActor(&r)) }
        let actorCount = actors.count
        func actor(_ raw: Int32) throws(SnapshotProblem) -> ActorRef {
            guard raw >= 0, Int(raw) < actorCount else { throw .corrupt("actor number out of range") }
            return ActorRef(Int(raw))
        }
        let mentionRecords = try r.readRecords(MentionRecord.self)
        var mentions: [Mention] = []
        mentions.reserveCapacity(mentionRecords.count)
        var words = InternedStrings(strings)
        try r.forEachGivingBack(mentionRecords) { m throws(SnapshotProblem) in
            // Record codes are `MentionReason`'s cases in order, as the packed reason's kinds are.
            let reason: PackedMentionReason
            switch m.reason {
            case 0, 1, 3, 4: reason = PackedMentionReason(kind: m.reason, a: try words.number(m.reasonA), b: 0)
            case 2:
                let full = try sentences.span(m.reasonA, m.reasonB, in: m.document)
                reason = PackedMentionReason(kind: 2, a: full.start, b: full.end)
            default: throw .corrupt("unknown mention reason")
            }
            mentions.append(
                Mention(
                    actor: try actor(m.actor), sentence: try sentences.id(m.document, m.sentence),
                    span: try sentences.span(m.start, m.end, in: m.document), packedReason: reason))
        }
        let perActor = try r.readRecords(UInt32.self)
        let flat = try r.readRecords(Int64.self)
        guard perActor.count == actorCount, perActor.reduce(0, { $0 + Int($1) }) == flat.count else {
            throw .corrupt("mentions by actor miscounted")
        }
        var mentionsByActor: [[Int]] = []
        mentionsByActor.reserveCapacity(actorCount)
        var at = 0
        for n in perActor {
            let slice = flat[at..<(at + Int(n))]
            guard slice.allSatisfy({ $0 >= 0 && $0 < Int64(mentions.count) }) else { throw .corrupt("mention number out of range") }
            mentionsByActor.append(slice.map { Int($0) })
            at += Int(n)
        }
        r.giveBack(flat)
        let relationRecords = try r.readRecords(RelationRecord.self)
        let evidenceRecords = try r.readRecords(EvidenceRecord.self)
        guard relationRecords.reduce(0, { $0 + Int($1.evidenceCount) }) == evidenceRecords.count else {
            throw .corrupt("relation evidence miscounted")
        }
        var relations: [Relation] = []
        relations.reserveCapacity(relationRecords.count)
        var next = 0
        var evidenceDone = 0
        for rel in relationRecords {
            var evidence: [Evidence] = []
            evidence.reserveCapacity(Int(rel.evidenceCount))
            for e in evidenceRecords[next..<(next + Int(rel.evidenceCount))] {
                evidence.append(
                    Evidence(
                        sentence: try sentences.id(e.document, e.sentence), cueWord: try words.optionalNumber(e.cue),
                        cueSpan: e.flags & 4 == 0 ? nil : try sentences.span(e.cueStart, e.cueEnd, in: e.document),
                        relationClass: try RelationClass.fromSnapshot(e.relationClass), tone: try SnapshotNumbers.tone(e.tone), negated: e.flags & 1 != 0,
                        hedged: e.flags & 2 != 0, qualifierWord: try words.optionalNumber(e.qualifier)))
            }
            next += Int(rel.evidenceCount)
            r.giveBack(evidenceRecords, done: &evidenceDone, upTo: next)
            guard rel.documentCount >= 0 else { throw .corrupt("negative document count") }
            var classCounts: [RelationClass: Int] = [:]
            let counts = [rel.classCounts.0, rel.classCounts.1, rel.classCounts.2, rel.classCounts.3, rel.classCounts.4]
            for (code, n) in counts.enumerated() where n >= 0 {
                classCounts[try RelationClass.fromSnapshot(UInt8(code))] = Int(n)
            }
            relations.append(
                Relation(
                    a: try actor(rel.a), b: try actor(rel.b), evidence: evidence, documentCount: Int(rel.documentCount), tone: try SnapshotNumbers.tone(rel.tone),
                    classCounts: classCounts, firstDate: try rel.firstDate.date, lastDate: try rel.lastDate.date))
        }
        r.giveBack(evidenceRecords)
        var quotes: [Quote] = []
        for q in try r.readRecords(QuoteRecord.self) {
            quotes.append(
                Quote(
                    speaker: q.speaker == -1 ? nil : try actor(q.speaker), speakerName: try strings.optionalString(q.speakerName),
                    span: try sentences.span(q.start, q.end, in: q.document), sentence: try sentences.id(q.document, q.sentence),
                    attribution: try strings.string(q.attribution)))
        }
        var candidates: [ActorCandidate] = []
        for _ in 0..<(try r.readCount(bytesEach: 8)) {
            let name = try r.readString()
            let key = try r.readString()
            let kind = try r.readCode(ActorKind.self)
            let count = try r.readInt()
            let documentCount = try r.readInt()
            guard count >= 0, documentCount >= 0 else { throw .corrupt("negative candidate count") }
            let document = try r.read(Int32.self)
            let sentence = try r.read(Int32.self)
            candidates.append(
                ActorCandidate(
                    name: name, key: key, kind: kind, count: count, documentCount: documentCount,
                    example: try sentences.id(document, sentence), isDiscovered: try r.readBool()))
        }
        let documentDates = try r.readRecords(PartialDateRecord.self).map { r throws(SnapshotProblem) in try r.date }
        let isRolledUp = try r.readBool()
        return ActorAnalysis(
            actors: actors, mentions: mentions, mentionsByActor: mentionsByActor, relations: relations, quotes: quotes,
            candidates: candidates, documentDates: documentDates, isRolledUp: isRolledUp)
    }
}

/// The snapshot's string numbers as `InternedWords` numbers, each word looked
/// up once: interning every record's word took the table's lock and hashed the
/// word, 4.4 million times for the mentions alone at 50,000 articles.
private struct InternedStrings {
    private let strings: [String]
    /// -2 where the word was not looked up yet.
    private var numbers: [Int32]

    init(_ strings: [String]) {
        self.strings = strings
        numbers = [Int32](repeating: -2, count: strings.count)
    }

    mutating func number(_ n: Int32) throws(SnapshotProblem) -> Int32 {
        guard n >= 0, Int(n) < strings.count else { throw .corrupt("string number out of range") }
        if numbers[Int(n)] == -2 { numbers[Int(n)] = InternedWords.number(strings[Int(n)]) }
        return numbers[Int(n)]
    }

    /// -1 (no word) stays -1.
    mutating func optionalNumber(_ n: Int32) throws(SnapshotProblem) -> Int32 {
        n == -1 ? -1 : try number(n)
    }
}
