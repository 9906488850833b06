/// `.md` / `.markdown` articles: YAML front matter (title, date, source,
/// author, url, tags; other keys kept in `extra`), then the body without its
/// Markdown syntax. The title is the front matter's, else the first `#` heading.
enum MarkdownReader {
    static func read(_ t: UnsafeBufferPointer<UInt8>, into draft: inout ArticleDraft) {
        let (yaml, bodyStart, splitWarning) = FrontMatter.split(t)
        if let w = splitWarning { draft.warnings.append(w) }
        if let yaml {
            let fm = FrontMatter.parse(UnsafeBufferPointer(rebasing: t[yaml]))
            if let w = fm.warning { draft.warnings.append(w) }
            apply(fm, to: &draft)
        }
        let heading = MarkdownLayout.layout(t, from: bodyStart, into: &draft.body)
        if draft.title == nil { draft.title = heading }
    }

    static func apply(_ fm: FrontMatter, to draft: inout ArticleDraft) {
        var fields = fm.fields
        func take(_ keys: String...) -> String? {
            for k in keys { if let v = fields.removeValue(forKey: k), !v.isEmpty { return v } }
            return nil
        }
        draft.title = take("title", "headline") ?? draft.title
        draft.source = take("source", "publisher", "publication", "site", "site_name") ?? draft.source
        draft.author = take("author", "authors", "byline", "by") ?? draft.author
        draft.url = take("url", "link", "canonical", "canonical_url", "permalink") ?? draft.url
        if let d = fm.date {
            draft.date = DocumentDate(d, origin: .frontMatter)
        } else if fields["date"] != nil {
            draft.warnings.append("front matter date \"\(fields["date"]!)\" not understood")
        }
        draft.tags += fm.tags
        for (k, v) in fields { draft.extra[k] = v }
    }
}
