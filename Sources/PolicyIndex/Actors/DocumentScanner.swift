/// The bytes and tokens of one document, valid while it is being scanned.
struct ScanContext {
    let document: Document
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<WordToken>
    let sentenceTokens: [Range<Int>]

    /// Whether the bytes between two offsets are only spaces (and at most one line break).
    func isWhitespaceGap(_ from: Int, _ to: Int) -> Bool {
        guard to - from <= 4, from >= 0, from <= to, to <= bytes.count else { return false }
        for i in from..<to where bytes[i] != 0x20 && bytes[i] != 0x0A && bytes[i] != 0x09 { return false }
        return true
    }

    /// `'` or `’` alone, as in `O'Brien` or `didn’t`.
    func isApostropheGap(_ from: Int, _ to: Int) -> Bool {
        let n = to - from
        guard from >= 0, to <= bytes.count else { return false }
        if n == 1 { return bytes[from] == 0x27 }
        return n == 3 && bytes[from] == 0xE2 && bytes[from + 1] == 0x80 && bytes[from + 2] == 0x99
    }

    func containsByte(_ b: UInt8, _ from: Int, _ to: Int) -> Bool {
        for i in max(0, from)..<max(max(0, from), min(to, bytes.count)) where bytes[i] == b { return true }
        return false
    }

    /// The text between two offsets with runs of whitespace folded to one space.
    func plainText(_ from: Int, _ to: Int) -> String {
        let lo = max(0, min(from, bytes.count))
        let hi = max(lo, min(to, bytes.count))
        var out: [UInt8] = []
        out.reserveCapacity(hi - lo)
        var space = false
        for i in lo..<hi {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Codes one document: dictionary aliases and demonyms (longest match wins,
/// `not:` phrases suppress), surnames after a full mention, discovered names,
/// then relation evidence and quotes from the coded sentences.
struct DocumentScanner: Sendable {
    let aliases: AliasTable
    let cues: CompiledCues
    let options: ActorOptions
    let dictionaryKinds: [ActorKind]

    func scan(_ doc: Document, scratch: inout ScanScratch) -> DocumentActors {
        scratch.reset()
        var result = DocumentActors()
        // Work on local arrays (moved out of the scratch and back) so that no
        // two accesses to `scratch` overlap.
        var tokens = scratch.tokens
        var sentenceTokens = scratch.sentenceTokens
        var claimed = scratch.claimed
        scratch = ScanScratch()
        withBytes(of: doc.text) { bytes in
            for s in doc.sentences {
                let start = tokens.count
                if s.isBoilerplate && !options.includeBoilerplate {
                    sentenceTokens.append(start..<start)
                    continue
                }
                let lo = Int(s.span.start)
                ByteText.tokenize(bytes, lo..<max(lo, Int(s.span.end)), into: &tokens)
                sentenceTokens.append(start..<tokens.count)
            }
            claimed.append(contentsOf: repeatElement(false, count: tokens.count))
            tokens.withUnsafeBufferPointer { toks in
                let ctx = ScanContext(document: doc, bytes: bytes, tokens: toks, sentenceTokens: sentenceTokens)
                recognise(ctx, claimed: &claimed, into: &result)
                if options.discover {
                    var discovery = NameDiscovery(context: ctx)
                    discovery.run(claimed: claimed, into: &result)
                }
                result.mentions.sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
                EvidenceBuilder(context: ctx, cues: cues).build(into: &result)
                let discoveredKinds = result.discovered.map(\.kind)
                let kinds = dictionaryKinds
                QuoteFinder(context: ctx, kinds: { $0 >= 0 ? kinds[Int($0)] : discoveredKinds[Int(-$0 - 1)] })
                    .find(into: &result)
            }
        }
        scratch = ScanScratch(tokens: tokens, sentenceTokens: sentenceTokens, claimed: claimed)
        return result
    }

    /// A surname refers back only when it is not part of a longer name: no
    /// capitalised word right after it (after a space), and none right before
    /// it (after a space or an apostrophe: `Hunter Biden`, `O'Sullivan`) other
    /// than a title (`President Biden`) or a capitalised sentence opener (`But
    /// Moon`). Hyphens do not join here: `Biden-Moon summit` names both.
    static func standsAlone(_ ctx: ScanContext, _ i: Int, _ range: Range<Int>, claimed: [Bool]) -> Bool {
        let t = ctx.tokens[i]
        if i + 1 < range.upperBound {
            let n = ctx.tokens[i + 1]
            if n.isCapitalised, !claimed[i + 1], ctx.isWhitespaceGap(Int(t.end), Int(n.start)) { return false }
        }
        if i > range.lowerBound {
            let p = ctx.tokens[i - 1]
            let spaced = ctx.isWhitespaceGap(Int(p.end), Int(t.start))
            if p.isCapitalised, !claimed[i - 1], spaced || ctx.isApostropheGap(Int(p.end), Int(t.start)),
                !(spaced && WordLists.titles.contains(p.hash)),
                !(i - 1 == range.lowerBound && WordLists.common.contains(p.hash))
            {
                return false
            }
        }
        return true
    }
}

enum SurnameRule {
    /// A short all-capitals word is an acronym, not a surname (`UN` after `Kim Jong Un`).
    static func mayReferBack(_ t: WordToken) -> Bool { !(t.isAllUpper && t.length <= 4) }
}

/// Runs `body` over the UTF-8 bytes of `text` without copying when the string is native.
func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}
