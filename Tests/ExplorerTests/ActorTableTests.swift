import PolicyIndex
import Testing

@testable import Explorer

/// The actor tables take shortcuts (counting through `representative` instead of a
/// rolled-up copy of every mention, stamps instead of sets): they must agree with
/// the plain definitions computed the slow way.
@Suite struct ActorTableTests {
    let ws = Fixture.workspace()
    var model: ExplorerModel { Fixture.model }

    @Test(arguments: [false, true]) func agreesWithTheAnalysisItSummarises(rollup: Bool) {
        let table = model.table(rollup: rollup)
        let analysis = rollup ? ws.actors.rolledUp() : ws.actors
        let n = ws.actors.actors.count
        #expect(table.mentionCount == (0..<n).map { analysis.mentionsByActor[$0].count })
        #expect(table.relations == analysis.relations)
        // Documents and events per actor, in order and without repeats.
        for a in 0..<n {
            let docs = analysis.mentions.filter { $0.actor.index == a }.map(\.sentence.document)
            var unique: [DocumentID] = []
            for d in docs where !unique.contains(d) { unique.append(d) }
            #expect(table.documents[a] == unique.sorted())
            let events = ws.timeline.events.indices.filter { k in
                ws.timeline.events[k].actors.contains { table.representative[$0.index].index == a }
            }
            #expect(table.events[a] == events)
        }
    }

    @Test func rollUpTargetsMatchTheOneByOneAnswer() {
        let all = ws.actors.rollUpTargets()
        #expect(all == ws.actors.actors.indices.map { ws.actors.rollUpTarget(ActorRef($0)) })
        #expect(all.enumerated().contains { $0.offset != $0.element.index })  // the fixture has a person to roll up
    }
}
