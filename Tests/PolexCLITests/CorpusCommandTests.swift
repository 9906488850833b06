import Foundation
import Testing

/// The JSON contract and messages of `polex docs`, `search` and `stats`, on a
/// small corpus written here.
@Suite struct CorpusCommandTests {
    final class Corpus {
        let root: URL
        var path: String { root.path }

        init(files: [String: String] = Corpus.standard, binary: [String: [UInt8]] = [:]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("polex-corpus-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (name, text) in files {
                let url = root.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            for (name, bytes) in binary { try Data(bytes).write(to: root.appendingPathComponent(name)) }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        static let standard = [
            "a-talks.md": """
                ---
                title: Envoys resume harbour talks
                date: 2020-11-12
                source: The Coastal Ledger
                author: R. Vale
                ---
                The two envoys met in the harbour city on Thursday. The harbour talks covered fishing quotas and ferry routes.

                Officials said the next round would follow in spring.
                """,
            "b-ferry.md": """
                ---
                title: Ferry routes reopen
                date: 2021-03
                source: Inland Courier
                ---
                Ferry routes between the islands reopened after the winter storms. Fishing crews welcomed the news.
                """,
            "notes/c-budget.txt": """
                Budget vote delayed

                The council delayed its budget vote again. Members wanted more time to read the figures.
                """,
        ]

        func run(_ args: [String]) throws -> Polex.Result { try Polex.run(args) }

        func json(_ args: [String]) throws -> [String: Any] {
            let r = try run(args + ["--json"])
            #expect(r.status == 0, "\(r.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
    }

    // MARK: docs

    @Test func docsJSONListsEveryDocumentWithItsMetadata() throws {
        let c = try Corpus()
        let docs = try #require(try c.json(["docs", c.path])["documents"] as? [[String: Any]])
        #expect(docs.map { $0["id"] as? String } == ["d0", "d1", "d2"])
        #expect(docs.map { $0["path"] as? String }.compactMap { $0 }.allSatisfy { !$0.isEmpty })
        let first = docs[0]
        #expect(first["title"] as? String == "Envoys resume harbour talks")
        #expect(first["source"] as? String == "The Coastal Ledger")
        #expect(first["author"] as? String == "R. Vale")
        let date = try #require(first["date"] as? [String: Any])
        #expect(date["value"] as? String == "2020-11-12")
        #expect(date["precision"] as? String == "day")
        #expect(date["origin"] as? String == "front-matter")
        #expect((docs[1]["date"] as? [String: Any])?["precision"] as? String == "month")
        for d in docs {
            for key in ["words", "sentences", "paragraphs", "boilerplateSentences", "bytes"] {
                #expect(d[key] is Int, "\(key) in \(d)")
            }
            #expect((d["sentences"] as? Int ?? 0) > 0)
            #expect(d["format"] is String)
        }
    }

    @Test func docsTableHasOneRowPerDocument() throws {
        let c = try Corpus()
        let r = try c.run(["docs", c.path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count == 4)
        #expect(lines[1].contains("2020-11-12") && lines[1].contains("Envoys resume harbour talks"))
    }

    // MARK: search

    @Test func searchJSONRanksHitsWithSnippetsAndOffsets() throws {
        let c = try Corpus()
        let out = try c.json(["search", "fishing", c.path])
        #expect(out["query"] as? String == "fishing")
        #expect(out["total"] as? Int == 2)
        let hits = try #require(out["hits"] as? [[String: Any]])
        #expect(hits.map { $0["rank"] as? Int } == [1, 2])
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores.count == 2 && scores == scores.sorted(by: >) && scores.allSatisfy { $0 > 0 })
        for h in hits {
            let sentence = try #require(h["sentence"] as? String)
            let doc = try #require(h["document"] as? String)
            #expect(sentence.hasPrefix(doc + ":s"))
            let snippet = try #require(h["snippet"] as? [String: Any])
            let text = try #require(snippet["text"] as? String)
            let marks = try #require(snippet["matches"] as? [[String: Int]])
            #expect(marks.count == 1)
            let bytes = Array(text.utf8)
            let m = marks[0]
            #expect(String(decoding: bytes[m["start"]!..<m["end"]!], as: UTF8.self).lowercased() == "fishing")
            #expect((h["matches"] as? [[String: Int]])?.count == 1)
            #expect(h["title"] is String && h["path"] is String)
        }
    }

    @Test func searchLimitAndFilters() throws {
        let c = try Corpus()
        let limited = try c.json(["search", "harbour OR ferry", c.path, "--limit", "1"])
        #expect(limited["total"] as? Int == 2)
        #expect((limited["hits"] as? [Any])?.count == 1)
        let filtered = try c.json(["search", "fishing after:2021", c.path])
        #expect((filtered["hits"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Ferry routes reopen"])
        let bySource = try c.json(["search", "fishing source:ledger", c.path])
        #expect((bySource["hits"] as? [[String: Any]])?.map { $0["document"] as? String } == ["d0"])
        let phrase = try c.json(["search", "\"harbour talks\"", c.path])
        let hit = try #require((phrase["hits"] as? [[String: Any]])?.first)
        #expect(hit["sentence"] as? String == "d0:s1")
    }

    @Test func searchTextMarksHitsWithBracketsWhenNotATerminal() throws {
        let c = try Corpus()
        let r = try c.run(["search", "budget", c.path])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("1 document matches"))
        #expect(r.stdout.lowercased().contains("[budget]"))
        #expect(!r.stdout.contains("\u{1B}"))
    }

    @Test func searchWithNoHitsSaysSo() throws {
        let c = try Corpus()
        let r = try c.run(["search", "zeppelin", c.path])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("0 documents match"))
        #expect(try c.json(["search", "zeppelin", c.path])["total"] as? Int == 0)
    }

    @Test(arguments: [
        ("talks \"harbour", "unclosed quote at column 7"),
        ("ferry OR", "OR needs a word or phrase on each side at column 7"),
        ("after:someday", "after: needs a date"),
    ])
    func malformedQueryFailsBeforeLoading(query: String, message: String) throws {
        let r = try Polex.run(["search", query, "/definitely/not/here"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad query: \(message)"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func textOutputNeverCarriesControlCharacters() throws {
        let c = try Corpus(files: ["x.txt": "Escape \u{1B}[31mred\u{1B}[0m text about quotas.\n\nMore quotas here.\n"])
        for args in [["search", "quotas", c.path], ["docs", c.path]] {
            let r = try c.run(args)
            #expect(r.status == 0)
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B }, "\(args)")
        }
    }

    // MARK: stats

    @Test func statsJSONReportsFiguresSkippedFilesAndTimings() throws {
        let c = try Corpus(binary: ["blob.txt": [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]])
        let r = try c.run(["stats", c.path, "--json"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("blob.txt"))
        let s = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(s["documents"] as? Int == 3)
        let tokens = try #require(s["tokens"] as? Int)
        #expect(tokens > 40)
        #expect((s["distinctTerms"] as? Int ?? 0) > 20)
        #expect((s["distinctTerms"] as? Int ?? .max) < tokens)
        #expect((s["sentences"] as? Int ?? 0) >= 6)
        #expect((s["bytes"] as? Int ?? 0) > 200)
        let skipped = try #require(s["skipped"] as? [[String: Any]])
        #expect(skipped.count == 1)
        #expect((skipped.first?["path"] as? String)?.hasSuffix("blob.txt") == true)
        #expect(skipped.first?["reason"] is String)
        let timings = try #require(s["timings"] as? [String: Double])
        #expect(timings["load"] != nil && timings["index"] != nil)
        #expect((s["peakRSSBytes"] as? Int ?? 0) > 1_000_000)
        for key in ["actors", "relations", "events", "boilerplateShare", "indexBytes", "contentTokens", "warnings"] {
            #expect(s[key] != nil, "\(key)")
        }
    }

    @Test func statsTextShowsTheFigures() throws {
        let c = try Corpus()
        let r = try c.run(["stats", c.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("documents"))
        #expect(r.stdout.contains("distinct terms"))
        #expect(r.stdout.contains("index time"))
    }

    // MARK: bad corpora

    @Test(arguments: ["docs", "stats", "search"])
    func missingPathIsAClearError(command: String) throws {
        let args = command == "search" ? ["search", "talks", "/no/such/folder/polex"] : [command, "/no/such/folder/polex"]
        let r = try Polex.run(args)
        #expect(r.status != 0)
        #expect(r.stderr.contains("/no/such/folder/polex"))
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: ["docs", "stats"])
    func emptyFolderIsAClearError(command: String) throws {
        let c = try Corpus(files: [:])
        let r = try c.run([command, c.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no readable documents"), "\(r.stderr)")
    }
}
