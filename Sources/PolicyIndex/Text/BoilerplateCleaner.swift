/// Finds the page furniture that web clippings carry along with the article.
///
/// The cleaner does not delete anything: it gives each paragraph that is not
/// part of the article a `BoilerplateReason`, and the reader shows it dimmed
/// while search ranking, actors, relations and the timeline skip it.
///
/// The rules look at the shape of paragraphs and their neighbours rather than at
/// the wording of one site; the few vocabularies below are the generic labels
/// of web forms and buttons that every publishing system uses. Each rule is
/// described in docs/data-formats.md ("Boilerplate").
enum BoilerplateCleaner {
    /// Reasons per paragraph (a reader's preset reason is kept), and kinds
    /// refined where the cleaner recognised an image caption.
    static func classify(_ text: UnsafeBufferPointer<UInt8>, _ blocks: inout [BodyBuilder.Block]) -> [BoilerplateReason?] {
        let features = blocks.map { ParagraphFeatures(UnsafeBufferPointer(rebasing: text[$0.range]), kind: $0.kind) }
        var reasons = blocks.map(\.preset)
        for (i, f) in features.enumerated() where reasons[i] == nil {
            reasons[i] = singleParagraphReason(f)
            if reasons[i] == nil, f.kind == .body, BoilerplateVocabulary.looksLikeCaption(f) { blocks[i].kind = .caption }
        }
        markCookieButtons(features, &reasons)
        markRelatedRuns(features, &reasons)
        markCommentSection(features, &reasons)
        markAboutSections(features, &reasons)
        markMenuRuns(features, &reasons)
        markRepeats(text, blocks: &blocks, features, &reasons)
        return reasons
    }

    /// Rules that need only the paragraph itself.
    static func singleParagraphReason(_ f: ParagraphFeatures) -> BoilerplateReason? {
        guard f.isShort else { return nil }
        let v = BoilerplateVocabulary.self
        // Furniture is short: article prose longer than this skips the phrase searches.
        guard f.words <= 80 else { return nil }
        if f.words <= 40, f.hasAny(v.commentFormPhrases) { return .commentForm }
        if f.words <= 15, f.tokens.contains(where: { v.shareStrong.contains($0) }), f.share(in: v.shareWords) >= 0.6 {
            return .shareButtons
        }
        // A line of short items between separators is a menu or a breadcrumb trail.
        if f.words <= 40, f.separators >= 2, Double(f.words) / Double(f.separators + 1) <= 3.5 { return .navigation }
        if f.words <= 60, f.hasAny(v.publisherPhrases) || (f.has("copyright") && f.tokens.contains { $0.count == 4 && Int($0) != nil }) {
            return .publisherBlurb
        }
        if f.has("cookie"), f.words <= 80, f.hasAny(v.cookieOwners), f.tokens.contains(where: { v.consentWords.contains($0) }) {
            return .cookieNotice
        }
        if f.words <= 12, f.hasAny(v.footerLinks) { return .publisherBlurb }
        if f.words <= 40, f.has("newsletter") || f.starts(with: ["subscribe to", "sign up for", "sign up to"]) {
            return .publisherBlurb
        }
        if f.words <= 20, f.starts(with: v.mastheadOpenings) { return .masthead }
        // "Posted on March 3, 2020 by the editors", "By Jane Roe · April 27, 2023".
        if f.words <= 16, f.starts(with: v.postingLines), f.isDateLine || f.words <= 8 || DateField.parse(f.lower) != nil {
            return .masthead
        }
        if f.words <= 30, f.starts(with: v.taxonomyLines) { return .navigation }
        if f.words <= 5, !f.tokens.isEmpty, f.tokens.allSatisfy({ v.interfaceWords.contains($0) }) { return .navigation }
        return nil
    }

    /// "Accept" / "Reject all" / "Manage settings" right after a cookie notice.
    static func markCookieButtons(_ f: [ParagraphFeatures], _ reasons: inout [BoilerplateReason?]) {
        for i in f.indices where reasons[i] == .cookieNotice {
            var j = i + 1
            while j < f.count, reasons[j] == nil || reasons[j] == .masthead, f[j].words <= 4, f[j].isShort,
                f[j].tokens.allSatisfy({ BoilerplateVocabulary.cookieButtons.contains($0) })
            {
                reasons[j] = .cookieNotice
                j += 1
            }
        }
    }

    /// "Related Posts" and the like: a short header followed by headline-like
    /// lines; or, without a header, a run of at least four headline and date lines
    /// with at least two bare dates, as lists of other articles look.
    static func markRelatedRuns(_ f: [ParagraphFeatures], _ reasons: inout [BoilerplateReason?]) {
        func isItem(_ p: ParagraphFeatures) -> Bool {
            p.isHeadlineLike || p.isDateLine || (p.isShort && p.words <= 4 && !p.endsWithStop)
        }
        var i = 0
        while i < f.count {
            if reasons[i] == nil, f[i].words <= 6, f[i].isShort, !f[i].endsWithStop,
                f[i].hasAny(BoilerplateVocabulary.relatedHeaders)
            {
                var j = i + 1
                while j < f.count, reasons[j] == nil || reasons[j] == .relatedLinks, isItem(f[j]) { j += 1 }
                if j - i >= 3 {
                    for k in i..<j { reasons[k] = .relatedLinks }
                    i = j
                    continue
                }
            }
            i += 1
        }
        i = 0
        while i < f.count {
            var j = i
            var dates = 0
            var headlines = 0
            while j < f.count, reasons[j] == nil, f[j].kind != .listItem, f[j].isHeadlineLike || f[j].isDateLine {
                if f[j].isDateLine, f[j].words <= 8 { dates += 1 } else { headlines += 1 }
                j += 1
            }
            if j - i >= 4, dates >= 2, headlines >= 2 {
                for k in i..<j { reasons[k] = .relatedLinks }
            }
            i = max(j, i + 1)
        }
    }

    /// A comment section opens with a short "Leave a Reply" / "3 Comments" line or
    /// a form label, and runs on through form labels, commenters' names and dates
    /// and the comments under them, until article-like prose returns.
    static func markCommentSection(_ f: [ParagraphFeatures], _ reasons: inout [BoilerplateReason?]) {
        let v = BoilerplateVocabulary.self
        var i = 0
        while i < f.count {
            let opens =
                reasons[i] == .commentForm
                || (reasons[i] == nil && f[i].isShort && f[i].words <= 6 && !f[i].endsWithStop
                    && f[i].tokens.contains { v.commentWords.contains($0) }
                    && (f[i].words <= 3 || f[i].tokens.first.map { v.commentOpeners.contains($0) || Int($0) != nil } == true))
            guard opens else {
                i += 1
                continue
            }
            reasons[i] = .commentForm
            var j = i + 1
            var afterCommenter = false
            while j < f.count {
                // A lone "Email" or "Website" label is a form field here, not a share button.
                if reasons[j] == .shareButtons || reasons[j] == .navigation, f[j].words <= 3 { reasons[j] = nil }
                if reasons[j] != nil && reasons[j] != .commentForm {
                    j += 1
                    continue
                }
                let p = f[j]
                let commenter = p.isShort && p.words <= 16 && (p.has(" says:") || p.has(" said:") || p.has(" wrote:"))
                let formLike = p.isShort && (p.words <= 12 || p.hasAny(v.commentFormPhrases))
                guard formLike || commenter || afterCommenter || p.isDateLine else { break }
                reasons[j] = .commentForm
                afterCommenter = commenter || (afterCommenter && p.words <= 12)
                j += 1
            }
            i = j
        }
    }

    /// "About the author" / "About us" headers and the short blurb below them.
    static func markAboutSections(_ f: [ParagraphFeatures], _ reasons: inout [BoilerplateReason?]) {
        for i in f.indices where reasons[i] == nil && f[i].isShort && f[i].words <= 5 && f[i].lower.hasPrefix("about ") {
            guard !f[i].endsWithStop, i + 1 < f.count, reasons[i + 1] == nil, f[i + 1].words <= 120 else { continue }
            reasons[i] = .publisherBlurb
            reasons[i + 1] = .publisherBlurb
        }
    }

    /// Four or more consecutive one-to-three-word lines outside a list are a menu.
    static func markMenuRuns(_ f: [ParagraphFeatures], _ reasons: inout [BoilerplateReason?]) {
        var i = 0
        while i < f.count {
            var j = i
            while j < f.count, reasons[j] == nil, f[j].kind != .listItem, f[j].words >= 1, f[j].words <= 3,
                !f[j].endsWithPunctuation
            {
                j += 1
            }
            if j - i >= 4 { for k in i..<j { reasons[k] = .navigation } }
            i = max(j, i + 1)
        }
    }

    /// A paragraph of three or more words that repeats an earlier one (an image's
    /// alt text and its caption, a pull quote) is marked; when the two stand close
    /// together the first is taken to be a caption.
    static func markRepeats(
        _ text: UnsafeBufferPointer<UInt8>, blocks: inout [BodyBuilder.Block], _ f: [ParagraphFeatures],
        _ reasons: inout [BoilerplateReason?]
    ) {
        func eligible(_ i: Int) -> Bool { f[i].isShort && f[i].words >= 3 && f[i].words <= 80 }
        // Texts are equal as Strings are (canonical equivalence). While every text so far was
        // folded on bytes (already in normal form) their bytes decide, which spares hashing
        // through Unicode normalisation; the first other text switches to String keys.
        var seenBytes: [BytewiseText: Int] = [:]
        var seen: [String: Int]?
        for i in f.indices where eligible(i) {
            if seen == nil, !f[i].foldedOnBytes {
                var all: [String: Int] = [:]
                for j in 0..<i where eligible(j) && all[f[j].lower] == nil { all[f[j].lower] = j }
                seen = all
            }
            let first: Int?
            if seen != nil {
                first = seen![f[i].lower]
                if first == nil { seen![f[i].lower] = i }
            } else {
                first = seenBytes[BytewiseText(f[i].lower)]
                if first == nil { seenBytes[BytewiseText(f[i].lower)] = i }
            }
            if let first {
                if reasons[i] == nil { reasons[i] = .repeatedCaption }
                if i - first <= 3, f[first].words <= 50, blocks[first].kind == .body { blocks[first].kind = .caption }
            }
        }
    }
}

/// A text compared and hashed by its UTF-8 bytes alone.
struct BytewiseText: Hashable {
    var text: String
    init(_ text: String) { self.text = text }
    static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
        var t = text
        hasher.combine(t.withUTF8 { Self.mix($0) })
    }

    /// The bytes folded into one word, eight at a time, so `Hasher` runs once
    /// over the word rather than over every byte: a paragraph's bytes through
    /// SipHash were 1 % of a build's instructions. Texts that collide here only
    /// share a bucket; equality still compares their bytes.
    static func mix(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        let raw = UnsafeRawBufferPointer(b)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < b.count {
            tail |= UInt64(b[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}
