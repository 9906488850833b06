import Testing

@testable import PolicyIndex

@Suite struct ActorRelationTests {
    typealias F = ActorFixtures

    private func relation(_ a: ActorAnalysis, _ x: String, _ y: String) -> Relation? {
        guard let rx = a.ref(x), let ry = a.ref(y) else { return nil }
        return a.relations.first { $0.involves(rx) && $0.involves(ry) }
    }

    private func only(_ sentence: String) throws -> Evidence {
        let a = F.analyze([F.document(sentence)])
        let r = try #require(a.relations.first)
        #expect(a.relations.count == 1)
        return try #require(r.evidence.first)
    }

    @Test func coMentionInOneSentenceIsEvidence() throws {
        let d = F.document("Seoul and Tokyo held talks.", "Beijing stayed away.")
        let a = F.analyze([d])
        #expect(a.relations.count == 1)
        let r = try #require(relation(a, "kr", "jp"))
        #expect(r.evidence.map(\.sentence) == [SentenceID(document: d.id, index: 0)])
        #expect(r.a < r.b)
    }

    @Test(arguments: [
        ("Seoul and Tokyo signed an agreement.", RelationClass.materialCooperation, String?("agreement")),
        ("Seoul praised Tokyo.", .verbalCooperation, "praise"),
        ("Pyongyang warned Seoul.", .verbalConflict, "warned"),
        ("Washington imposed sanctions on Pyongyang.", .materialConflict, "sanctions"),
        ("Seoul and Beijing shook hands.", .neutral, nil),
    ])
    func cueWordsClassTheEvidence(_ sentence: String, _ cls: RelationClass, _ cue: String?) throws {
        let e = try only(sentence)
        #expect(e.relationClass == cls)
        #expect(e.cue == cue)
        #expect(e.negated == false && e.hedged == false)
        let weight = RelationCues.standard.weight(of: cls)
        #expect(e.tone == weight)
    }

    @Test func negatedConflictIsNotCooperation() throws {
        let e = try only("Seoul did not criticise Beijing.")
        #expect(e.cue == "criticised")
        #expect(e.negated)
        #expect(e.qualifier == "not")
        #expect(e.relationClass == .neutral)
        #expect(e.tone == 0)
    }

    @Test func contractedNegationCounts() throws {
        let e = try only("Tokyo didn\u{2019}t sign the agreement with Seoul.")
        #expect(e.negated)
        #expect(e.relationClass == .neutral)
    }

    @Test func refusedCooperationIsVerbalConflict() throws {
        let e = try only("Pyongyang refused to hold talks with Washington.")
        #expect(e.negated)
        #expect(e.relationClass == .verbalConflict)
        #expect(e.tone < 0)
        #expect(e.cue == "talks")
    }

    @Test func refusedConflictIsNeutral() throws {
        let e = try only("Beijing declined to condemn Pyongyang.")
        #expect(e.negated)
        #expect(e.relationClass == .neutral)
        #expect(e.tone == 0)
    }

    @Test func hedgedCueKeepsItsSignAtHalfWeight() throws {
        let conflict = try only("Washington may impose sanctions on Beijing.")
        #expect(conflict.hedged)
        #expect(conflict.relationClass == .materialConflict)
        #expect(conflict.tone == RelationCues.standard.weight(of: .materialConflict) / 2)
        let coop = try only("Tokyo is reluctant to join the joint exercise with Seoul.")
        #expect(coop.hedged)
        #expect(coop.tone > 0)
    }

    @Test func nearestCueDecidesForEachPair() throws {
        let d = F.document("Seoul praised Tokyo, while Pyongyang slammed Washington.")
        let a = F.analyze([d])
        #expect(try #require(relation(a, "kr", "jp")).evidence.first?.cue == "praise")
        #expect(try #require(relation(a, "kp", "us")).evidence.first?.cue == "slammed")
    }

    @Test func relationRecordSumsEvidence() throws {
        let docs = [
            F.document("Seoul praised Tokyo.", "Seoul and Tokyo signed an agreement.", id: 0, date: PartialDate(year: 2019, month: 3)),
            F.document("Tokyo warned Seoul.", id: 1, date: PartialDate(year: 2018)),
            F.document("Seoul met Beijing.", id: 2, date: PartialDate(year: 2020, month: 1, day: 2)),
        ]
        let a = F.analyze(docs)
        let r = try #require(relation(a, "kr", "jp"))
        #expect(r.evidence.count == 3)
        #expect(r.documentCount == 2)
        #expect(r.classCounts == [.verbalCooperation: 1, .materialCooperation: 1, .verbalConflict: 1])
        #expect(abs(r.tone - (3.5 + 7.0 - 4.0) / 3) < 1e-9)
        #expect(r.firstDate == PartialDate(year: 2018))
        #expect(r.lastDate == PartialDate(year: 2019, month: 3))
        // Strongest first.
        #expect(a.relations.first == r)
        #expect(a.relations.map(\.evidence.count) == a.relations.map(\.evidence.count).sorted(by: >))
    }

    @Test func rollUpCountsPersonsAsTheirStates() throws {
        let d = F.document(
            "Joe Biden called Xi Jinping.", "Biden and the US praised Beijing.", "Joe Biden spoke in the US.")
        let a = F.analyze([d])
        #expect(relation(a, "joe-biden", "xi-jinping") != nil)
        let up = a.rolledUp()
        #expect(up.isRolledUp)
        #expect(up.actors.count == a.actors.count)
        let us = try #require(up.ref("us"))
        let cn = try #require(up.ref("cn"))
        #expect(up.mentionsByActor[try #require(up.ref("joe-biden")).index].isEmpty)
        #expect(up.mentionsByActor[us.index].count == 5)
        // Sentence 0 (Biden–Xi) and sentence 1 (Biden–Beijing, US–Beijing folded into one).
        let r = try #require(up.relations.first { $0.involves(us) && $0.involves(cn) })
        #expect(r.evidence.map(\.sentence.index) == [0, 1])
        #expect(up.relations.count == 1)
        #expect(up.rollUpTarget(try #require(a.ref("xi-jinping"))) == cn)
    }

    @Test func relationsYAMLIsReadAndCheckedWithLines() {
        let yaml = """
            classes:
              verbal-cooperation: {weight: 2, cues: [applauded]}
              material-conflict: {weight: -9.5, cues: [blockade]}
              friendship: {weight: 1, cues: [hug]}
              verbal-conflict: {weight: 40, cues: [scolded]}
            negations: [not]
            hedges: [perhaps]
            """
        let (cues, issues) = RelationCues.parse(yaml: yaml, path: "rel.yaml")
        #expect(cues.classes.map(\.relationClass) == [.verbalCooperation, .materialConflict, .verbalConflict])
        #expect(cues.weight(of: .verbalCooperation) == 2)
        #expect(cues.weight(of: .verbalConflict) == -4)
        #expect(cues.hedges == ["perhaps"])
        #expect(cues.refusals == RelationCues.standard.refusals)
        #expect(issues.map { $0.line ?? 0 } == [4, 5])
        let d = F.document("Seoul applauded Tokyo.", "Beijing imposed a blockade on Seoul.")
        let a = F.analyze([d], cues: cues)
        #expect(a.relations.flatMap(\.evidence).map(\.tone).sorted() == [-9.5, 2])
    }

    @Test func brokenRelationsFileFallsBackToStandardCues() {
        let (cues, issues) = RelationCues.parse(yaml: "classes: [oops", path: "rel.yaml")
        #expect(cues.classes == RelationCues.standard.classes)
        #expect(issues.count == 1)
        #expect(issues.first?.severity == .skipped)
        #expect(RelationCues.load(path: "/nonexistent/relations.yaml").issues.isEmpty)
    }

    @Test func cueFormsCoverInflectionsAndSpellings() {
        let forms = Set(CompiledCues.forms(of: "criticised"))
        #expect(forms.isSuperset(of: ["criticised", "criticise", "criticises", "criticized", "criticizes", "criticising"]))
        #expect(Set(CompiledCues.forms(of: "sanctions")).isSuperset(of: ["sanction", "sanctioned", "sanctions"]))
        #expect(CompiledCues.forms(of: "missile test").contains("missile tests"))
    }
}
