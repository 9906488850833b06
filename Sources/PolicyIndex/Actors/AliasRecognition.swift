extension DocumentScanner {
    /// Dictionary matches over the whole document, then surnames.
    ///
    /// Matching runs left to right and takes the longest pattern at each word;
    /// a `not:` phrase that wins takes its words out of play. When another
    /// alias of the same actor starts inside a match and reaches further, the
    /// two join (`President Moon` + `Moon Jae-in` → `President Moon Jae-in`).
    func recognise(_ ctx: ScanContext, claimed: inout [Bool], into result: inout DocumentActors) {
        var fullMentions: [Int32: [TextSpan]] = [:]
        let index = aliases.index
        for (si, range) in ctx.sentenceTokens.enumerated() {
            var i = range.lowerBound
            while i < range.upperBound {
                guard let (id, firstEnd) = index.longest(ctx.tokens, at: i, limit: range.upperBound, bytes: ctx.bytes) else {
                    i += 1
                    continue
                }
                var p = index.payloads[id]
                var n = index.patterns[id].count
                var end = firstEnd
                if p.use == .alias {
                    var k = i + 1
                    while k < i + n {
                        if let (id2, end2) = index.longest(ctx.tokens, at: k, limit: range.upperBound, bytes: ctx.bytes),
                            index.payloads[id2].actor == p.actor, index.payloads[id2].use == .alias,
                            k + index.patterns[id2].count > i + n
                        {
                            // The longer alias explains the joined mention.
                            if index.patterns[id2].count >= index.patterns[id].count { p = index.payloads[id2] }
                            n = k + index.patterns[id2].count - i
                            end = end2
                        }
                        k += 1
                    }
                }
                for k in i..<(i + n) { claimed[k] = true }
                if p.use != .notPhrase {
                    let span = TextSpan(Int(ctx.tokens[i].start), end)
                    let reason: MentionReason = p.use == .demonym ? .demonym(p.text) : .alias(p.text)
                    result.mentions.append(.init(actor: p.actor, sentence: Int32(si), span: span, reason: reason, token: Int32(i)))
                    if p.use == .alias, dictionaryKinds[Int(p.actor)] == .person { fullMentions[p.actor, default: []].append(span) }
                }
                i += n
            }
        }
        if !aliases.surnameOwners.isEmpty { linkSurnames(ctx, fullMentions, claimed: &claimed, into: &result) }
    }

    /// A capitalised surname standing alone refers to the person of that
    /// surname named in full in this document: the latest full mention before
    /// it, else the first after it (a headline often names `Biden` before the
    /// text says `Joe Biden`). With no full mention in the document, it refers
    /// to the one dictionary person with that surname, if there is only one
    /// (`Kim` is never guessed) and the document names that person's
    /// affiliation (a `Sullivan` in a text that never names the United States
    /// is someone else).
    private func linkSurnames(
        _ ctx: ScanContext, _ fullMentions: [Int32: [TextSpan]], claimed: inout [Bool], into result: inout DocumentActors
    ) {
        let present = Set(result.mentions.map(\.actor))
        for (si, range) in ctx.sentenceTokens.enumerated() {
            for i in range where !claimed[i] {
                let t = ctx.tokens[i]
                guard t.isCapitalised, let persons = aliases.surnameOwners[t.hash], SurnameRule.mayReferBack(t),
                    Self.standsAlone(ctx, i, range, claimed: claimed)
                else { continue }
                var before: (actor: Int32, span: TextSpan)?
                var after: (actor: Int32, span: TextSpan)?
                for p in persons {
                    guard let spans = fullMentions[p] else { continue }
                    if let b = spans.last(where: { $0.start < t.start }) {
                        if before.map({ b.start > $0.span.start }) ?? true { before = (p, b) }
                    } else if let a = spans.first, after.map({ a.start < $0.span.start }) ?? true {
                        after = (p, a)
                    }
                }
                let reason: MentionReason
                let actor: Int32
                if let link = before ?? after {
                    (actor, reason) = (link.actor, .surname(fullMention: link.span))
                } else if persons.count == 1, aliases.affiliations[Int(persons[0])] < 0 || present.contains(aliases.affiliations[Int(persons[0])]) {
                    (actor, reason) = (persons[0], .uniqueSurname(ctx.plainText(Int(t.start), Int(t.end))))
                } else {
                    continue
                }
                claimed[i] = true
                result.mentions.append(.init(actor: actor, sentence: Int32(si), span: t.span, reason: reason, token: Int32(i)))
            }
        }
    }
}
