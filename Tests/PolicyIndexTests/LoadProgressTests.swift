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

    /// Writing a snapshot takes seconds on a large corpus: it is a stage of its own,
    /// after the build, so the loading screen does not sit on the timeline meanwhile.
    @Test func writingTheSnapshotIsReportedAfterTheBuild() throws {
        let corpus = TempCorpus()
        for i in 0..<3 { corpus.write("a\(i).txt", "Report \(i)\n\nJapan and China held talks in May 2020.\n") }
        let reports = Reports()
        var options = WorkspaceOptions()
        options.snapshot = SnapshotPolicy(mode: .always)
        let ws = try Workspace.open(paths: [corpus.root], options: options, progress: { reports.add($0) })
        let stages = reports.all.map(\.stage).reduce(into: [LoadProgress.Stage]()) { if $0.last != $1 { $0.append($1) } }
        #expect(stages == [.reading, .analysing, .timeline, .saving])
        #expect(ws.snapshot.status == .written)
        // The second start reads the snapshot back: nothing to read file by file, nothing to save.
        let again = Reports()
        let second = try Workspace.open(paths: [corpus.root], options: options, progress: { again.add($0) })
        #expect(second.snapshot.status == .loaded)
        #expect(!again.all.contains { $0.stage == .saving })
    }

    @Test func fractionStaysWithinOneAndIsZeroWithoutATotal() {
        #expect(LoadProgress(stage: .reading, done: 5, total: 0).fraction == 0)
        #expect(LoadProgress(stage: .reading, done: 7, total: 4).fraction == 1)
        #expect(LoadProgress(stage: .reading, done: 1, total: 4).fraction == 0.25)
    }
}
