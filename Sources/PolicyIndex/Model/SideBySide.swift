import Dispatch

/// Runs a few different jobs at the same time and returns when all are done:
/// the first on the calling thread, the others on the global queue.
///
/// Not `DispatchQueue.concurrentPerform`: a `concurrentPerform` started inside
/// another one gets only the outer one's share of the cores, which on two
/// cores is one thread. The loader, the text index, the actor analysis and the
/// timeline's tagging are each parallel inside, and ran on one core when their
/// stages were started that way.
enum SideBySide {
    static func run(_ jobs: [@Sendable () -> Void]) {
        let group = DispatchGroup()
        for job in jobs.dropFirst() { DispatchQueue.global(qos: .userInitiated).async(group: group, execute: job) }
        jobs.first?()
        group.wait()
    }
}
