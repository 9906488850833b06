/// Element and class names that decide how `HTMLExtractor` treats a tag.
enum HTMLVocabulary {
    /// Elements whose content is not markup and is read up to their end tag.
    static let rawText: Set<String> = ["script", "style", "title", "textarea", "xmp", "noembed", "noframes", "iframe", "noscript"]
    /// Elements without content.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen",
    ]
    /// Never text for a reader.
    static let alwaysDropped: Set<String> = [
        "template", "svg", "math", "canvas", "video", "audio", "object", "map", "select", "option", "datalist", "button",
    ]
    /// Page chrome around the article.
    static let chrome: Set<String> = ["nav", "header", "footer", "aside", "form", "dialog", "menu"]
    /// Elements that start and end a paragraph.
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
        "ul", "caption", "html", "legend",
    ]

    static func kind(of name: String) -> Paragraph.Kind? {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": return .heading
        case "blockquote": return .quote
        case "li", "dt", "dd": return .listItem
        case "figcaption", "caption": return .caption
        case "p", "div", "section", "article", "main", "td", "th", "pre": return .body
        default: return nil
        }
    }

    /// Words in class, id and role values that name page furniture.
    private static let classReasons: [String: BoilerplateReason] = {
        var t: [String: BoilerplateReason] = [:]
        for w in ["comment", "comments", "respond", "disqus", "reply", "replies", "commentlist", "discussion"] {
            t[w] = .commentForm
        }
        for w in ["related", "recommended", "recommendations", "popular", "trending", "recent", "more-stories", "readmore", "outbrain", "taboola"] {
            t[w] = .relatedLinks
        }
        for w in ["cookie", "cookies", "consent", "gdpr", "cookiebanner"] { t[w] = .cookieNotice }
        for w in ["share", "sharing", "social", "sharedaddy", "sharethis", "addthis", "sharebar"] { t[w] = .shareButtons }
        for w in ["newsletter", "subscribe", "subscription", "promo", "bio", "copyright", "disclaimer", "paywall"] {
            t[w] = .publisherBlurb
        }
        for w in [
            "breadcrumb", "breadcrumbs", "menu", "navbar", "nav", "navigation", "sidebar", "widget", "advert",
            "advertisement", "ad", "ads", "sponsor", "sponsored", "skip", "banner", "contentinfo", "complementary",
        ] { t[w] = .navigation }
        for w in ["masthead", "logo", "branding"] { t[w] = .masthead }
        return t
    }()

    /// Containers of the whole page or article: their classes describe the page
    /// (`comments-open`, `has-related`), not furniture inside it.
    private static let pageContainers: Set<String> = ["html", "body", "article", "main"]
    /// Class names that are categories or states, not regions (`category-social`, `has-comments`).
    private static let statePrefixes: Set<Substring> = ["category", "tag", "has", "is", "no", "post", "format", "type", "status", "single", "page", "with"]

    /// The reason named by a class (`comments-area`, `related_posts`, `share-bar`),
    /// id or role: a hint word must be the first or last word of one class name.
    static func reason(forClassesIn t: UnsafeBufferPointer<UInt8>, _ tag: HTMLTag) -> BoilerplateReason? {
        guard !pageContainers.contains(tag.name) else { return nil }
        for key in ["class", "id", "role"] {
            guard let r = tag.attribute(key), !r.isEmpty else { continue }
            for name in HTMLExtractor.lower(t, r).split(separator: " ") {
                let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
                guard let first = words.first, let last = words.last, !statePrefixes.contains(first) else { continue }
                if let reason = classReasons[String(first)] ?? classReasons[String(last)] { return reason }
            }
        }
        return nil
    }

    static func isCaptionClass(_ t: UnsafeBufferPointer<UInt8>, _ tag: HTMLTag) -> Bool {
        guard let r = tag.attribute("class") else { return false }
        return HTMLExtractor.lower(t, r).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains {
            $0 == "caption" || $0 == "credit"
        }
    }
}
