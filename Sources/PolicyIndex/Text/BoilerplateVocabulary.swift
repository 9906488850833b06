/// Generic interface vocabulary of web pages: the labels of comment forms,
/// consent banners, share buttons and menus that publishing systems print
/// around an article. Kept apart from the rules that use them.
enum BoilerplateVocabulary {
    /// Labels and sentences of comment forms (any of these marks a paragraph).
    static let commentFormPhrases: PhraseSet = [
        "leave a reply", "leave a comment", "post a comment", "add a comment", "cancel reply", "post comment",
        "submit comment", "you are commenting using", "your email address will not be published",
        "your email will not be published", "required fields are marked", "notify me of follow-up",
        "notify me of new", "save my name, email", "fill in your details below", "log in to comment",
        "sign in to comment", "join the discussion", "join the conversation", "comments are closed",
        "comment policy", "be the first to comment", "you must be logged in", "logged in as",
    ]
    /// Words that name a comment section in its short opening line.
    static let commentWords: Set<Substring> = ["reply", "replies", "comment", "comments", "responses"]
    /// First words of an opening line longer than three words (`Leave a Reply`, `3 Comments`…).
    static let commentOpeners: Set<Substring> = ["leave", "post", "add", "join", "view", "show", "load", "read", "write"]

    /// A cookie notice speaks of the site itself, not of cookies in general.
    static let cookieOwners: PhraseSet = [
        "we use", "this site", "this website", "our site", "our website", "cookie policy", "cookie settings",
        "cookie preferences", "use of cookies", "accept all", "uses cookies", "we and our partners",
    ]
    static let consentWords: Set<Substring> = [
        "accept", "consent", "agree", "privacy", "continue", "continuing", "browsing", "settings", "preferences",
        "personalise", "personalize",
    ]
    static let cookieButtons: Set<Substring> = [
        "accept", "all", "reject", "ok", "okay", "got", "it", "agree", "i", "manage", "settings", "preferences",
        "close", "decline", "learn", "more", "allow", "cookies", "deny", "customize", "customise",
    ]

    /// At least one of these makes a line of button labels a share bar.
    static let shareStrong: Set<Substring> = [
        "share", "shares", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest",
        "telegram", "tumblr", "print", "email", "mail", "loading", "flipboard", "kakaotalk", "like",
    ]
    static let shareWords: Set<Substring> = shareStrong.union([
        "e", "x", "copy", "link", "url", "save", "like", "this", "click", "to", "on", "opens", "in", "new",
        "window", "more", "messenger", "sms", "wechat", "weibo", "line", "kakao", "naver", "google", "bookmark",
        "pocket", "via", "article", "story", "page", "the", "it", "follow", "us", "0", "1", "2", "3",
    ])

    /// Whole-line labels of navigation and advertising slots.
    static let interfaceWords: Set<Substring> = [
        "skip", "to", "content", "main", "menu", "search", "sign", "in", "up", "log", "login", "register",
        "home", "toggle", "navigation", "close", "back", "top", "next", "previous", "prev", "post", "newsletter",
        "account", "my", "show", "hide", "sidebar", "go", "advertisement", "advertising", "sponsored", "ad",
        "story", "continues", "below", "continue", "reading", "scroll", "subscribe", "subscribers", "only",
        "navigate", "open",
    ]

    /// Openings of a related-articles list.
    static let relatedHeaders: PhraseSet = [
        "related", "recent posts", "recent articles", "recent stories", "popular", "trending", "latest news",
        "latest stories", "latest posts", "more from", "more stories", "more news", "read more", "read next",
        "read also", "also read", "you may also like", "you might also like", "you may have missed",
        "more on this", "most read", "most viewed", "editor's picks", "editors' picks", "recommended",
        "top stories", "what to read next", "further reading", "in case you missed", "don't miss",
    ]

    /// A publisher's fine print and self-description.
    static let publisherPhrases: PhraseSet = [
        "all rights reserved", "©", "(c) 19", "(c) 20", "this article was originally published",
        "this article first appeared", "originally appeared", "republished with permission",
        "republished from", "the views expressed", "views expressed in this", "unauthorized reproduction",
        "reproduction prohibited", "redistribution prohibited",
    ]
    /// Footer link labels: only a short line made of them is fine print.
    static let footerLinks: PhraseSet = [
        "follow us on", "support our journalism", "support independent journalism", "become a member",
        "advertise with us", "contact us", "terms of use", "terms of service", "privacy policy", "about us",
    ]

    /// Lines above a clipping's headline that name the publication, not the article.
    static let mastheadOpenings = [
        "published daily", "published weekly", "published monthly", "published by", "printed and published",
        "established in", "est. 1", "est. 2", "founded in 1", "founded in 2", "since 1", "the newspaper of",
        "the voice of", "an independent", "your source for", "news from",
    ]

    /// Openings of byline and posting lines.
    static let postingLines = ["posted on ", "posted by ", "published on ", "published ", "updated ", "last updated", "by "]
    /// Openings of a post's category and tag lines.
    static let taxonomyLines = ["tags:", "tagged:", "tagged with", "categories:", "category:", "filed under", "posted in"]

    /// An image caption or photo credit.
    static func looksLikeCaption(_ f: ParagraphFeatures) -> Bool {
        guard f.isShort, f.words <= 60 else { return false }
        return f.starts(with: ["photo:", "photo by", "photograph:", "image:", "picture:", "file photo", "(photo", "caption:"])
            || f.hasAny(captionCredits)
    }
    static let captionCredits: PhraseSet = [
        "getty images", "ap photo", "(photo:", "photo credit", "/ yonhap", "(yonhap)", "/reuters", "(reuters photo",
    ]
}
