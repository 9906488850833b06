import Foundation
import Testing

/// `polex timeline` on a few small articles written for these tests.
@Suite struct TimelineCommandTests {
    /// Two articles that date the same accord, one that dates something else, one without a date.
    func corpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-timeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            "2020-11-harbour.txt": "Published: November 20, 2020\n\nThe harbour accord was signed on Nov. 12, 2020, after talks in Busan.\n",
            "2020-12-review.txt": "Published: December 2, 2020\n\nReviewers recalled that the accord was signed on Nov. 12, 2020, in Busan.\n",
            "1999-history.txt": "Published: March 1, 1999\n\nThe old ferry line first opened in 1954 and closed in the 1990s.\n",
            "undated.txt": "The port authority will meet again next month to set fees.\n",
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    func events(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["events"] as? [[String: Any]] ?? []
    }

    @Test func jsonListsEventsInTimeOrderWithTheirSources() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Polex.run(["timeline", dir.path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let evs = try events(r.stdout)
        #expect(evs.map { $0["value"] as? String } == ["1954", "199X", "2020-11-12"])
        let accord = try #require(evs.last)
        #expect(accord["sourceCount"] as? Int == 2)
        #expect(accord["grain"] as? String == "day")
        let interval = accord["interval"] as? [String: String]
        #expect(interval == ["start": "2020-11-12", "end": "2020-11-13"])
        let sources = accord["sources"] as? [[String: Any]] ?? []
        #expect(sources.map { $0["text"] as? String } == ["Nov. 12, 2020", "Nov. 12, 2020"])
        // Each source's label is the clause of its own article; the event's is its first source's.
        let labels = sources.compactMap { $0["label"] as? String }
        #expect(Set(labels) == ["The harbour accord was signed on Nov. 12, 2020", "Reviewers recalled that the accord was signed on Nov. 12, 2020"])
        #expect(accord["label"] as? String == labels.first)
        #expect(sources.allSatisfy { ($0["sentence"] as? String)?.contains(":s") == true })
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let undated = object?["undatedDocuments"] as? [[String: String]] ?? []
        #expect(undated.map { $0["path"]?.hasSuffix("undated.txt") } == [true])
    }

    @Test func fromAndToFilterByDate() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Polex.run(["timeline", dir.path, "--json", "--from", "1990", "--to", "1999-12"])
        #expect(r.status == 0)
        #expect(try events(r.stdout).map { $0["value"] as? String } == ["199X"])
    }

    @Test func textShowsDateSourcesAndLabel() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Polex.run(["timeline", dir.path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DATE") == true)
        let accord = lines.first { $0.hasPrefix("2020-11-12") }
        #expect(accord?.contains("  2  ") == true)
        #expect(accord?.contains("signed on Nov. 12, 2020") == true)
        #expect(lines.contains { $0.hasPrefix("1990s") })
        #expect(lines.last?.contains("date unknown for 1") == true)
    }

    @Test(arguments: [["--from", "2020-13"], ["--to", "20"], ["--from", "2021", "--to", "2020"], ["--actor", "Atlantis"]])
    func badArgumentsAreRejected(_ args: [String]) throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Polex.run(["timeline", dir.path] + args)
        #expect(r.status != 0)
        #expect(!r.stderr.isEmpty)
    }
}
