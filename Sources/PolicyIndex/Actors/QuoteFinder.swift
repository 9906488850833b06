/// Finds quotations and who said them.
///
/// Direct quotes are text between “…” (or straight "…") marks of at least three
/// words, attributed by the speech verb after them (`“…,” she said`, `“…,”
/// said Moon`) or before them (`Moon said: “…”`, `Moon stated that “…”`).
/// Indirect quotes are `X said … that …` in a sentence with no quote marks.
/// A `he`/`she` speaker is the one person named in the nearest earlier
/// sentence that names persons (or the previous quote's speaker among several);
/// otherwise the quote is kept as `pronoun-unclear` with no speaker rather
/// than guessed. Quote marks with no speech verb next to them (titles,
/// citations, scare quotes) are not quotes.
struct QuoteFinder {
    let context: ScanContext
    let kinds: (Int32) -> ActorKind

    private var toks: UnsafeBufferPointer<WordToken> { context.tokens }
    private var bytes: UnsafeBufferPointer<UInt8> { context.bytes }

    private struct Speaker {
        var actor: Int32?
        var name: String?
        var viaPronoun: Bool
    }

    func find(into result: inout DocumentActors) {
        let mentions = result.mentions
        var lastSpeaker: Int32?
        var quotedSentences = Set<Int>()
        for pair in quotePairs() {
            guard let si = context.document.sentenceIndex(containing: pair.content.lowerBound),
                !context.sentenceTokens[si].isEmpty
            else { continue }
            let inside = tokenIndex(atOrAfter: pair.content.lowerBound)..<tokenIndex(atOrAfter: pair.content.upperBound)
            guard inside.count >= 3 else { continue }
            quotedSentences.insert(si)
            var speaker: Speaker?
            var rule = ""
            // A quote that ends its own sentence (`… win.”`) is attributed from
            // before it first, so the next sentence's subject is not taken for its speaker.
            let endsSentence = lastByte(before: pair.content.upperBound, from: pair.content.lowerBound) == 0x2E
            let first = endsSentence ? before(pair.open, mentions, lastSpeaker) : after(pair.closeEnd, mentions, lastSpeaker)
            if let (s, r) = first ?? (endsSentence ? after(pair.closeEnd, mentions, lastSpeaker) : before(pair.open, mentions, lastSpeaker)) {
                (speaker, rule) = (s, r)
            }
            // Titles, citations and scare quotes have no speaker: they are not quotes of anyone.
            guard let s = speaker else { continue }
            if s.viaPronoun { rule = s.actor == nil ? "pronoun-unclear" : "pronoun" }
            if let a = speaker?.actor { lastSpeaker = a }
            result.quotes.append(
                .init(
                    speaker: speaker?.actor, speakerName: speaker?.actor == nil ? speaker?.name : nil,
                    span: TextSpan(pair.content.lowerBound, pair.content.upperBound), sentence: Int32(si), attribution: rule))
        }
        for (si, r) in context.sentenceTokens.enumerated() where !r.isEmpty && !quotedSentences.contains(si) {
            if let q = indirect(si, r, mentions, lastSpeaker) {
                if let a = q.speaker { lastSpeaker = a }
                result.quotes.append(q)
            }
        }
        result.quotes.sort { $0.span < $1.span }
    }

    // MARK: Quote marks

    private struct Pair {
        var open: Int
        var content: Range<Int>
        var closeEnd: Int
    }

    /// Pairs of opening and closing marks inside one paragraph.
    private func quotePairs() -> [Pair] {
        var out: [Pair] = []
        for p in context.document.paragraphs {
            var openCurly: Int?
            var openStraight: Int?
            var i = max(0, Int(p.span.start))
            let end = min(Int(p.span.end), bytes.count)
            while i < end {
                let b = bytes[i]
                if b == 0x22 {
                    if let o = openStraight {
                        out.append(Pair(open: o, content: (o + 1)..<i, closeEnd: i + 1))
                        openStraight = nil
                    } else {
                        openStraight = i
                    }
                } else if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 {
                    if bytes[i + 2] == 0x9C {
                        openCurly = i
                    } else if bytes[i + 2] == 0x9D, let o = openCurly {
                        out.append(Pair(open: o, content: (o + 3)..<i, closeEnd: i + 3))
                        openCurly = nil
                    }
                    i += 2
                }
                i += 1
            }
        }
        return out.sorted { $0.open < $1.open }
    }

    private func lastByte(before end: Int, from start: Int) -> UInt8? {
        var i = end - 1
        while i >= start, bytes[i] == 0x20 || bytes[i] == 0x0A { i -= 1 }
        return i >= start ? bytes[i] : nil
    }

    private func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = toks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(toks[mid].start) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether the bytes between two offsets end a clause: sentence punctuation, a line break or a new quote.
    private func breaksClause(_ from: Int, _ to: Int) -> Bool {
        let lo = max(0, from)
        let hi = min(to, bytes.count)
        guard lo <= hi else { return true }
        for i in lo..<hi {
            switch bytes[i] {
            case 0x2E, 0x21, 0x3F, 0x0A, 0x22, 0x3B: return true
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9C || bytes[i + 2] == 0x9D): return true
            default: continue
            }
        }
        return false
    }

    // MARK: Attribution

    /// `“…,” she said` / `“…,” said Moon` / `“…,” the minister told reporters`.
    private func after(_ closeEnd: Int, _ mentions: [DocumentActors.LocalMention], _ last: Int32?) -> (Speaker, String)? {
        let start = tokenIndex(atOrAfter: closeEnd)
        var clause: [Int] = []
        var prevEnd = closeEnd
        var k = start
        while k < toks.count, clause.count < 7, !breaksClause(prevEnd, Int(toks[k].start)) {
            clause.append(k)
            prevEnd = Int(toks[k].end)
            k += 1
        }
        guard let v = clause.firstIndex(where: { WordLists.speechVerbs.contains(toks[$0].hash) }) else { return nil }
        let range = v == 0 ? Array(clause.dropFirst().prefix(5)) : Array(clause[..<v])
        guard let s = speaker(in: range, mentions, last, nearestLast: v > 0) else { return nil }
        return (s, "quote-then-said")
    }

    /// `Moon said: “…”`, `Moon stated that “…”`, `Moon said on Tuesday that “…”`.
    private func before(_ open: Int, _ mentions: [DocumentActors.LocalMention], _ last: Int32?) -> (Speaker, String)? {
        var k = tokenIndex(atOrAfter: open) - 1
        var steps = 0
        var sawThat = false
        var nextStart = open
        while k >= 0, steps < 5, !breaksClause(Int(toks[k].end), nextStart) {
            if toks[k].hash == WordLists.that { sawThat = true }
            if WordLists.speechVerbs.contains(toks[k].hash) {
                var range: [Int] = []
                var j = k - 1
                var end = Int(toks[k].start)
                while j >= 0, range.count < 6, !breaksClause(Int(toks[j].end), end) {
                    range.insert(j, at: 0)
                    end = Int(toks[j].start)
                    j -= 1
                }
                guard let s = speaker(in: range, mentions, last, nearestLast: true) else { return nil }
                return (s, sawThat ? "stated-that" : "said-then-quote")
            }
            nextStart = Int(toks[k].start)
            k -= 1
            steps += 1
        }
        return nil
    }

    /// `Moon said on Tuesday that the talks would resume.`
    private func indirect(_ si: Int, _ r: Range<Int>, _ mentions: [DocumentActors.LocalMention], _ last: Int32?)
        -> DocumentActors.LocalQuote?
    {
        for v in r where WordLists.speechVerbs.contains(toks[v].hash) {
            guard let that = (v + 1..<min(v + 7, r.upperBound)).first(where: { toks[$0].hash == WordLists.that }),
                that + 1 < r.upperBound
            else { continue }
            let range = Array(max(r.lowerBound, v - 5)..<v)
            guard let s = speaker(in: range, mentions, last, nearestLast: true) else { continue }
            let sentenceEnd = Int(context.document.sentences[si].span.end)
            var end = min(sentenceEnd, bytes.count)
            while end > Int(toks[that + 1].start), [0x2E, 0x20, 0x0A, 0x21, 0x3F].contains(bytes[end - 1]) { end -= 1 }
            let rule = s.viaPronoun ? (s.actor == nil ? "pronoun-unclear" : "pronoun") : "said-that"
            return .init(
                speaker: s.actor, speakerName: s.actor == nil ? s.name : nil,
                span: TextSpan(Int(toks[that + 1].start), end), sentence: Int32(si), attribution: rule)
        }
        return nil
    }

    /// The speaker named by the tokens of `range`: an actor mention, a pronoun
    /// resolved to a person, or a short noun phrase (`the ministry`).
    private func speaker(
        in range: [Int], _ mentions: [DocumentActors.LocalMention], _ last: Int32?, nearestLast: Bool = false
    ) -> Speaker? {
        guard let lo = range.first, let hi = range.last else { return nil }
        let inRange = mentions.filter { Int($0.token) >= lo && Int($0.token) <= hi }
        if let m = nearestLast ? inRange.last : inRange.first { return Speaker(actor: m.actor, name: nil, viaPronoun: false) }
        if let p = range.first(where: { toks[$0].hash == WordLists.he || toks[$0].hash == WordLists.she }) {
            let name = context.plainText(Int(toks[p].start), Int(toks[p].end))
            return Speaker(actor: resolvePronoun(at: p, mentions, last), name: name, viaPronoun: true)
        }
        guard let phrase = nounPhrase(range, nearVerbAtEnd: nearestLast) else { return nil }
        return Speaker(actor: nil, name: context.plainText(Int(toks[phrase.lowerBound].start), Int(toks[phrase.upperBound].end)), viaPronoun: false)
    }

    /// A short speaker phrase next to the verb: `the ministry`, `a spokesman`,
    /// or capitalised words (`Reuters`); nil for anything else, so that a
    /// clause is never taken for a speaker.
    private func nounPhrase(_ range: [Int], nearVerbAtEnd: Bool) -> ClosedRange<Int>? {
        var near = nearVerbAtEnd ? Array(range.suffix(4)) : Array(range.prefix(4))
        // A phrase never runs over a joining word (`the drills and said`).
        if nearVerbAtEnd, let j = near.lastIndex(where: { WordLists.clauseJoiners.contains(toks[$0].hash) }) {
            near = Array(near[(j + 1)...])
        } else if !nearVerbAtEnd, let j = near.firstIndex(where: { WordLists.clauseJoiners.contains(toks[$0].hash) }) {
            near = Array(near[..<j])
        }
        guard !near.isEmpty else { return nil }
        if nearVerbAtEnd, let d = near.lastIndex(where: { WordLists.determiners.contains(toks[$0].hash) }) {
            return near[d]...near[near.count - 1]
        }
        if !nearVerbAtEnd, WordLists.determiners.contains(toks[near[0]].hash) { return near[0]...near[near.count - 1] }
        let caps = nearVerbAtEnd ? Array(near.reversed().prefix { toks[$0].isCapitalised }.reversed()) : Array(near.prefix { toks[$0].isCapitalised })
        guard let f = caps.first, let l = caps.last, !WordLists.common.contains(toks[f].hash) else { return nil }
        return f...l
    }

    /// The one person named in the nearest sentence (this one, before the
    /// pronoun, or up to three before) that names persons.
    private func resolvePronoun(at token: Int, _ mentions: [DocumentActors.LocalMention], _ last: Int32?) -> Int32? {
        let offset = Int(toks[token].start)
        guard let si = context.document.sentenceIndex(containing: offset) else { return nil }
        for s in stride(from: si, through: max(0, si - 3), by: -1) {
            var persons: [Int32] = []
            for m in mentions where Int(m.sentence) == s && Int(m.span.start) < offset && kinds(m.actor) == .person {
                if !persons.contains(m.actor) { persons.append(m.actor) }
            }
            if persons.count == 1 { return persons[0] }
            if persons.count > 1 { return last.flatMap { persons.contains($0) ? $0 : nil } }
        }
        return nil
    }
}
