/// Finds names that no dictionary knows: capitalised sequences that a role cue
/// (`Foreign Minister X`, `the ambassador to Japan, X`), a speech cue (`X said`,
/// `said X`) or an organisation word (`X Ministry`) marks as an actor. Every
/// other capitalised sequence only becomes a candidate for the user's dictionary.
struct NameDiscovery {
    let ctx: ScanContext

    private struct Sequence {
        var sentence: Int
        var first: Int
        var end: Int
        var key: String
        var name: String
        var kind: ActorKind
        var rule: String?
    }

    private var sequences: [Sequence] = []
    /// Hashes of the words the document writes in lower case, built on first use:
    /// scanning every token for each sentence-initial capital was quadratic on
    /// long documents whose sentences open with words never seen in lower case.
    private var lowerCaseWords: PackedKeySet?

    init(context: ScanContext) { self.ctx = context }

    mutating func run(claimed: [Bool], into result: inout DocumentActors) {
        for (si, r) in ctx.sentenceTokens.enumerated() where !r.isEmpty && !isTitleCase(r) {
            var i = r.lowerBound
            while i < r.upperBound {
                guard !claimed[i], ctx.tokens[i].isCapitalised else {
                    i += 1
                    continue
                }
                let j = runEnd(from: i, in: r, claimed: claimed)
                consider(i..<j, sentence: si, in: r)
                i = j
            }
        }
        collect(into: &result)
    }

    /// Headlines in title case (`Moon Meets Trump in Hanoi`) say nothing about
    /// which words are names: a sentence of four or more words with no
    /// lower-case word of four letters or more is not mined.
    private func isTitleCase(_ r: Range<Int>) -> Bool {
        guard r.count >= 4 else { return false }
        return !r.contains { ctx.tokens[$0].isLowercase && ctx.tokens[$0].length >= 4 && !isHyphenJoined($0) }
    }

    /// Extends a capitalised run over capitalised words, hyphenated lower-case
    /// parts (`Kyung-wha`) and joining words followed by a capital (`Ministry of Defence`).
    private func runEnd(from i: Int, in r: Range<Int>, claimed: [Bool]) -> Int {
        var j = i + 1
        while j < r.upperBound, !claimed[j] {
            let prev = ctx.tokens[j - 1]
            let t = ctx.tokens[j]
            let allowDot = prev.length == 1 && prev.isCapitalised
            guard TokenPattern.gapJoinsName(ctx.bytes, Int(prev.end), Int(t.start), allowDot: allowDot) else { break }
            if t.isCapitalised {
                j += 1
            } else if t.isLowercase, ctx.containsByte(0x2D, Int(prev.end), Int(t.start)) {
                j += 1
            } else if WordLists.connectors.contains(t.hash), j + 1 < r.upperBound, !claimed[j + 1],
                ctx.tokens[j + 1].isCapitalised, ctx.isWhitespaceGap(Int(prev.end), Int(t.start)),
                ctx.isWhitespaceGap(Int(t.end), Int(ctx.tokens[j + 1].start))
            {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    private func isHyphenJoined(_ k: Int) -> Bool {
        k > 0 && ctx.tokens[k].isLowercase && ctx.containsByte(0x2D, Int(ctx.tokens[k - 1].end), Int(ctx.tokens[k].start))
    }

    /// `Unfortunately`, `Meanwhile`-like openers: long words ending in `-ly`.
    private func isSentenceAdverb(_ t: WordToken) -> Bool {
        t.length >= 8 && ctx.bytes[Int(t.end) - 2] | 0x20 == 0x6C && ctx.bytes[Int(t.end) - 1] | 0x20 == 0x79
    }

    private func isFiller(_ t: WordToken) -> Bool {
        WordLists.common.contains(t.hash) || WordLists.connectors.contains(t.hash)
    }

    private mutating func consider(_ run: Range<Int>, sentence: Int, in r: Range<Int>) {
        var s = run.lowerBound
        var e = run.upperBound
        while s < e, isFiller(ctx.tokens[s]) || (s == r.lowerBound && s + 1 < e && isSentenceAdverb(ctx.tokens[s])) { s += 1 }
        while e > s, isFiller(ctx.tokens[e - 1]), !isHyphenJoined(e - 1) { e -= 1 }
        if s < e, s == r.lowerBound, occursInLowerCase(ctx.tokens[s].hash) { s += 1 }
        guard s < e else { return }
        var hasOrg = (s..<e).contains { WordLists.organizationWords.contains(ctx.tokens[$0].hash) }
        var roleCue = false
        if let last = (s..<e).last(where: { WordLists.titles.contains(ctx.tokens[$0].hash) }) {
            let after = (last + 1)..<e
            if !after.isEmpty, !after.contains(where: { WordLists.organizationWords.contains(ctx.tokens[$0].hash) }) {
                s = last + 1
                // `President-elect Joe Biden`: the title's own lower-case parts go too.
                while s < e, ctx.tokens[s].isLowercase { s += 1 }
                guard s < e else { return }
                roleCue = true
                hasOrg = false
            } else if after.isEmpty, !hasOrg {
                return  // only a title (`Foreign Minister`)
            }
        }
        if !roleCue { roleCue = hasTitleBefore(s, in: r) }
        let said = hasSpeechCue(s, e, in: r)
        let single = e - s == 1
        let acronym = single && ctx.tokens[s].isAllUpper && ctx.tokens[s].length >= 2
        if single && ctx.tokens[s].length < 2 { return }
        let thing = WordLists.thingWords.contains(ctx.tokens[e - 1].hash)
        // Without a cue a capitalised phrase is as often a place or a programme as a
        // person, so it is only a candidate topic; the user decides.
        let kind: ActorKind = thing ? .topic : hasOrg || acronym ? .organization : (roleCue || said ? .person : .topic)
        if single && thing { return }
        var rule: String?
        if WordLists.thingWords.contains(ctx.tokens[e - 1].hash) {
            rule = nil  // a treaty, a war, a summit: a candidate topic at most
        } else if roleCue && kind == .person {
            rule = "role-cue"
        } else if said {
            rule = "said-cue"
        } else if hasOrg && !single {
            rule = "organization-name"
        }
        sequences.append(
            Sequence(
                sentence: sentence, first: s, end: e, key: key(s..<e),
                name: ctx.plainText(Int(ctx.tokens[s].start), Int(ctx.tokens[e - 1].end)), kind: kind, rule: rule))
    }

    /// Whether the document also writes this word in lower case (`Officials said`
    /// versus `the officials`), so a capital at the start of a sentence says nothing.
    private mutating func occursInLowerCase(_ hash: UInt64) -> Bool {
        if let words = lowerCaseWords { return words.contains(hash) }
        var words = PackedKeySet(minimumCapacity: ctx.tokens.count / 2)
        for t in ctx.tokens where t.isLowercase { words.insert(t.hash) }
        lowerCaseWords = words
        return words.contains(hash)
    }

    /// A title right before the name (`spokesman Geng Shuang`), or a few words
    /// before it with a comma in between (`the ambassador to Japan, William Hagerty`).
    private func hasTitleBefore(_ s: Int, in r: Range<Int>) -> Bool {
        guard s > r.lowerBound else { return false }
        let p = ctx.tokens[s - 1]
        let t = ctx.tokens[s]
        if WordLists.titles.contains(p.hash), ctx.isWhitespaceGap(Int(p.end), Int(t.start)) { return true }
        guard ctx.containsByte(0x2C, Int(p.end), Int(t.start)) else { return false }
        let from = max(r.lowerBound, s - 5)
        return (from..<s).contains { WordLists.appositiveTitles.contains(ctx.tokens[$0].hash) }
    }

    /// `X said`, `X told`, or `…, said X`.
    private func hasSpeechCue(_ s: Int, _ e: Int, in r: Range<Int>) -> Bool {
        if e < r.upperBound, WordLists.saidCue.contains(ctx.tokens[e].hash),
            ctx.isWhitespaceGap(Int(ctx.tokens[e - 1].end), Int(ctx.tokens[e].start))
        {
            return true
        }
        if s > r.lowerBound, WordLists.saidCue.contains(ctx.tokens[s - 1].hash),
            ctx.isWhitespaceGap(Int(ctx.tokens[s - 1].end), Int(ctx.tokens[s].start))
        {
            return true
        }
        return false
    }

    /// Lower-case words joined by single spaces: one key for `Kim Jong-un` and `Kim Jong Un`.
    private func key(_ r: Range<Int>) -> String {
        var out: [UInt8] = []
        for k in r {
            if !out.isEmpty { out.append(0x20) }
            let t = ctx.tokens[k]
            for i in Int(t.start)..<Int(t.end) { out.append(ByteText.foldASCII(ctx.bytes[i])) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Turns sequences into discovered actors (with every use of the same
    /// name in this document, and its surname), and the rest into candidates.
    /// A cue on a lone surname (`Blair said`) discovers the full name the
    /// document gives elsewhere (`Tony Blair`), which the surname then refers to.
    private func collect(into result: inout DocumentActors) {
        // Full names (two words or more, not organisations or things) by each word that may refer back to them.
        var fullNames: [UInt64: Int] = [:]
        for (n, q) in sequences.enumerated() where q.end - q.first >= 2 && (q.kind == .person || q.kind == .topic) {
            if WordLists.thingWords.contains(ctx.tokens[q.end - 1].hash) { continue }
            for f in familyNames(q) where fullNames[f.hash] == nil { fullNames[f.hash] = n }
        }
        var local: [String: Int32] = [:]
        func discover(_ q: Sequence, kind: ActorKind, rule: String) {
            guard local[q.key] == nil else { return }
            local[q.key] = -Int32(result.discovered.count) - 1
            result.discovered.append(.init(key: q.key, name: q.name, kind: kind, rule: rule))
        }
        for q in sequences {
            guard let rule = q.rule else { continue }
            if q.end - q.first == 1, q.kind != .organization || !ctx.tokens[q.first].isAllUpper,
                let full = fullNames[ctx.tokens[q.first].hash]
            {
                discover(sequences[full], kind: .person, rule: rule)
            } else if q.end - q.first == 1 && rule == "said-cue" && q.kind == .person {
                // `Microsoft said`, `Labour said`: with no full name in the document, a
                // lone capitalised speaker is more often a body than a person.
                discover(q, kind: .organization, rule: rule)
            } else {
                discover(q, kind: q.kind, rule: rule)
            }
        }
        // Surnames of discovered persons: the first full mention in the document.
        var surnames: [UInt64: (actor: Int32, span: TextSpan)] = [:]
        for q in sequences where q.end - q.first >= 2 {
            guard let actor = local[q.key], result.discovered[Int(-actor - 1)].kind == .person else { continue }
            let span = TextSpan(Int(ctx.tokens[q.first].start), Int(ctx.tokens[q.end - 1].end))
            for f in familyNames(q) where surnames[f.hash] == nil { surnames[f.hash] = (actor, span) }
        }
        var sightings: [String: Int] = [:]
        for q in sequences {
            let span = TextSpan(Int(ctx.tokens[q.first].start), Int(ctx.tokens[q.end - 1].end))
            let single = q.end - q.first == 1
            if single, let owner = surnames[ctx.tokens[q.first].hash], SurnameRule.mayReferBack(ctx.tokens[q.first]) {
                result.mentions.append(
                    .init(
                        actor: owner.actor, sentence: Int32(q.sentence), span: span,
                        reason: .surname(fullMention: owner.span), token: Int32(q.first)))
                continue
            }
            let actor = local[q.key]
            if let actor {
                result.mentions.append(
                    .init(
                        actor: actor, sentence: Int32(q.sentence), span: span,
                        reason: .discovered(rule: q.rule ?? "same-document"), token: Int32(q.first)))
            }
            if let i = sightings[q.key] {
                result.candidates[i].count += 1
            } else {
                sightings[q.key] = result.candidates.count
                let kind = actor.map { result.discovered[Int(-$0 - 1)].kind } ?? q.kind
                result.candidates.append(
                    CandidateSighting(
                        key: q.key, name: q.name, kind: kind, count: 1, sentence: Int32(q.sentence), discovered: actor != nil))
            }
        }
    }

    /// The words that may refer back to a discovered person. With no dictionary
    /// to say which word is the family name: the first word when the last is a
    /// hyphenated given name (`Kang Kyung-wha`) or very short (`Wang Yi`, `Ri
    /// Yong Ho`), else the last (`Tony Blair`).
    private func familyNames(_ q: Sequence) -> [WordToken] {
        let first = ctx.tokens[q.first]
        let last = ctx.tokens[q.end - 1]
        if last.isLowercase { return [first] }
        return last.length <= 3 && isTitleCaseWord(last) ? [first, last] : [last]
    }

    /// One capital then lower case (`Yi`), unlike `GM` or `MPs`.
    private func isTitleCaseWord(_ t: WordToken) -> Bool {
        guard t.isCapitalised else { return false }
        for i in (Int(t.start) + 1)..<Int(t.end) where ctx.bytes[i] &- 0x61 >= 26 { return false }
        return true
    }
}
