import Foundation
import Testing

@testable import PolicyIndex

/// A folder of messy web clippings (Fixtures/clippings): CRLF text with NBSP and
/// soft hyphens, a Windows-1252 file, a page with chrome and repeated captions,
/// Markdown with front matter, a JSON Lines feed with a broken line. The
/// articles must come through whole and the furniture around them marked.
@Suite struct ClippingsFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/clippings").path

    func load() throws -> LoadResult {
        let r = try CorpusLoader().load(paths: [Self.folder])
        for d in r.documents { #expect(d.structuralProblems() == [], "\(d.path)") }
        return r
    }

    func content(_ d: Document) -> [String] { d.sentences.filter { !$0.isBoilerplate }.map { String(d.text($0.span)) } }

    @Test func documentsAndIssues() throws {
        let r = try load()
        #expect(r.documents.map(\.path) == [
            "coastal-notes.html", "harbour-gazette.txt", "island-weekly.md", "pier-cafe.txt", "valley-courier.jsonl",
            "valley-courier.jsonl",
        ])
        #expect(r.documents.map(\.title) == [
            "Wind Farm Cable Reaches the Island", "Council Approves Dredging Plan for the Old Channel",
            "Ferry Union and Operator Agree on Winter Schedule", "Dock Workers’ Café Reopens After Repairs",
            "Bridge Inspection Finds Minor Cracks", "School Roof Repaired Before Term",
        ])
        #expect(r.issues.map { "\($0.severity.rawValue) \(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.line ?? 0)" } == [
            "warning pier-cafe.txt:0", "skipped valley-courier.jsonl:2",
        ])
    }

    @Test func noFurnitureInTheContent() throws {
        let furniture = [
            "cookie", "Share", "Leave a Reply", "Related", "Recent Posts", "Post Comment", "newsletter", "©", "Posted on",
            "Home |", "You may also like", "says:", "Like Loading", "Email", "Accept", "HARBOUR GAZETTE", "Read more",
            "thoughts on", "Published daily", "By Ilse", "Tweet",
        ]
        for d in try load().documents {
            let text = content(d).joined(separator: "\n")
            for word in furniture { #expect(!text.contains(word), "\(d.path): \(word)") }
        }
    }

    @Test func articleTextSurvivesWhole() throws {
        let docs = try load().documents
        let harbour = try #require(docs.first { $0.path == "harbour-gazette.txt" })
        #expect(harbour.author == "Ilse Varga")
        #expect(harbour.date == DocumentDate(PartialDate(year: 2020, month: 3, day: 3), origin: .dateline))
        #expect(content(harbour) == [
            "Council Approves Dredging Plan for the Old Channel",
            "The harbour council approved a plan on Tuesday to dredge the old channel before the autumn storms, ending a dispute that had lasted three years.",
            "The vote was seven to two.",
            "Mayor T. R. Osei said the work would cost 4.2 million and be paid over five years.",
            "\"We cannot wait for another flood,\" she told reporters after the meeting.",
            "Engineers expect the first barges in May.",
            "Fishing crews will be warned two days ahead of each closure, according to the port office.",
        ])
        let coast = try #require(docs.first { $0.path == "coastal-notes.html" })
        #expect(coast.source == "Coastal Notes")
        #expect(coast.paragraphs.filter { coast.text($0.span) == "The cable ship Nordlys off the north beach" }.map(\.kind) == [.caption, .body])
        #expect(content(coast).count == 5)
        let island = try #require(docs.first { $0.path == "island-weekly.md" })
        #expect(island.tags == ["ferries", "labour"])
        #expect(content(island).count == 5)
        let cafe = try #require(docs.first { $0.path == "pier-cafe.txt" })
        #expect(content(cafe).last == "The café on the south pier reopened on Friday after a winter of repairs, its owner said.")
        let bridge = try #require(docs.first { $0.line == 1 })
        #expect(content(bridge).count == 3)
    }
}
