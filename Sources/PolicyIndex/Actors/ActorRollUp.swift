extension ActorAnalysis {
    /// The actor a person rolls up to: their affiliation (Biden → United States),
    /// or the actor itself.
    public func rollUpTarget(_ ref: ActorRef) -> ActorRef {
        let a = actors[ref.index]
        guard a.kind == .person, let f = a.affiliation, let i = actors.firstIndex(where: { $0.id == f }) else { return ref }
        return ActorRef(i)
    }

    /// The state-level picture: every person with an affiliation is counted as
    /// that affiliation. Actor numbers stay the same (rolled-up persons keep
    /// their entry with no mentions), so a selection survives the switch.
    /// Built from mentions and evidence already found, without reading text
    /// again; one sentence gives a rolled-up pair one piece of evidence, the
    /// one with the strongest tone.
    public func rolledUp() -> ActorAnalysis {
        if isRolledUp { return self }
        let target = rollUpTargets()
        var ms = mentions
        for i in ms.indices { ms[i].actor = target[ms[i].actor.index] }
        var qs = quotes
        for i in qs.indices { qs[i].speaker = qs[i].speaker.map { target[$0.index] } }
        return ActorAnalysis(
            actors: actors, mentions: ms, mentionsByActor: AnalysisMerger.index(ms, actorCount: actors.count),
            relations: rolledUpRelations(target), quotes: qs, candidates: candidates,
            documentDates: documentDates, isRolledUp: true)
    }

    /// `rollUpTarget` for every actor at once, in one pass over the dictionary.
    public func rollUpTargets() -> [ActorRef] {
        var byId: [String: Int] = [:]
        for (i, a) in actors.enumerated() { byId[a.id] = i }
        return actors.enumerated().map { i, a in
            if a.kind == .person, let f = a.affiliation, let t = byId[f] { return ActorRef(t) }
            return ActorRef(i)
        }
    }

    /// Only the relations of `rolledUp()`, for callers that count mentions
    /// themselves: copying every mention costs more than the relations at 50,000
    /// articles. `target` is `rollUpTargets()`.
    public func rolledUpRelations(_ target: [ActorRef]) -> [Relation] {
        if isRolledUp { return relations }
        // Evidence from all pairs, regrouped per sentence so duplicates can be folded.
        var bySentence: [(SentenceID, ActorRef, ActorRef, Evidence)] = []
        for r in relations {
            let a = target[r.a.index]
            let b = target[r.b.index]
            guard a != b else { continue }
            for e in r.evidence { bySentence.append((e.sentence, min(a, b), max(a, b), e)) }
        }
        bySentence.sort { x, y in
            if x.0 != y.0 { return x.0 < y.0 }
            if (x.1, x.2) != (y.1, y.2) { return (x.1, x.2) < (y.1, y.2) }
            return abs(x.3.tone) > abs(y.3.tone)
        }
        var acc = RelationAccumulator()
        for (s, a, b, e) in bySentence where !acc.has(a, b, sentence: s) { acc.add(a, b, e) }
        return acc.relations(dates: documentDates)
    }
}
