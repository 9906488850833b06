import Foundation
import Synchronization

/// Runs `count` independent jobs on all cores and collects their results in job
/// order, so parallel loading never changes what comes out or in which order.
enum ParallelSlots {
    /// How jobs use the cores.
    enum Threads {
        /// One thread per core (`concurrentPerform`): jobs that only compute.
        case cores
        /// Twice as many threads as cores, taking jobs in order: jobs that read
        /// files. On a page cache that has dropped the corpus, a thread waiting
        /// for the disk leaves its core to another instead of idle: a cold load
        /// of 10,000 files took 2.0 s on one thread per core and 1.6 s on twice
        /// as many (1.2 s warm either way). Jobs taken in order also read the
        /// folder in walk order.
        case readingFiles
    }

    static func map<T>(_ count: Int, parallel: Bool = true, threads: Threads = .cores, _ job: @Sendable (Int) -> T) -> [T?] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            // Each job writes only its own slot, so the writes never overlap.
            nonisolated(unsafe) let out = out
            let width = threads == .readingFiles ? min(count, 2 * ProcessInfo.processInfo.activeProcessorCount) : count
            if !parallel || count <= 1 {
                for i in 0..<count { out[i] = job(i) }
            } else if threads == .cores || width <= 1 {
                DispatchQueue.concurrentPerform(iterations: count) { out[$0] = job($0) }
            } else {
                withoutActuallyEscaping(job) { job in
                    onThreads(width, count: count) { out[$0] = job($0) }
                }
            }
        }
        return results
    }

    /// `width` threads (the caller's among them) take the jobs `0..<count` in
    /// order until none is left; returns when all are done. Plain threads, not
    /// the global queue, whose pool on Linux is sized to the cores; joined, so
    /// none still holds `run` when this returns (`withoutActuallyEscaping`
    /// checks that).
    private static func onThreads(_ width: Int, count: Int, _ run: @escaping @Sendable (Int) -> Void) {
        let shared = SharedJobs(count: count, run: run)
        var threads: [pthread_t] = []
        for _ in 1..<width {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(shared).toOpaque()
            let made = pthread_create(&thread, nil, { context in
                // Taken and dropped before the thread ends, so a join means released.
                Unmanaged<SharedJobs>.fromOpaque(context!).takeRetainedValue().work()
                return nil
            }, context)
            if made == 0 {
                threads.append(thread)
            } else {
                Unmanaged<SharedJobs>.fromOpaque(context).release()
            }
        }
        shared.work()
        for thread in threads { pthread_join(thread, nil) }
    }
}

/// The jobs of one `ParallelSlots.map` on plain threads, each taking the next
/// job number until none is left.
private final class SharedJobs: Sendable {
    private let next = Atomic<Int>(0)
    private let count: Int
    private let run: @Sendable (Int) -> Void

    init(count: Int, run: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.run = run
    }

    func work() {
        while true {
            let i = next.add(1, ordering: .relaxed).oldValue
            guard i < count else { return }
            run(i)
        }
    }
}
