import Testing

@testable import PolicyIndex

@Suite struct HTMLLoaderTests {
    let page = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <title>Talks Resume in Geneva | The Harbour Gazette</title>
        <meta property="og:site_name" content="The Harbour Gazette">
        <meta property="article:published_time" content="2020-11-12T09:30:00+09:00">
        <meta name="author" content="Mina Park">
        <meta property="article:tag" content="diplomacy"><meta property="article:tag" content="trade">
        <link rel="canonical" href="https://example.org/talks?a=1&amp;b=2">
        <style>p { color: red }</style>
        <script>var x = "<p>not text</p>";</script>
        </head><body>
        <header><a href="/">Home</a> <nav><ul><li>World</li><li>Asia</li></ul></nav></header>
        <article>
        <h1>Talks Resume&nbsp;in Geneva</h1>
        <p>Delegates met on Thursday &amp; Friday.<br>They spoke of &ldquo;progress&rdquo; &#8212; at last&#x2026;</p>
        <figure><img src="a.jpg" alt="x"><figcaption>The delegates at the table.</figcaption></figure>
        <blockquote><p>We are close, said one.</p></blockquote>
        <ul><li>first point<li>second point</ul>
        <div class="sharedaddy share-buttons"><span>Share this:</span><a>Twitter</a> <a>Facebook</a></div>
        <div id="comments" class="comments-area"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
        </article>
        <aside>Most read: something else</aside>
        <footer>© 2020 The Harbour Gazette</footer>
        </body></html>
        """

    @Test func metadata() throws {
        let d = try loadOne("p.html", page)
        #expect(d.format == .html)
        #expect(d.title == "Talks Resume in Geneva")
        #expect(d.source == "The Harbour Gazette")
        #expect(d.author == "Mina Park")
        #expect(d.url == "https://example.org/talks?a=1&b=2")
        #expect(d.date == DocumentDate(PartialDate(year: 2020, month: 11, day: 12), origin: .meta))
        #expect(d.tags == ["diplomacy", "trade"])
        #expect(d.extra["lang"] == "en")
    }

    @Test func textBlocksAndKinds() throws {
        let d = try loadOne("p.html", page)
        let content = d.paragraphs.filter { !$0.isBoilerplate }.map { String(d.text($0.span)) }
        #expect(content == [
            "Talks Resume in Geneva", "Delegates met on Thursday & Friday.", "They spoke of “progress” — at last…",
            "The delegates at the table.", "We are close, said one.", "first point", "second point",
        ])
        #expect(d.paragraph(containing: "Talks Resume")?.kind == .heading)
        #expect(d.paragraph(containing: "delegates at the table")?.kind == .caption)
        #expect(d.paragraph(containing: "We are close")?.kind == .quote)
        #expect(d.paragraph(containing: "first point")?.kind == .listItem)
        #expect(d.paragraph(containing: "Share this")?.boilerplate == .shareButtons)
        #expect(d.paragraph(containing: "Leave a Reply")?.boilerplate == .commentForm)
        #expect(d.paragraph(containing: "email address")?.boilerplate == .commentForm)
        for gone in ["color: red", "not text", "World", "Most read", "© 2020"] { #expect(!d.text.contains(gone)) }
    }

    @Test func titleFallsBackToTitleTagWithoutSiteName() throws {
        let d = try loadOne("t.html", "<title>Budget Vote Delayed – City Paper</title><p>Text.</p>")
        #expect(d.title == "Budget Vote Delayed")
    }

    @Test(arguments: [
        ("<meta name=\"date\" content=\"2019-07-01\">", "2019-07-01"),
        ("<meta name=\"pubdate\" content=\"20190701\">", "2019-07-01"),
        ("<time datetime=\"2019-07\">July</time>", "2019-07"),
        ("<span itemprop=\"datePublished\" content=\"2018-02-03\"></span>", "2018-02-03"),
        ("<script type=\"application/ld+json\">{\"datePublished\": \"2017-05-06T00:00:00Z\"}</script>", "2017-05-06"),
    ])
    func dateSources(_ markup: String, _ iso: String) throws {
        let d = try loadOne("d.html", "<html><head>\(markup)</head><body><p>Body text here.</p></body></html>")
        #expect(d.date?.date.iso == iso)
    }

    @Test func entities() throws {
        let d = try loadOne("e.html", "<p>&lt;b&gt; &amp &copy; &eacute;t&eacute; &#150; &#x1F600; &#0; &bogus; &#xD800; AT&T</p>")
        #expect(d.text == "<b> & © été – 😀 \u{FFFD} &bogus; \u{FFFD} AT&T")
    }

    @Test func unclosedTagsAndStrayBrackets() throws {
        let d = try loadOne("u.html", "<p>one <b>bold <i>both<p>two a < b and c > d <p class=\"x>three")
        // The quote left open closes at the next `>`, so the last words survive.
        #expect(d.paragraphTexts == ["one bold both", "two a < b and c > d", "three"])
    }

    @Test func unclosedCommentRunsToTheEndLikeABrowser() throws {
        let corpus = TempCorpus()
        corpus.write("c.html", "<p>kept</p><!-- never closed <p>hidden</p>")
        let d = try corpus.load().documents[0]
        #expect(d.text == "kept")
    }

    @Test func deepNestingDoesNotRecurse() throws {
        let depth = 10_000
        let html = String(repeating: "<div><span>", count: depth) + "deep text" + String(repeating: "</span></div>", count: depth)
        let d = try loadOne("deep.html", html)
        #expect(d.text == "deep text")
        let unclosed = String(repeating: "<div>", count: depth) + "still here"
        #expect(try loadOne("open.html", unclosed).text == "still here")
    }

    @Test func pageThatIsAllChromeFallsBackToWholeText() throws {
        let corpus = TempCorpus()
        corpus.write("nav.html", "<nav><p>Only navigation text here.</p>")
        let r = try corpus.load()
        #expect(r.documents[0].text == "Only navigation text here.")
        #expect(r.issues.first?.severity == .warning)
    }

    @Test func classHintsOnPageContainersAreIgnored() throws {
        let d = try loadOne("b.html", "<body class=\"single comments-open\"><article class=\"post has-comments\"><p>Real text.</p></article></body>")
        #expect(d.paragraphs.first?.boilerplate == nil)
    }
}
