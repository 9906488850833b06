import Foundation
import Testing

@testable import PolicyIndex

struct SideBySideTests {
    /// Each of two parties says it has arrived and waits for the other: both
    /// get through only if they run at the same time.
    final class Meeting: @unchecked Sendable {
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        func arrive(_ i: Int) -> Bool {
            (i == 0 ? first : second).signal()
            return (i == 0 ? second : first).wait(timeout: .now() + 5) == .success
        }
    }

    final class Slots: @unchecked Sendable {
        let lock = NSLock()
        var runs = [Int](repeating: 0, count: 5)
        var met = [Bool](repeating: false, count: 2)
        func bump(_ i: Int) { lock.withLock { runs[i] += 1 } }
        func mark(_ i: Int, _ ok: Bool) { lock.withLock { met[i] = ok } }
    }

    @Test func runsEveryJobOnceAndReturnsWhenAllAreDone() {
        let slots = Slots()
        SideBySide.run((0..<5).map { i in { usleep(UInt32(1000 * (5 - i))); slots.bump(i) } })
        #expect(slots.runs == [1, 1, 1, 1, 1])
    }

    @Test func jobsRunAtTheSameTime() {
        let meeting = Meeting()
        let slots = Slots()
        SideBySide.run([{ slots.mark(0, meeting.arrive(0)) }, { slots.mark(1, meeting.arrive(1)) }])
        #expect(slots.met == [true, true])
    }

    /// The reason the type exists: a parallel loop started inside one of the
    /// jobs gets more than one thread. Inside `concurrentPerform` it would not
    /// (the stages of a build then ran on one core).
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two cores"))
    func aParallelLoopInsideAJobGetsMoreThanOneThread() {
        let meeting = Meeting()
        let slots = Slots()
        SideBySide.run([
            { DispatchQueue.concurrentPerform(iterations: 2) { i in slots.mark(i, meeting.arrive(i)) } },
            { slots.bump(0) },
        ])
        #expect(slots.met == [true, true])
        #expect(slots.runs[0] == 1)
    }
}
