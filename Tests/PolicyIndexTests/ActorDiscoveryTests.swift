import Testing

@testable import PolicyIndex

@Suite struct ActorDiscoveryTests {
    typealias F = ActorFixtures

    private func discovered(_ a: ActorAnalysis) -> [Actor] { a.actors.filter(\.isDiscovered) }

    @Test func roleCueFindsAPerson() throws {
        let d = F.document("Chinese Foreign Minister Wang Yi arrived in Seoul.", "Wang later left.")
        let a = F.analyze([d])
        let found = discovered(a)
        #expect(found.map(\.name) == ["Wang Yi"])
        #expect(found.first?.kind == .person)
        #expect(found.first?.id == "discovered:wang-yi")
        #expect(a.coded([d]).map(\.1) == ["Chinese", "Wang Yi", "Seoul", "Wang"])
        let wang = a.mentions.filter { a.actor($0.actor).isDiscovered }
        try #require(wang.count == 2)
        #expect(wang.map(\.reason) == [.discovered(rule: "role-cue"), .surname(fullMention: wang[0].span)])
    }

    @Test func appositiveTitleFindsAPerson() {
        let d = F.document("The ambassador to Tokyo, Harriet Vance, declined to comment.")
        #expect(discovered(F.analyze([d])).map(\.name) == ["Harriet Vance"])
    }

    @Test func speechCueFindsAPersonAndOrganisationWordsAnOrganisation() {
        let d = F.document("Rosa Delgado said the plan was sound.", "The Pacific Maritime Agency said it would wait.")
        let found = discovered(F.analyze([d]))
        #expect(found.map(\.name) == ["Rosa Delgado", "Pacific Maritime Agency"])
        #expect(found.map(\.kind) == [.person, .organization])
    }

    @Test func sentenceOpenersAndCommonWordsAreNotActors() {
        let d = F.document(
            "Officials said the talks failed.", "However, the mood was calm.", "Tensions rose on Monday.",
            "Analysts said tensions would ease.", "On Tuesday, Seoul said little.")
        let a = F.analyze([d])
        #expect(discovered(a).isEmpty, "\(discovered(a).map(\.name))")
        #expect(a.candidates.isEmpty)
    }

    @Test func titleCaseHeadlinesAreNotMined() {
        let d = F.document("Leaders Agree New Steps After Long Night Of Talks")
        #expect(discovered(F.analyze([d])).isEmpty)
    }

    @Test func namesInBoilerplateAreIgnored() {
        let d = F.document([["Seoul answered."], ["Follow reporter Dana Whitfield said the footer."]], boilerplate: [1])
        let a = F.analyze([d])
        #expect(discovered(a).isEmpty)
        #expect(a.candidates.isEmpty)
    }

    @Test func treatiesAndSummitsAreNotPersons() {
        let d = F.document("The Mutual Defense Treaty was signed.", "The Foreign Minister spoke.")
        #expect(discovered(F.analyze([d])).isEmpty)
    }

    @Test func oneDiscoveredActorAcrossDocumentsAndSpellings() {
        let docs = [
            F.document("Defence Minister Lee Jong-sup visited.", id: 0),
            F.document("Lee Jong Sup said the drills would go on.", id: 1),
        ]
        let a = F.analyze(docs)
        #expect(discovered(a).count == 1)
        #expect(a.mentionsByActor[a.ref("discovered:lee-jong-sup")!.index].count == 2)
    }

    @Test func cueOnALoneSurnameDiscoversTheFullName() {
        let d = F.document("Harold Pinewood arrived in Seoul.", "Pinewood said the visit went well.", "Acme said nothing.")
        let a = F.analyze([d])
        let found = discovered(a)
        #expect(found.map(\.name) == ["Harold Pinewood", "Acme"])
        #expect(found.map(\.kind) == [.person, .organization])
        #expect(a.coded([d]).map(\.1) == ["Harold Pinewood", "Seoul", "Pinewood", "Acme"])
    }

    @Test func loneSurnameActorsJoinTheirFullNameAcrossDocuments() throws {
        let docs = [
            F.document("Foreign Secretary Harold Pinewood flew out.", id: 0),
            F.document("Pinewood said talks would go on.", id: 1),
        ]
        let a = F.analyze(docs)
        #expect(discovered(a).map(\.name) == ["Harold Pinewood"])
        let ref = try #require(a.ref("discovered:harold-pinewood"))
        #expect(a.mentionsByActor[ref.index].count == 2)
    }

    @Test func discoveryCanBeSwitchedOff() {
        var o = ActorOptions()
        o.discover = false
        let d = F.document("Foreign Minister Wang Yi arrived in Seoul.")
        #expect(F.analyze([d], options: o).ids([d]) == ["kr"])
    }

    @Test func recurringUnknownNamesBecomeCandidates() {
        let docs = (0..<3).map { i in
            F.document("The Baltic Grain Exchange reopened.", "Seoul watched the Baltic Grain Exchange.", id: i)
        } + [F.document("Mira Holt said it was fine.", id: 3)]
        let a = F.analyze(docs)
        let names = a.candidates.map(\.name)
        #expect(names == ["Baltic Grain Exchange"])
        let c = a.candidates[0]
        #expect(c.count == 6)
        #expect(c.documentCount == 3)
        #expect(c.example == SentenceID(document: DocumentID(0), index: 0))
        #expect(c.isDiscovered == false)
    }
}
