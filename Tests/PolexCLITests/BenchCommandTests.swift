import Foundation
import Testing

/// `polex bench` is what scripts/bench-compare reads: its JSON must keep its shape.
@Suite struct BenchCommandTests {
    struct Report: Decodable {
        struct Query: Decodable {
            var query: String
            var hits: Int
            var medianMs: Double
            var minMs: Double
            var maxMs: Double
        }
        var documents: Int
        var openSeconds: Double
        var peakRSSBytes: Int
        var `repeat`: Int
        var queries: [Query]
    }

    /// A throwaway corpus of two short notes and a query file.
    func fixture() throws -> (corpus: URL, queries: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "Harbour talks\n\nThe harbour board met the ferry union on Monday. Talks went on late.\n"
            .write(to: dir.appendingPathComponent("one.txt"), atomically: true, encoding: .utf8)
        try "# Ferry fares\n\nFerry fares rose again, the union said.\n"
            .write(to: dir.appendingPathComponent("two.md"), atomically: true, encoding: .utf8)
        let queries = dir.appendingPathComponent("queries.list")
        try "# comment lines and blank lines are skipped\nferry\n\nharbour board\n"
            .write(to: queries, atomically: true, encoding: .utf8)
        return (dir, queries)
    }

    @Test func timesEachQueryOfTheFile() throws {
        let f = try fixture()
        defer { try? FileManager.default.removeItem(at: f.corpus) }
        let r = try Polex.run(["bench", "--queries", f.queries.path, "--repeat", "3", "--json", f.corpus.path])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        #expect(report.documents == 2)
        #expect(report.repeat == 3)
        #expect(report.queries.map(\.query) == ["ferry", "harbour board"])
        #expect(report.peakRSSBytes > 0)
        #expect(report.openSeconds > 0)
        for q in report.queries {
            #expect(q.minMs <= q.medianMs && q.medianMs <= q.maxMs)
            #expect(q.hits >= 0 && q.hits <= 10)
        }
    }

    @Test func rejectsAMissingQueryFile() throws {
        let f = try fixture()
        defer { try? FileManager.default.removeItem(at: f.corpus) }
        let r = try Polex.run(["bench", "--queries", f.corpus.appendingPathComponent("absent").path, f.corpus.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("absent"))
    }
}
