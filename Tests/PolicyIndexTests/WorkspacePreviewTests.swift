import Foundation
import Testing

@testable import PolicyIndex

/// A build hands its documents over before it indexes them.
struct WorkspacePreviewTests {
    final class Box: @unchecked Sendable {
        let lock = NSLock()
        var seen: [Workspace] = []
        func add(_ w: Workspace) { lock.withLock { seen.append(w) } }
        var all: [Workspace] { lock.withLock { seen } }
    }

    func corpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-preview-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Ordinary prose: very short texts would be taken for boilerplate.
        let files = [
            ("a.txt", "Trade talks resume\n\nJapan and China agreed on Monday to resume trade talks in March 2020, officials in both capitals said after a long meeting.\n\nThe negotiators will meet again in the spring to discuss tariffs on steel and the rules for investment.\n"),
            ("b.md", "---\ntitle: Alliance review\ndate: 2021-05-02\n---\nThe United States praised South Korea in 2021 for its steady support of the alliance during a difficult year.\n\nOfficials in Seoul said the two governments would review the costs of stationing troops before the end of the year.\n"),
            ("c.txt", "Regional forum\n\nChina hosted a regional forum in April 2019 that brought together ministers from a dozen countries to discuss shipping lanes.\n\nDelegates agreed to hold the next meeting in Hanoi, where the agenda will include fishing rights.\n"),
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        return dir
    }

    @Test func thePreviewHoldsTheSameDocumentsAndNothingElse() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let box = Box()
        let ws = try Workspace.open(paths: [dir.path], options: WorkspaceOptions(dataDirectory: SnapshotFixtures.dataDirectory, preview: { box.add($0) }))
        // First the documents alone, then with the text index.
        #expect(box.all.map(\.unbuilt) == [[.textIndex, .actors, .timeline], [.actors, .timeline]])
        let p = try #require(box.all.first)
        #expect(p.isPreview)
        #expect(!ws.isPreview && ws.unbuilt.isEmpty)
        #expect(p.documents.map(\.id) == ws.documents.map(\.id))
        #expect(p.documents.map(\.path) == ws.documents.map(\.path))
        #expect(p.documents.map(\.date) == ws.documents.map(\.date))
        #expect(p.documents.map(\.text) == ws.documents.map(\.text))
        #expect(p.issues == ws.issues)
        #expect(p.issues.contains { $0.path.hasSuffix("empty.txt") })
        #expect(p.roots == ws.roots)
        // The finished workspace knows actors, events and words; the preview none yet.
        #expect(!ws.actors.actors.isEmpty && !ws.timeline.events.isEmpty)
        #expect(try !ws.search("trade").isEmpty)
        #expect(p.actors.actors.isEmpty && p.actors.mentions.isEmpty && p.timeline.events.isEmpty)
        #expect(try p.search("trade").isEmpty)
        #expect(p.timeline.expressions(in: p.documents[0].id).isEmpty)

        // The second preview searches as the finished workspace does.
        let q = box.all[1]
        #expect(q.documents.map(\.id) == ws.documents.map(\.id))
        for query in ["trade", "\"trade talks\"", "agreed OR forum", "agreed -Japan"] {
            #expect(try q.search(query) == ws.search(query), "\(query)")
            #expect(try !q.search(query).isEmpty, "\(query)")
        }
        #expect(q.actors.actors.isEmpty && q.timeline.events.isEmpty)
    }

    /// A second start reads the snapshot and hands over the same two previews,
    /// its documents and then its index, before the actors and the timeline.
    @Test func aSnapshotHandsOverThePreviewsToo() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let box = Box()
        func open() throws -> Workspace {
            try Workspace.open(
                paths: [dir.path],
                options: WorkspaceOptions(
                    dataDirectory: SnapshotFixtures.dataDirectory, snapshot: SnapshotPolicy(mode: .always, programVersion: "test"),
                    preview: { box.add($0) }))
        }
        let first = try open()
        #expect(first.snapshot.status == .written)
        #expect(box.all.count == 2)
        let second = try open()
        #expect(second.snapshot.status == .loaded)
        let read = Array(box.all.dropFirst(2))
        #expect(read.map(\.unbuilt) == [[.textIndex, .actors, .timeline], [.actors, .timeline]])
        for p in read {
            #expect(p.documents.map(\.id) == second.documents.map(\.id))
            #expect(p.documents.map(\.text) == second.documents.map(\.text))
            #expect(p.issues == second.issues && p.issues.contains { $0.path.hasSuffix("empty.txt") })
            #expect(p.actors.actors.isEmpty && p.timeline.events.isEmpty)
        }
        #expect(try read[1].search("trade") == second.search("trade"))
        #expect(try !read[1].search("trade").isEmpty)
        #expect(try read[0].search("trade").isEmpty)
    }

    /// A snapshot is decoded before the corpus's key says whether it is still
    /// valid. When a file changed, its stale documents are never handed over:
    /// only the rebuild's previews are, with the text as it is now.
    @Test func aStaleSnapshotsDocumentsAreNeverPreviewed() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let box = Box()
        let options = WorkspaceOptions(
            dataDirectory: SnapshotFixtures.dataDirectory, snapshot: SnapshotPolicy(mode: .always, programVersion: "test"),
            preview: { box.add($0) })
        #expect(try Workspace.open(paths: [dir.path], options: options).snapshot.status == .written)
        let file = dir.appendingPathComponent("a.txt")
        let old = try String(contentsOf: file, encoding: .utf8)
        try old.replacingOccurrences(of: "Japan", with: "Korea").write(to: file, atomically: true, encoding: .utf8)
        let rebuilt = try Workspace.open(paths: [dir.path], options: options)
        #expect(rebuilt.snapshot.status == .rebuilt)
        let shown = Array(box.all.dropFirst(2))
        #expect(shown.map(\.unbuilt) == [[.textIndex, .actors, .timeline], [.actors, .timeline]])
        for p in shown {
            #expect(p.documents.map(\.text) == rebuilt.documents.map(\.text))
            #expect(!p.documents.contains { $0.text.contains("Japan") })
        }
        #expect(try Workspace.open(paths: [dir.path], options: options).snapshot.status == .loaded)
    }
}
