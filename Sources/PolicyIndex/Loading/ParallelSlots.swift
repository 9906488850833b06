import Foundation

/// Runs `count` independent jobs on all cores and collects their results in job
/// order, so parallel loading never changes what comes out or in which order.
enum ParallelSlots {
    static func map<T>(_ count: Int, parallel: Bool = true, _ job: @Sendable (Int) -> T) -> [T?] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            // Each job writes only its own slot, so the writes never overlap.
            nonisolated(unsafe) let out = out
            if parallel, count > 1 {
                DispatchQueue.concurrentPerform(iterations: count) { out[$0] = job($0) }
            } else {
                for i in 0..<count { out[i] = job(i) }
            }
        }
        return results
    }
}
