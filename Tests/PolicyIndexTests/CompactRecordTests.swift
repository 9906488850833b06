import Testing
@testable import PolicyIndex

/// Mentions and evidence are the most numerous records of a workspace; they
/// keep their words as numbers and their optionals packed. These pin that
/// every public field still reads back what was stored, and the sizes that
/// the memory figures in docs/performance.md depend on.
@Suite struct CompactRecordTests {
    let sentence = SentenceID(document: DocumentID(3), index: 7)

    @Test(arguments: [
        MentionReason.alias("Blue House"), .demonym("South Korean"), .surname(fullMention: TextSpan(12, 40)),
        .uniqueSurname("Abe"), .discovered(rule: "role-cue"), .alias(""), .alias("Präsident Moon, ‘Seoul’"),
    ])
    func mentionReasonReadsBack(_ reason: MentionReason) {
        var m = Mention(actor: ActorRef(5), sentence: sentence, span: TextSpan(1, 4), reason: reason)
        #expect(m.reason == reason)
        #expect(m.actor == ActorRef(5) && m.sentence == sentence && m.span == TextSpan(1, 4))
        m.reason = .alias("another alias")
        #expect(m.reason == .alias("another alias"))
        #expect(m == Mention(actor: ActorRef(5), sentence: sentence, span: TextSpan(1, 4), reason: .alias("another alias")))
    }

    @Test func evidenceFieldsReadBackAndChangeIndependently() {
        var e = Evidence(
            sentence: sentence, cue: "sanction", cueSpan: TextSpan(9, 17), relationClass: .materialConflict, tone: -6.5,
            negated: true, hedged: false, qualifier: "not")
        #expect(e.cue == "sanction" && e.cueSpan == TextSpan(9, 17) && e.qualifier == "not")
        #expect(e.relationClass == .materialConflict && e.tone == -6.5 && e.negated && !e.hedged)
        e.hedged = true
        e.negated = false
        e.cueSpan = nil
        e.qualifier = nil
        #expect(e.hedged && !e.negated && e.cueSpan == nil && e.qualifier == nil && e.cue == "sanction")
        e.cue = nil
        #expect(e == Evidence(sentence: sentence, relationClass: .materialConflict, tone: -6.5, hedged: true))
        let plain = Evidence(sentence: sentence)
        #expect(plain.cue == nil && plain.cueSpan == nil && plain.qualifier == nil && !plain.negated && !plain.hedged)
        #expect(Evidence(sentence: sentence, cueSpan: TextSpan(0, 0)).cueSpan == TextSpan(0, 0))
        #expect(Evidence(sentence: sentence, cueSpan: TextSpan(0, 0)) != plain)
    }

    @Test func recordSizes() {
        #expect(MemoryLayout<Mention>.stride == 32)
        #expect(MemoryLayout<Evidence>.stride == 40)
    }
}
