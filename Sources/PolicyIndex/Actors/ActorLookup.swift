extension Actor {
    /// The role held at `date`: a role whose range covers the date (the latest
    /// to start, if several do), else a role without dates. With no date, the
    /// undated role or the most recent one.
    public func role(at date: PartialDate?) -> ActorRole? {
        guard let date else {
            return roles.first { $0.from == nil && $0.to == nil } ?? roles.max { ($0.from?.firstDay ?? .min) < ($1.from?.firstDay ?? .min) }
        }
        let covering = roles.filter { r in
            guard r.from != nil || r.to != nil else { return false }
            let startsBefore = r.from.map { $0.firstDay <= date.firstDay } ?? true
            let endsAfter = r.to.map { date.firstDay < $0.endDay } ?? true
            return startsBefore && endsAfter
        }
        return covering.max { ($0.from?.firstDay ?? .min) < ($1.from?.firstDay ?? .min) }
            ?? roles.first { $0.from == nil && $0.to == nil }
    }
}

extension ActorAnalysis {
    /// The role of an actor in a document, chosen by the document's date.
    public func role(of ref: ActorRef, in document: DocumentID) -> ActorRole? {
        let date = document.index < documentDates.count ? documentDates[document.index] : nil
        return actors[ref.index].role(at: date)
    }

    /// The actor an argument names: its id, display name or an alias, in any case.
    public func actor(named query: String) -> ActorRef? {
        let q = Self.fold(query)
        guard !q.isEmpty else { return nil }
        if let i = actors.firstIndex(where: { Self.fold($0.id) == q }) { return ActorRef(i) }
        if let i = actors.firstIndex(where: { Self.fold($0.name) == q }) { return ActorRef(i) }
        if let i = actors.firstIndex(where: { $0.aliases.contains { Self.fold($0) == q } || $0.demonyms.contains { Self.fold($0) == q } }) {
            return ActorRef(i)
        }
        return nil
    }

    /// Actors whose id, name or alias contains the query or is within two edits
    /// of it, most mentioned first: for "did you mean".
    public func suggestions(for query: String, limit: Int = 5) -> [ActorRef] {
        let q = Self.fold(query)
        guard !q.isEmpty else { return [] }
        var scored: [(ActorRef, Int)] = []
        for (i, a) in actors.enumerated() {
            let names = [a.id, a.name] + a.aliases
            let close = names.contains { n in
                let f = Self.fold(n)
                return f.contains(q) || q.contains(f) && f.count >= 3 || Self.editDistance(f, q, limit: 2) <= 2
            }
            if close { scored.append((ActorRef(i), i < mentionsByActor.count ? mentionsByActor[i].count : 0)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    /// Relations of one actor, strongest first.
    public func relations(of ref: ActorRef) -> [Relation] { relations.filter { $0.involves(ref) } }

    /// Number of documents that mention the actor.
    public func documentCount(of ref: ActorRef) -> Int {
        var n = 0
        var last: DocumentID?
        for i in mentionsByActor[ref.index] where mentions[i].sentence.document != last {
            n += 1
            last = mentions[i].sentence.document
        }
        return n
    }

    /// How the actor was written in the texts, most frequent first (`U.S.`, `Washington`, `US`).
    public func surfaceForms(of ref: ActorRef, in documents: [Document]) -> [(text: String, count: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for i in mentionsByActor[ref.index] {
            let m = mentions[i]
            guard m.sentence.document.index < documents.count else { continue }
            var s = String(documents[m.sentence.document.index].text(m.span))
            if s.contains("\n") { s = s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            if counts[s] == nil { order.append(s) }
            counts[s, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.enumerated().sorted { x, y in
            x.element.1 != y.element.1 ? x.element.1 > y.element.1 : x.offset < y.offset
        }.map(\.element)
    }

    static func fold(_ s: String) -> String {
        s.lowercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" && $0 != "_" }
    }

    /// Levenshtein distance, giving up early past `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a)
        let y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return x.isEmpty ? y.count : prev[y.count]
    }
}
