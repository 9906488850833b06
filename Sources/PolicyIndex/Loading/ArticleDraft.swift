import Foundation

/// What a format reader learnt about one article, before the shared steps
/// (boilerplate, sentences, title fallback) turn it into a `Document`.
struct ArticleDraft {
    var path: String
    var line: Int?
    var format: Document.Format
    var title: String?
    var source: String?
    var author: String?
    var url: String?
    var date: DocumentDate?
    var tags: [String] = []
    var extra: [String: String] = [:]
    var body: BodyBuilder
    var byteCount: Int
    /// Caveats worth one line on stderr (joined into one `LoadIssue` per file).
    var warnings: [String] = []

    init(path: String, line: Int? = nil, format: Document.Format, byteCount: Int, capacity: Int = 0) {
        self.path = path
        self.line = line
        self.format = format
        self.byteCount = byteCount
        body = BodyBuilder(capacity: capacity)
    }

    /// The shared steps. The document gets a placeholder id; `CorpusLoader`
    /// numbers documents once their order is known.
    consuming func assemble(cleaning: Bool) -> Document {
        var (text, blocks) = body.finish()
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        paragraphs.reserveCapacity(blocks.count)
        text.withUTF8 { t in
            let reasons = cleaning ? BoilerplateCleaner.classify(t, &blocks) : blocks.map(\.preset)
            var ranges: [Range<Int>] = []
            for (p, block) in blocks.enumerated() {
                ranges.removeAll(keepingCapacity: true)
                if block.kind == .heading, block.range.count <= SentenceSplitter.maxSentenceBytes {
                    ranges.append(block.range)
                } else {
                    SentenceSplitter.split(t, block.range, into: &ranges)
                }
                let first = sentences.count
                for r in ranges {
                    sentences.append(
                        Sentence(
                            id: SentenceID(document: DocumentID(0), index: sentences.count), span: TextSpan(r.lowerBound, r.upperBound),
                            paragraph: p, isBoilerplate: reasons[p] != nil,
                            wordCount: WordCounter.count(UnsafeBufferPointer(rebasing: t[r]))))
                }
                paragraphs.append(
                    Paragraph(
                        span: TextSpan(block.range.lowerBound, block.range.upperBound), kind: block.kind, boilerplate: reasons[p],
                        sentences: first..<sentences.count))
            }
        }
        let resolvedTitle = TitleText.clean(title ?? "") ?? fallbackTitle(text, paragraphs) ?? TitleText.fromPath(path, line: line)
        return Document(
            id: DocumentID(0), path: path, line: line, format: format, title: resolvedTitle,
            source: source.flatMap(TitleText.clean), author: author.flatMap(TitleText.clean), url: url.flatMap(TitleText.clean),
            date: date, tags: tags, extra: extra, text: text, paragraphs: paragraphs, sentences: sentences,
            byteCount: byteCount)
    }

    /// The first heading that is not furniture, else the first content sentence.
    private func fallbackTitle(_ text: String, _ paragraphs: [Paragraph]) -> String? {
        let content = paragraphs.filter { !$0.isBoilerplate }
        let pick = content.first { $0.kind == .heading } ?? content.first
        guard let p = pick else { return nil }
        let u = text.utf8
        let lo = u.index(u.startIndex, offsetBy: Int(p.span.start))
        let hi = u.index(lo, offsetBy: min(p.span.length, 600))
        return TitleText.clean(String(Substring(text[lo..<hi])), limit: 120)
    }
}

/// Titles and short metadata values as polex shows them: one line, no
/// control characters, of a bounded length.
enum TitleText {
    static func clean(_ raw: String) -> String? { clean(raw, limit: 200) }

    static func clean(_ raw: String, limit: Int) -> String? {
        // Built as bytes with a running count of scalars: appending to a String's
        // scalar view and counting it after each append made long values quadratic.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var scalars = 0
        var space = false
        for ch in raw.unicodeScalars {
            let v = ch.value
            let blank = v < 0x80 ? v <= 0x20 || v == 0x7F : (v < 0xA0 || ch.properties.isWhitespace)
            if blank {
                space = !bytes.isEmpty
                continue
            }
            if space {
                bytes.append(0x20)
                scalars += 1
            }
            space = false
            UTF8.encode(ch) { bytes.append($0) }
            scalars += 1
            if scalars > limit + 40 { break }
        }
        guard !bytes.isEmpty else { return nil }
        let out = String(decoding: bytes, as: UTF8.self)
        // No more bytes than `limit` means no more Characters either.
        if bytes.count > limit, out.count > limit {
            var cut = String(out.prefix(limit))
            if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
                cut = String(cut[..<space])
            }
            return cut + "…"
        }
        return out
    }

    /// `notes/seoul-summit_2020.txt` → `seoul summit 2020`.
    static func fromPath(_ path: String, line: Int?) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        let words = stem.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        let base = clean(words) ?? name
        return line.map { "\(base) (line \($0))" } ?? base
    }
}
