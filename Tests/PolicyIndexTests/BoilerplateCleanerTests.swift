import Testing

@testable import PolicyIndex

@Suite struct BoilerplateCleanerTests {
    func reasons(_ text: String) throws -> [String: BoilerplateReason?] {
        let d = try loadOne("page.txt", text)
        return Dictionary(d.paragraphs.map { (String(d.text($0.span)), $0.boilerplate) }, uniquingKeysWith: { a, _ in a })
    }

    let article = """
        Ministers Pledge New Funding for Coastal Defences

        Ministers from five countries agreed on Tuesday to fund new sea walls, officials said after a long meeting in the capital.

        The plan covers three years and will be reviewed each spring by a joint committee of engineers and budget officers.
        """

    @Test func commentFormIsMarked() throws {
        let r = try reasons(article + """


            Leave a Reply
            Enter your comment here...
            Fill in your details below or click an icon to log in:
            You are commenting using your WordPress.com account. ( Log Out / Change )
            Name *
            Email *
            Website
            Notify me of new comments via email.
            Post Comment
            """)
        for line in ["Leave a Reply", "Enter your comment here...", "Name *", "Email *", "Website", "Post Comment",
                     "Notify me of new comments via email."] {
            #expect(r[line] == .commentForm, "\(line)")
        }
        #expect(r.filter { $0.key.hasPrefix("Ministers from") }.values.first == .some(nil))
    }

    @Test func relatedPostsRunWithDatesIsMarked() throws {
        let r = try reasons(article + """


            Related Posts
            Harbour Authority Opens New Container Terminal
            March 3, 2020
            Fishing Quotas Cut After Stock Survey
            February 27, 2020
            Bridge Repairs Delayed Until Autumn
            February 20, 2020
            """)
        #expect(r["Related Posts"] == .relatedLinks)
        #expect(r["Fishing Quotas Cut After Stock Survey"] == .relatedLinks)
        #expect(r["February 20, 2020"] == .relatedLinks)
    }

    @Test func headerlessHeadlineRunWithDates() throws {
        let r = try reasons(article + """


            Harbour Authority Opens New Container Terminal
            March 3, 2020
            Fishing Quotas Cut After Stock Survey
            February 27, 2020
            """)
        #expect(r["Fishing Quotas Cut After Stock Survey"] == .relatedLinks)
    }

    @Test func cookieShareNavigationAndPublisherLines() throws {
        let r = try reasons(article + """


            Share this:
            Twitter
            Facebook
            Print
            Email
            Like this:
            Like Loading...
            We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.
            Accept
            Home | News | Opinion | Contact
            © 2020 Harbour Media Ltd. All rights reserved.
            Sign up for our newsletter to get the week's stories in your inbox.
            """)
        #expect(r["Share this:"] == .shareButtons)
        #expect(r["Twitter"] != nil)
        #expect(r["Like Loading..."] == .shareButtons)
        #expect(r["We use cookies to improve your experience. By continuing to browse you agree to our use of cookies."] == .cookieNotice)
        #expect(r["Accept"] == .cookieNotice)
        #expect(r["Home | News | Opinion | Contact"] == .navigation)
        #expect(r["© 2020 Harbour Media Ltd. All rights reserved."] == .publisherBlurb)
        #expect(r["Sign up for our newsletter to get the week's stories in your inbox."] == .publisherBlurb)
    }

    @Test func repeatedCaptionIsMarkedOnceAndFirstIsCaption() throws {
        let d = try loadOne("c.txt", article + """


            Engineers inspect the old sea wall near the port
            Engineers inspect the old sea wall near the port

            Work begins next month, the ministry said in a statement released late on Tuesday evening.
            """)
        let caps = d.paragraphs.filter { d.text($0.span) == "Engineers inspect the old sea wall near the port" }
        #expect(caps.count == 2)
        #expect(caps[0].kind == .caption)
        #expect(caps[0].boilerplate == nil)
        #expect(caps[1].boilerplate == .repeatedCaption)
    }

    /// Repeats are found by text equality as Strings see it: case folded, and
    /// canonically equivalent spellings (a decomposed accent, a Greek question mark
    /// for a semicolon) count as the same text, whichever comes first.
    @Test(arguments: [
        ("Crowds gather at the Café on the quay.", "CROWDS GATHER AT THE CAFE\u{301} ON THE QUAY."),
        ("Crowds gather at the harbour; boats wait.", "Crowds gather at the harbour\u{37E} boats wait."),
        ("Crowds gather at the harbour\u{37E} boats wait.", "crowds gather at the harbour; boats wait."),
        ("Crowds gather at the harbour — boats wait.", "Crowds Gather At The Harbour — Boats Wait."),
    ])
    func repeatsAreFoundAcrossSpellings(_ pair: (String, String)) throws {
        let d = try loadOne("r.txt", article + "\n\n\(pair.0)\n\n\(pair.1)\n\nWork begins next month, the ministry said in a statement.")
        let first = try #require(d.paragraphs.first { d.text($0.span) == pair.0 })
        let second = try #require(d.paragraphs.last { d.text($0.span) == pair.1 })
        #expect(first.kind == .caption)
        #expect(second.boilerplate == .repeatedCaption)
    }

    @Test func aboutTheAuthorBlurb() throws {
        let r = try reasons(article + "\n\nAbout the Author\n\nMina Park covers maritime affairs for the paper and previously reported from three ports.")
        #expect(r["About the Author"] == .publisherBlurb)
        #expect(r["Mina Park covers maritime affairs for the paper and previously reported from three ports."] == .publisherBlurb)
    }

    @Test func articleProseIsLeftAlone() throws {
        let d = try loadOne("clean.txt", article + "\n\nA chronology:\n- March 3, 2020: talks open\n- April 9, 2020: talks stall\n- May 1, 2020: deal")
        #expect(d.paragraphs.allSatisfy { !$0.isBoilerplate })
        #expect(d.sentences.allSatisfy { !$0.isBoilerplate })
    }

    @Test func articleAboutCookiesStays() throws {
        let d = try loadOne(
            "k.txt",
            "Regulators Tighten Online Rules\n\nRegulators said websites must ask before they set tracking cookies, a rule that privacy groups had demanded for years while publishers warned it would cut their advertising income sharply and hurt small newsrooms across the region.")
        #expect(d.paragraphs.allSatisfy { !$0.isBoilerplate })
    }
}
