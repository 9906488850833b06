import Foundation
import Testing

@testable import PolicyIndex

struct ParallelSlotsTests {
    final class Counts: @unchecked Sendable {
        let lock = NSLock()
        var runs: [Int]
        init(_ n: Int) { runs = [Int](repeating: 0, count: n) }
        func bump(_ i: Int) { lock.withLock { runs[i] += 1 } }
    }

    @Test(arguments: [ParallelSlots.Threads.cores, .readingFiles])
    func everyJobRunsOnceAndResultsKeepJobOrder(threads: ParallelSlots.Threads) {
        for count in [0, 1, 2, 3, 257] {
            let counts = Counts(count)
            let out = ParallelSlots.map(count, threads: threads) { i in
                counts.bump(i)
                return i * i
            }
            #expect(out.map { $0 ?? -1 } == (0..<count).map { $0 * $0 })
            #expect(counts.runs.allSatisfy { $0 == 1 })
        }
    }

    @Test func serialWhenNotParallel() {
        let out = ParallelSlots.map(40, parallel: false, threads: .readingFiles) { _ in Thread.isMainThread }
        #expect(out.allSatisfy { $0 == Thread.isMainThread })
    }

    /// Every party waits, up to five seconds, until all have arrived.
    final class Barrier: @unchecked Sendable {
        let condition = NSCondition()
        var arrived = 0
        func arriveAndWait(for parties: Int) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            arrived += 1
            condition.broadcast()
            let deadline = Date(timeIntervalSinceNow: 5)
            while arrived < parties, condition.wait(until: deadline) {}
            return arrived >= parties
        }
    }

    /// Jobs that read files run on more threads than there are cores, so one
    /// waiting for the disk does not hold a core: here one job more than the
    /// cores waits until all of them have started, which with one thread per
    /// core happens only after the first ones have given up.
    @Test func jobsThatReadFilesRunOnMoreThreadsThanCores() {
        let parties = ProcessInfo.processInfo.activeProcessorCount + 1
        let barrier = Barrier()
        let out = ParallelSlots.map(parties, threads: .readingFiles) { _ in barrier.arriveAndWait(for: parties) }
        #expect(out.allSatisfy { $0 == true })
    }
}
