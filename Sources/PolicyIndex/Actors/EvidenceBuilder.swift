/// Turns each sentence that names two or more actors into evidence for every
/// pair, classed by the cue word nearest to the pair.
///
/// Negation and hedges never turn conflict into cooperation:
/// - a negated cue (`did not agree`, `never criticised`) is `neutral` with tone 0:
///   the absence of an act is not its opposite;
/// - a refused cooperation (`refused to hold talks`, `rejected the deal`) is
///   `verbal-conflict`, as CAMEO codes a rejection; a refused conflict
///   (`declined to condemn`) is `neutral`;
/// - a hedged cue (`may impose sanctions`, `reluctant to join`) keeps its class
///   at half its weight.
struct EvidenceBuilder {
    let context: ScanContext
    let cues: CompiledCues

    private struct Hit {
        var token: Int
        var count: Int
        var payload: CompiledCues.Payload
        var span: TextSpan
    }

    func build(into result: inout DocumentActors) {
        let ms = result.mentions
        var i = 0
        while i < ms.count {
            var j = i
            while j < ms.count, ms[j].sentence == ms[i].sentence { j += 1 }
            var firsts: [(actor: Int32, token: Int)] = []
            for k in i..<j where !firsts.contains(where: { $0.actor == ms[k].actor }) {
                firsts.append((ms[k].actor, Int(ms[k].token)))
            }
            if firsts.count >= 2 {
                let si = Int(ms[i].sentence)
                let hits = findHits(in: context.sentenceTokens[si], avoiding: ms[i..<j])
                for x in 0..<firsts.count {
                    for y in (x + 1)..<firsts.count {
                        let ev = evidence(si, firsts[x].token, firsts[y].token, hits)
                        result.evidence.append(.init(a: firsts[x].actor, b: firsts[y].actor, evidence: ev))
                    }
                }
            }
            i = j
        }
    }

    private func findHits(in r: Range<Int>, avoiding mentions: ArraySlice<DocumentActors.LocalMention>) -> [Hit] {
        var hits: [Hit] = []
        let toks = context.tokens
        var i = r.lowerBound
        while i < r.upperBound {
            if let (id, end) = cues.index.longest(toks, at: i, limit: r.upperBound, bytes: context.bytes) {
                let n = cues.index.patterns[id].count
                let span = TextSpan(Int(toks[i].start), end)
                if !mentions.contains(where: { $0.span.overlaps(span) }) {
                    hits.append(Hit(token: i, count: n, payload: cues.index.payloads[id], span: span))
                }
                i += n
                continue
            }
            // `didn't`, `won't`: the `t` after an apostrophe.
            if toks[i].hash == WordLists.t, i > r.lowerBound, context.isApostropheGap(Int(toks[i - 1].end), Int(toks[i].start)) {
                hits.append(
                    Hit(token: i, count: 1, payload: .init(role: .negation, cueClass: -1, text: "n't"), span: toks[i].span))
            }
            i += 1
        }
        return hits
    }

    private func evidence(_ si: Int, _ t1: Int, _ t2: Int, _ hits: [Hit]) -> Evidence {
        let sentence = SentenceID(document: context.document.id, index: si)
        let lo = min(t1, t2)
        let hi = max(t1, t2)
        var best: Hit?
        var bestDistance = Int.max
        for h in hits where h.payload.role == .cue {
            let d = h.token < lo ? lo - h.token : (h.token > hi ? h.token - hi : 0)
            let w = abs(cues.classes[h.payload.cueClass].weight)
            if d < bestDistance || (d == bestDistance && w > abs(cues.classes[best!.payload.cueClass].weight)) {
                best = h
                bestDistance = d
            }
        }
        guard let cue = best else { return Evidence(sentence: sentence) }
        let cls = cues.classes[cue.payload.cueClass]
        var ev = Evidence(
            sentence: sentence, cue: cue.payload.text, cueSpan: cue.span, relationClass: cls.relationClass, tone: cls.weight)
        // The nearest negation, refusal or hedge that ends shortly before the cue.
        let modifier = hits.last { h in
            h.payload.role != .cue && h.token + h.count <= cue.token
                && cue.token - (h.token + h.count) <= (h.payload.role == .hedge ? 4 : 3)
        }
        guard let m = modifier else { return ev }
        ev.qualifier = m.payload.text
        switch m.payload.role {
        case .refusal:
            ev.negated = true
            if cls.weight > 0 {
                ev.relationClass = .verbalConflict
                ev.tone = cues.verbalConflictWeight
            } else {
                ev.relationClass = .neutral
                ev.tone = 0
            }
        case .negation:
            ev.negated = true
            ev.relationClass = .neutral
            ev.tone = 0
        case .hedge:
            ev.hedged = true
            ev.tone = cls.weight / 2
        case .cue:
            break
        }
        return ev
    }
}
