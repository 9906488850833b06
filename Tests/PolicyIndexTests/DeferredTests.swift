import Foundation
import Testing

@testable import PolicyIndex

struct DeferredTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var n = 0
        func bump() { lock.withLock { n += 1 } }
    }

    /// Readers on many threads, some before the value is done, all get the one value.
    @Test func computesOnceAndEveryReaderWaitsForIt() {
        let calls = Counter()
        let gate = DispatchSemaphore(value: 0)
        let d = Deferred<[Int]> {
            gate.wait()
            calls.bump()
            return Array(0..<1000)
        }
        #expect(!d.isReady)
        let seen = Counter()
        let group = DispatchGroup()
        for _ in 0..<8 {
            DispatchQueue.global().async(group: group) {
                if d.value.count == 1000, d.value.last == 999 { seen.bump() }
            }
        }
        gate.signal()
        group.wait()
        #expect(seen.n == 8)
        #expect(calls.n == 1)
        #expect(d.isReady)
        #expect(d.value == Array(0..<1000))
    }

    /// Not started: nothing runs until the first read, which computes the value
    /// once however many threads read at the same moment.
    @Test func aDeferredNotStartedRunsOnFirstReadOnly() {
        let calls = Counter()
        let d = Deferred<Int>(startingNow: false) {
            calls.bump()
            return 42
        }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(calls.n == 0)
        #expect(!d.isReady)
        let group = DispatchGroup()
        let seen = Counter()
        for _ in 0..<8 { DispatchQueue.global().async(group: group) { if d.value == 42 { seen.bump() } } }
        group.wait()
        #expect(seen.n == 8)
        #expect(calls.n == 1)
    }

    /// `start()` runs the work on another thread, once, however often it is called.
    @Test func startRunsTheWorkOnceInTheBackground() {
        let calls = Counter()
        let gate = DispatchSemaphore(value: 0)
        let d = Deferred<Int>(startingNow: false) {
            gate.wait()
            calls.bump()
            return 7
        }
        d.start()
        d.start()
        // The caller was not blocked by the work, which waits on the gate.
        #expect(!d.isReady)
        gate.signal()
        #expect(d.value == 7)
        #expect(calls.n == 1)
    }
}
