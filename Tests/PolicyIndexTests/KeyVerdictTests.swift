import Foundation
import Testing

@testable import PolicyIndex

/// Previews of a snapshot decoded before its key is known wait for the key.
struct KeyVerdictTests {
    final class Passed: @unchecked Sendable {
        let lock = NSLock()
        var roots: [[String]] = []
        func add(_ w: Workspace) { lock.withLock { roots.append(w.roots) } }
        var all: [[String]] { lock.withLock { roots } }
    }

    func preview(_ name: String) -> Workspace { Workspace.preview(roots: [name], documents: [], issues: []) }

    @Test func previewsWaitForAMatchAndThenPassInOrder() {
        let passed = Passed()
        let verdict = KeyVerdict(passing: { passed.add($0) })
        verdict.offer(preview("a"))
        verdict.offer(preview("b"))
        #expect(passed.all.isEmpty)
        #expect(!verdict.isStale)
        verdict.settle(valid: true)
        #expect(passed.all == [["a"], ["b"]])
        verdict.offer(preview("c"))
        #expect(passed.all == [["a"], ["b"], ["c"]])
        #expect(!verdict.isStale)
    }

    @Test func aStaleSnapshotsPreviewsAreNeverPassed() {
        let passed = Passed()
        let verdict = KeyVerdict(passing: { passed.add($0) })
        verdict.offer(preview("a"))
        verdict.settle(valid: false)
        verdict.offer(preview("b"))
        #expect(passed.all.isEmpty)
        #expect(verdict.isStale)
    }

    @Test func theFirstVerdictStands() {
        let passed = Passed()
        let verdict = KeyVerdict(passing: { passed.add($0) })
        verdict.settle(valid: false)
        verdict.settle(valid: true)
        verdict.offer(preview("a"))
        #expect(passed.all.isEmpty)
        #expect(verdict.isStale)
    }

    /// Offers from one thread racing the verdict from another: every preview
    /// passes, exactly once and in the order offered.
    @Test func offersRacingTheVerdictKeepTheirOrder() {
        for _ in 0..<50 {
            let passed = Passed()
            let verdict = KeyVerdict(passing: { passed.add($0) })
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                for i in 0..<20 { verdict.offer(preview("\(i)")) }
            }
            verdict.settle(valid: true)
            group.wait()
            #expect(passed.all == (0..<20).map { ["\($0)"] })
        }
    }
}
