import Foundation
import Synchronization
import Testing

@testable import PolicyIndex

@Suite struct LoadProgressTests {
    /// Collects reports from any thread.
    final class Reports: Sendable {
        let list = Mutex<[LoadProgress]>([])
        func add(_ p: LoadProgress) { list.withLock { $0.append(p) } }
        var all: [LoadProgress] { list.withLock { $0 } }
    }

    @Test func workspaceReportsEachStageInOrderAndCountsEveryFile() throws {
        let corpus = TempCorpus()
        // More files than one unit of parallel work, so several threads report.
        let count = CorpusLoader.chunkSize * 5 + 3
        for i in 0..<count { corpus.write("a\(i).txt", "Report \(i)\n\nSouth Korea and Japan held talks on \(i + 1) March 2021.\n") }
        corpus.write("broken.txt", bytes: [0, 1, 2, 0, 0, 7])
        let reports = Reports()
        let ws = try Workspace.open(paths: [corpus.root], progress: { reports.add($0) })
        let all = reports.all

        let stages = all.map(\.stage).reduce(into: [LoadProgress.Stage]()) { if $0.last != $1 { $0.append($1) } }
        #expect(stages == [.reading, .analysing, .timeline])
        let reading = all.filter { $0.stage == .reading }
        // The skipped file counts as read: the bar ends full whatever the files hold.
        #expect(reading.allSatisfy { $0.total == count + 1 })
        #expect(reading.map(\.done).max() == count + 1)
        #expect(reading.first?.done == 0)
        #expect(all.first { $0.stage == .analysing }?.total == ws.documents.count)
        #expect(ws.documents.count == count)
    }

    @Test func fractionStaysWithinOneAndIsZeroWithoutATotal() {
        #expect(LoadProgress(stage: .reading, done: 5, total: 0).fraction == 0)
        #expect(LoadProgress(stage: .reading, done: 7, total: 4).fraction == 1)
        #expect(LoadProgress(stage: .reading, done: 1, total: 4).fraction == 0.25)
    }
}
