import Dispatch
import Foundation

enum ParallelMap {
    /// Maps documents on all cores, each worker with its own scratch buffers.
    /// Documents are dealt out in small interleaved batches so one long
    /// article does not leave a core idle.
    static func map<R: Sendable>(
        _ documents: [Document], _ range: Range<Int>? = nil, _ body: @Sendable (Document, inout ScanScratch) -> R
    ) -> [R?] {
        let range = range ?? documents.indices
        let base = range.lowerBound
        let n = range.count
        var out = [R?](repeating: nil, count: n)
        guard n > 0 else { return out }
        let workers = min(n, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let batch = 64
        let batches = (n + batch - 1) / batch
        out.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let results = buf
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var scratch = ScanScratch()
                var b = w
                while b < batches {
                    for i in (b * batch)..<min(n, (b + 1) * batch) {
                        results[i] = body(documents[base + i], &scratch)
                    }
                    b += workers
                }
            }
        }
        return out
    }
}
