/// `.txt` articles (and JSON Lines bodies): headline and header lines from
/// `PlainTextHeader`, paragraphs from `PlainTextLayout`.
enum PlainTextReader {
    static func read(_ text: UnsafeBufferPointer<UInt8>, into draft: inout ArticleDraft, header wantsHeader: Bool = true) {
        let lines = PlainTextLayout.lines(text)
        var fixed: [Int: PlainTextLayout.Fixed] = [:]
        if wantsHeader {
            let header = PlainTextHeader.scan(text, lines: lines)
            draft.title = draft.title ?? header.title
            draft.author = draft.author ?? header.author
            draft.source = draft.source ?? header.source
            draft.url = draft.url ?? header.url
            draft.date = draft.date ?? header.date
            fixed = header.fixed
        }
        PlainTextLayout.layout(text, lines: lines, fixed: fixed, into: &draft.body)
    }
}
