import Foundation

/// `.html` / `.htm` pages: text from `HTMLExtractor`, metadata from `<title>`,
/// `<h1>`, `<meta>` tags (Open Graph, Dublin Core, `article:published_time`,
/// `date`, `pubdate`…), `<time datetime>` and JSON-LD `datePublished`.
enum HTMLReader {
    static let dateKeys = [
        "article:published_time", "og:published_time", "published_time", "datepublished", "date", "pubdate",
        "publishdate", "publish_date", "publication_date", "dc.date", "dc.date.issued", "dcterms.date",
        "dcterms.issued", "dcterms.created", "citation_publication_date", "citation_date", "sailthru.date",
        "parsely-pub-date", "article.published", "originalpublicationdate",
    ]

    static func read(_ t: UnsafeBufferPointer<UInt8>, into draft: inout ArticleDraft) {
        var body = BodyBuilder(capacity: t.count / 2)
        var page = HTMLExtractor.extract(t, into: &body)
        if body.isEmpty, page.droppedBytes > 0 {
            // Every word sat in a header, footer or an unclosed nav: better to show
            // the page with its chrome than nothing.
            body = BodyBuilder(capacity: t.count / 2)
            page = HTMLExtractor.extract(t, into: &body, dropChrome: false)
            if !body.isEmpty { draft.warnings.append("no article text outside page navigation; read the whole page") }
        }
        draft.body = body
        draft.title = page.first(["og:title", "twitter:title"]) ?? page.firstH1 ?? page.title.map(siteless)
        draft.source = page.first(["og:site_name", "application-name", "publisher", "dc.publisher", "citation_journal_title"])
            ?? page.title.flatMap(siteName)
        if let author = page.first(["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "citation_author", "byl"]),
            !author.hasPrefix("http")
        {
            draft.author = author.lowercased().hasPrefix("by ") ? String(author.dropFirst(3)) : author
        }
        draft.url = page.canonical ?? page.first(["og:url"])
        for candidate in [page.first(dateKeys), page.timeDatetime, page.ldDatePublished] {
            if let c = candidate, let d = DateField.parse(c) {
                draft.date = DocumentDate(d, origin: .meta)
                break
            }
        }
        var tags: [String] = page.meta["article:tag"] ?? []
        for key in ["keywords", "news_keywords"] {
            if let k = page.first([key]) { tags += k.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        }
        draft.tags = Array(tags.filter { !$0.isEmpty }.prefix(100))
        if let d = page.first(["og:description", "description"]) { draft.extra["description"] = d }
        if let lang = page.lang, !lang.isEmpty { draft.extra["lang"] = lang }
    }

    /// `Talks resume | The Daily Ledger` → `The Daily Ledger`: the last part of a
    /// `<title>` split at a site separator, when it is short enough to be a name.
    static func siteName(_ title: String) -> String? {
        for sep in [" | ", " – ", " — ", " :: ", " · "] where title.contains(sep) {
            let parts = title.components(separatedBy: sep)
            guard let last = parts.last?.trimmingCharacters(in: .whitespaces), parts.count >= 2, !last.isEmpty,
                last.split(separator: " ").count <= 5, last.count * 2 < title.count
            else { return nil }
            return last
        }
        return nil
    }

    /// `Talks resume | The Daily Ledger` → `Talks resume`: the longest part of a
    /// `<title>` split at the separators sites put before or after their name.
    static func siteless(_ title: String) -> String {
        for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] where title.contains(sep) {
            let parts = title.components(separatedBy: sep)
            return parts.max { $0.count < $1.count } ?? title
        }
        return title
    }
}
