import Testing

@testable import PolicyIndex

@Suite struct ActorRecognitionTests {
    typealias F = ActorFixtures

    @Test func abbreviationsWithAndWithoutDots() {
        let d = F.document("The U.S. and the US met the ROK, while the DPRK watched.")
        let a = F.analyze([d])
        #expect(a.ids([d]) == ["us", "us", "kr", "kp"])
        #expect(a.coded([d])[0].1 == "U.S.")
    }

    @Test func lowerCaseWordsAreNotAcronyms() {
        let d = F.document("Let us hope the rok bird sings.", "Us and them.")
        #expect(F.analyze([d]).mentions.isEmpty)
    }

    @Test func capitalsStandForTheirState() {
        let d = F.document("Seoul and Pyongyang traded words while the Blue House stayed silent and Beijing waited.")
        #expect(F.analyze([d]).ids([d]) == ["kr", "kp", "kr", "cn"])
    }

    @Test func demonymThenPersonBothCount() {
        let d = F.document("South Korean President Moon Jae-in flew to Tokyo.")
        let a = F.analyze([d])
        #expect(a.ids([d]) == ["kr", "moon-jae-in", "jp"])
        #expect(a.mentions[0].reason == .demonym("South Korean"))
        #expect(a.mentions[1].reason == .alias("Moon Jae-in"))
    }

    @Test(arguments: ["Kim Jong-un", "Kim Jong Un", "Kim Jongun", "Kim Jong\u{2011}un"])
    func spellingVariantsOfOneName(_ written: String) {
        let d = F.document("\(written) inspected a factory.")
        let a = F.analyze([d])
        #expect(a.coded([d]).map(\.0) == ["kim-jong-un"])
        #expect(a.coded([d]).first?.1 == written)
    }

    @Test func britishAndAmericanSpellings() {
        let d = F.document("Talks on denuclearization stalled; denuclearisation remains the goal.")
        #expect(F.analyze([d]).ids([d]) == ["denuclearisation", "denuclearisation"])
    }

    @Test func surnameRefersToTheFullMentionInTheDocument() throws {
        let d = F.document(
            "Biden flew in overnight.", "Joe Biden arrived late.", "Later, Biden spoke.", "Hunter Biden did not.")
        let a = F.analyze([d])
        #expect(a.coded([d]).map(\.1) == ["Biden", "Joe Biden", "Biden"])
        #expect(a.ids([d]) == ["joe-biden", "joe-biden", "joe-biden"])
        for m in [a.mentions[0], a.mentions[2]] {
            guard case .surname(let full) = m.reason else {
                Issue.record("expected a surname link, got \(m.reason)")
                continue
            }
            #expect(d.text(full) == "Joe Biden")
        }
    }

    @Test func surnameWithoutFullMentionOnlyWhenUnambiguous() {
        let d = F.document("Xi arrived in Beijing.", "Kim waited.", "Moon Jae-in spoke.")
        let a = F.analyze([d])
        #expect(a.ids([d]) == ["xi-jinping", "cn", "moon-jae-in"])
        #expect(a.mentions.first?.reason == .uniqueSurname("Xi"))
    }

    @Test func uniqueSurnameNeedsTheAffiliationInTheDocument() {
        let d = F.document("Xi scored twice in the second half.")
        #expect(F.analyze([d]).mentions.isEmpty)
    }

    @Test func apostropheJoinsASurnameToItsName() {
        let d = F.document("Joe Biden spoke.", "Sonia O'Biden ran.")
        #expect(F.analyze([d]).coded([d]).map(\.1) == ["Joe Biden"])
    }

    @Test func latestFullMentionWinsForASharedSurname() {
        let d = F.document("Kim Jong-un spoke.", "Kim Yo-jong answered.", "Then Kim left.")
        let a = F.analyze([d])
        #expect(a.ids([d]) == ["kim-jong-un", "kim-yo-jong", "kim-yo-jong"])
    }

    @Test func overlappingAliasesOfOneActorJoin() {
        let d = F.document("President Moon Jae-in spoke, and President Moon left.")
        let a = F.analyze([d])
        #expect(a.coded([d]).map(\.1) == ["President Moon Jae-in", "President Moon"])
    }

    @Test func familyNameFirstForKoreanAndChineseNames() {
        let d = F.document("Moon Jae-in met Xi Jinping.", "Moon smiled and Xi nodded.")
        let a = F.analyze([d])
        #expect(a.ids([d]) == ["moon-jae-in", "xi-jinping", "moon-jae-in", "xi-jinping"])
    }

    @Test func caseMattersForMoon() {
        let d = F.document("Moon Jae-in looked up.", "The moon was full, and Moon said nothing.")
        let a = F.analyze([d])
        #expect(a.coded([d]).map(\.1) == ["Moon Jae-in", "Moon"])
    }

    @Test func possessivesKeepTheName() {
        let d = F.document("Seoul's plan and Tokyo\u{2019}s answer differ.")
        let a = F.analyze([d])
        #expect(a.coded([d]).map(\.1) == ["Seoul", "Tokyo"])
    }

    @Test func lineBreakInsideAName() {
        let d = F.document("The talks with Moon\nJae-in and North\nKorea went on.")
        #expect(F.analyze([d]).ids([d]) == ["moon-jae-in", "kp"])
    }

    @Test func paragraphBreakEndsAName() {
        let d = F.document([["Seoul thanked Moon"], ["Jae-in is a common given name."]])
        #expect(F.analyze([d]).coded([d]).map(\.1) == ["Seoul", "Moon"])
    }

    @Test func notPhrasesSuppressAMatch() {
        let d = F.document("The Tokyo Olympics opened; the Washington Post reported that Tokyo and Washington agreed.")
        #expect(F.analyze([d]).ids([d]) == ["jp", "us"])
    }

    @Test func longestMatchWins() {
        let d = F.document("North Korea warned South Korea and the Republic of Korea answered.")
        let a = F.analyze([d])
        #expect(a.ids([d]) == ["kp", "kr", "kr"])
        #expect(a.coded([d]).map(\.1) == ["North Korea", "South Korea", "Republic of Korea"])
    }

    @Test func boilerplateIsSkippedUnlessAsked() {
        let d = F.document([["Seoul spoke."], ["Share this story about Beijing on social media."]], boilerplate: [1])
        #expect(F.analyze([d]).ids([d]) == ["kr"])
        var o = ActorOptions()
        o.includeBoilerplate = true
        #expect(F.analyze([d], options: o).ids([d]) == ["kr", "cn"])
    }

    @Test func rolesFollowTheDocumentDate() {
        let dict = F.dictionary
        let biden = dict.entries.first { $0.id == "joe-biden" }!
        #expect(biden.role(at: PartialDate(year: 2015, month: 3))?.title == "Vice President")
        #expect(biden.role(at: PartialDate(year: 2022))?.title == "President")
        #expect(biden.role(at: PartialDate(year: 2018, month: 6, day: 1)) == nil)
        let early = F.document("Joe Biden spoke.", id: 0, date: PartialDate(year: 2016, month: 1, day: 5))
        let late = F.document("Joe Biden spoke.", id: 1, date: PartialDate(year: 2021, month: 2, day: 1))
        let a = F.analyze([early, late])
        let ref = a.ref("joe-biden")!
        #expect(a.role(of: ref, in: early.id)?.title == "Vice President")
        #expect(a.role(of: ref, in: late.id)?.title == "President")
    }

    @Test func mentionsAreSortedAndIndexedByActor() {
        let docs = (0..<300).map { i in
            F.document(i % 2 == 0 ? "Seoul and Beijing spoke." : "Beijing and Seoul spoke.", id: i)
        }
        let a = F.analyze(docs)
        #expect(a.mentions.count == 600)
        #expect(zip(a.mentions, a.mentions.dropFirst()).allSatisfy { ($0.sentence, $0.span) < ($1.sentence, $1.span) })
        #expect(a.mentionsByActor[a.ref("kr")!.index].count == 300)
        #expect(a.documentCount(of: a.ref("cn")!) == 300)
    }
}
