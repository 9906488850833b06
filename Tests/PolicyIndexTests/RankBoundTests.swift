import Dispatch
import Testing
@testable import PolicyIndex

@Suite struct RankBoundTests {
    @Test func aSharedFloorOnlyRises() {
        let floor = SharedFloor()
        #expect(floor.value == 0)
        floor.raise(to: 2.5)
        floor.raise(to: 1.0)
        floor.raise(to: 0)
        #expect(floor.value == 2.5)
        floor.raise(to: 3.25)
        #expect(floor.value == 3.25)
    }

    @Test func raisesFromManyThreadsKeepTheHighest() {
        let floor = SharedFloor()
        let scores = (0..<2_000).map { Double(($0 * 7_919) % 2_000) / 8 }
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for s in scores[(t * 250)..<((t + 1) * 250)] { floor.raise(to: s) }
        }
        #expect(floor.value == scores.max())
    }

    @Test func aThresholdRulesOutBelowItsOwnFloorOrTheSharedOne() {
        let shared = SharedFloor()
        var own = RankBound.Threshold(limit: 2, shared: shared)
        // Nothing proved yet: nothing is ruled out.
        #expect(!own.rulesOut(0.1))
        own.add(1.0)
        #expect(!own.rulesOut(0.1))
        own.add(2.0)
        // Two scores held: below the lower one is out, a tie is not.
        #expect(own.rulesOut(0.9))
        #expect(!own.rulesOut(1.0))
        // Filling up publishes the floor for the other segments.
        #expect(shared.value == 1.0)
        // Another segment with nothing of its own yet already prunes below it.
        let other = RankBound.Threshold(limit: 2, shared: shared)
        #expect(other.rulesOut(0.9))
        #expect(!other.rulesOut(1.0))
        // A higher shared floor counts even when this segment's own is lower.
        shared.raise(to: 5)
        #expect(own.rulesOut(4.0))
        #expect(!own.rulesOut(5.0))
    }

    /// The matcher prunes by the floor shared across the search's segments: a
    /// floor no document can reach leaves every match checked for one
    /// occurrence only, from the first document of the first segment.
    @Test func thePhraseMatcherPrunesByTheSharedFloor() {
        let index = TextIndex(documents: Fixture.generated(300), parallelism: 2)
        #expect(index.segments.count > 1)
        let terms = ["north", "korea"]
        let all = PhraseMatcher(index: index, terms: terms, includeBoilerplate: false).run()
        var bounded = PhraseMatcher(index: index, terms: terms, includeBoilerplate: false)
        let bound = RankBound(limit: 10, lengths: index.lengthContent, average: index.averageLengthContent)
        bound.shared.raise(to: .greatestFiniteMagnitude)
        bounded.bound = bound
        let pruned = bounded.run()
        #expect(all.docs.count > 10)
        #expect(pruned.docs == all.docs)
        #expect(pruned.tf.allSatisfy { $0 == 1 })
        #expect(all.tf.contains { $0 > 1 })
    }
}
