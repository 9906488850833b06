/// Joins per-document results into one analysis: gives discovered names global
/// actor numbers (one actor per name across documents), and sums relations
/// and candidates.
struct AnalysisMerger {
    private var actors: [Actor]
    private let dictionaryCount: Int
    private var discoveredByKey: [String: ActorRef] = [:]
    private var mentions: [Mention] = []
    private var quotes: [Quote] = []
    private var evidence: [(ActorRef, ActorRef, Evidence)] = []
    private var candidates: [String: ActorCandidate] = [:]
    private var candidateOrder: [String] = []
    private let dates: [PartialDate?]

    init(dictionary: ActorDictionary, documents: [Document]) {
        actors = dictionary.entries
        dictionaryCount = actors.count
        dates = documents.map { $0.date?.date }
    }

    /// Sizes the corpus-wide arrays once, from the results of `1 / scale` of the
    /// corpus: growing them by doubling left up to half of each unused (tens of
    /// megabytes at 10,000 articles).
    mutating func reserve(for results: [DocumentActors?], scale: Double = 1) {
        var counts = (mentions: 0, quotes: 0, evidence: 0)
        for case let r? in results {
            counts.mentions += r.mentions.count
            counts.quotes += r.quotes.count
            counts.evidence += r.evidence.count
        }
        mentions.reserveCapacity(Int(Double(counts.mentions) * scale))
        quotes.reserveCapacity(Int(Double(counts.quotes) * scale))
        evidence.reserveCapacity(Int(Double(counts.evidence) * scale))
    }

    mutating func add(_ result: DocumentActors?, document doc: Document) {
        guard let result else { return }
        let refs = result.discovered.map { d -> ActorRef in
            if let r = discoveredByKey[d.key] { return r }
            let r = ActorRef(actors.count)
            let slug = d.key.split(separator: " ").joined(separator: "-")
            actors.append(
                Actor(
                    id: "discovered:" + slug, name: d.name, kind: d.kind, isDiscovered: true,
                    origin: "discovered (\(d.rule)) in \(doc.path)"))
            discoveredByKey[d.key] = r
            return r
        }
        func global(_ local: Int32) -> ActorRef {
            local >= 0 ? ActorRef(Int(local)) : refs[Int(-local - 1)]
        }
        for m in result.mentions {
            mentions.append(
                Mention(
                    actor: global(m.actor), sentence: SentenceID(document: doc.id, index: Int(m.sentence)), span: m.span,
                    reason: m.reason))
        }
        for e in result.evidence {
            evidence.append((global(e.a), global(e.b), e.evidence))
        }
        for q in result.quotes {
            quotes.append(
                Quote(
                    speaker: q.speaker.map(global), speakerName: q.speakerName, span: q.span,
                    sentence: SentenceID(document: doc.id, index: Int(q.sentence)), attribution: q.attribution))
        }
        for c in result.candidates {
            if var known = candidates[c.key] {
                known.count += c.count
                known.documentCount += 1
                known.isDiscovered = known.isDiscovered || c.discovered
                candidates[c.key] = known
            } else {
                candidateOrder.append(c.key)
                candidates[c.key] = ActorCandidate(
                    name: c.name, key: c.key, kind: c.kind, count: c.count, documentCount: 1,
                    example: SentenceID(document: doc.id, index: Int(c.sentence)), isDiscovered: c.discovered)
            }
        }
    }

    /// The analysis; the merger gives up its arrays to it (they move, not copy).
    mutating func finish(options: ActorOptions) -> ActorAnalysis {
        let (actors, remap) = foldLoneSurnames()
        var mentions = self.mentions
        self.mentions = []
        for i in mentions.indices { mentions[i].actor = remap[mentions[i].actor.index] }
        var relations = RelationAccumulator()
        for (a, b, e) in evidence { relations.add(remap[a.index], remap[b.index], e) }
        evidence = []
        var quotes = self.quotes
        self.quotes = []
        for i in quotes.indices { quotes[i].speaker = quotes[i].speaker.map { remap[$0.index] } }
        let recurring = candidateOrder.compactMap { candidates[$0] }.filter {
            $0.documentCount >= options.minCandidateDocuments || $0.count >= options.minCandidateCount
        }
        let sortedCandidates = recurring.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.documentCount != b.documentCount { return a.documentCount > b.documentCount }
            if a.count != b.count { return a.count > b.count }
            return x.offset < y.offset
        }.map(\.element)
        return ActorAnalysis(
            actors: actors, mentions: mentions, mentionsByActor: Self.index(mentions, actorCount: actors.count),
            relations: relations.relations(dates: dates), quotes: quotes, candidates: sortedCandidates, documentDates: dates)
    }

    /// A one-word discovered actor (`Blair`, found by `Blair said` in a document
    /// that never gave the full name) joins the one discovered person whose
    /// family name it is (`Tony Blair`), when there is exactly one.
    /// Returns the final actor list and, for every actor number, its new number.
    private func foldLoneSurnames() -> ([Actor], [ActorRef]) {
        var byWord: [Substring: [Int]] = [:]
        for (key, ref) in discoveredByKey where actors[ref.index].kind == .person {
            let words = key.split(separator: " ")
            let written = actors[ref.index].name.split(whereSeparator: { $0 == " " || $0 == "-" })
            guard words.count >= 2, let lastWritten = written.last else { continue }
            // The same family-name rule as within a document: the last word, and
            // the first when the last is short and written like a name (`Yi`, not `GM`).
            let short = words.last!.count <= 3 && lastWritten.first!.isUppercase && lastWritten.dropFirst().allSatisfy(\.isLowercase)
            for w in Set(short ? [words.first!, words.last!] : [words.last!]) {
                byWord[w, default: []].append(ref.index)
            }
        }
        var target = Array(0..<actors.count)
        for (key, ref) in discoveredByKey where !key.contains(" ") && actors[ref.index].name.contains(where: \.isLowercase) {
            if let owners = byWord[Substring(key)], owners.count == 1 { target[ref.index] = owners[0] }
        }
        var kept: [Actor] = []
        var newIndex = [Int](repeating: -1, count: actors.count)
        for (i, a) in actors.enumerated() where target[i] == i {
            newIndex[i] = kept.count
            kept.append(a)
        }
        return (kept, target.map { ActorRef(newIndex[$0]) })
    }

    static func index(_ mentions: [Mention], actorCount: Int) -> [[Int]] {
        // Counted first so every list is allocated once at its size.
        var counts = [Int](repeating: 0, count: actorCount)
        for m in mentions { counts[m.actor.index] += 1 }
        var by = counts.map { n -> [Int] in
            var list: [Int] = []
            list.reserveCapacity(n)
            return list
        }
        for (i, m) in mentions.enumerated() { by[m.actor.index].append(i) }
        return by
    }
}

/// Sums evidence into relations, one per unordered pair.
struct RelationAccumulator {
    private var evidence: [UInt64: [Evidence]] = [:]
    private var order: [UInt64] = []

    mutating func add(_ x: ActorRef, _ y: ActorRef, _ e: Evidence) {
        guard x != y else { return }
        let (a, b) = x < y ? (x, y) : (y, x)
        let key = UInt64(UInt32(bitPattern: a.raw)) << 32 | UInt64(UInt32(bitPattern: b.raw))
        if evidence[key] == nil { order.append(key) }
        evidence[key, default: []].append(e)
    }

    /// Whether this pair already has evidence from that sentence.
    func has(_ x: ActorRef, _ y: ActorRef, sentence: SentenceID) -> Bool {
        let (a, b) = x < y ? (x, y) : (y, x)
        let key = UInt64(UInt32(bitPattern: a.raw)) << 32 | UInt64(UInt32(bitPattern: b.raw))
        return evidence[key]?.last?.sentence == sentence
    }

    /// Relations, strongest first: most evidence, then most documents, then actor order.
    /// Each pair's evidence moves into its relation (sorted in place, trimmed to
    /// size), so the evidence is never held twice.
    mutating func relations(dates: [PartialDate?]) -> [Relation] {
        var out: [Relation] = []
        out.reserveCapacity(order.count)
        for key in order {
            var ev = evidence.removeValue(forKey: key) ?? []
            ev.sort { $0.sentence < $1.sentence }
            if ev.capacity > ev.count + ev.count / 8 { ev = ev.withUnsafeBufferPointer { Array($0) } }
            var r = Relation(a: ActorRef(Int(key >> 32)), b: ActorRef(Int(key & 0xFFFF_FFFF)), evidence: ev)
            var docs = Set<DocumentID>()
            var toneSum = 0.0
            for e in ev {
                docs.insert(e.sentence.document)
                toneSum += e.tone
                r.classCounts[e.relationClass, default: 0] += 1
                let di = e.sentence.document.index
                if di < dates.count, let d = dates[di] {
                    if r.firstDate.map({ d < $0 }) ?? true { r.firstDate = d }
                    if r.lastDate.map({ d > $0 }) ?? true { r.lastDate = d }
                }
            }
            r.documentCount = docs.count
            r.tone = ev.isEmpty ? 0 : toneSum / Double(ev.count)
            out.append(r)
        }
        out.sort { x, y in
            if x.evidence.count != y.evidence.count { return x.evidence.count > y.evidence.count }
            if x.documentCount != y.documentCount { return x.documentCount > y.documentCount }
            return (x.a, x.b) < (y.a, y.b)
        }
        return out
    }
}
