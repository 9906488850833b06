import Foundation
import Testing

/// The bundled sample corpus and dictionaries are what every new user opens
/// first, so they are checked through the real binary: they must load without
/// a single warning, and the actors they are written to show must come out of
/// them with every spelling merged into one entry.
@Suite struct BundledCorpusTests {
    /// `data/` of this checkout: three levels above this file.
    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    /// Runs `polex ARGS --json` on the bundled corpus, expects success, and
    /// decodes stdout; stderr is returned for the caller to judge.
    static func json<T: Decodable>(_ type: T.Type, _ args: [String]) throws -> (value: T, stderr: String) {
        let r = try Polex.run(args + ["--json"])
        #expect(r.status == 0, "polex \(args.joined(separator: " ")) failed: \(r.stderr)")
        return (try JSONDecoder().decode(T.self, from: Data(r.stdout.utf8)), r.stderr)
    }

    /// Articles the loader should find in `data/corpus`, counted from the files
    /// themselves: one per article file, one per non-empty JSON Lines line.
    static func expectedDocumentCount() throws -> Int {
        let corpus = dataFolder.appendingPathComponent("corpus")
        let files = try #require(FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: [.isRegularFileKey]))
        var count = 0
        for case let url as URL in files where !url.lastPathComponent.hasPrefix(".") {
            switch url.pathExtension.lowercased() {
            case "jsonl":
                let text = try String(contentsOf: url, encoding: .utf8)
                count += text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
            case "md", "markdown", "txt", "html", "htm":
                count += 1
            default:
                continue
            }
        }
        return count
    }

    /// The subset of `polex stats --json` these tests read.
    struct Stats: Decodable {
        struct Issue: Decodable {
            var path: String
            var reason: String
        }
        var documents: Int
        var skipped: [Issue]
        var warnings: [Issue]
        var boilerplateSentences: Int
        var actors: Int
        var relations: Int
        var quotes: Int
        var events: Int
    }

    @Test func statsLoadsEveryBundledFileWithoutWarnings() throws {
        let expected = try Self.expectedDocumentCount()
        #expect(expected >= 20)
        let (stats, stderr) = try Self.json(Stats.self, ["stats"])
        #expect(stderr.isEmpty, "unexpected stderr: \(stderr)")
        #expect(stats.documents == expected)
        #expect(stats.skipped.isEmpty, "skipped: \(stats.skipped.map { "\($0.path): \($0.reason)" })")
        #expect(stats.warnings.isEmpty, "warnings: \(stats.warnings.map { "\($0.path): \($0.reason)" })")
        // The two web clippings carry cookie notices, share buttons and comment forms to dim.
        #expect(stats.boilerplateSentences > 0)
        #expect(stats.actors > 0 && stats.relations > 0 && stats.quotes > 0 && stats.events > 0)
    }

    /// The subset of `polex docs --json` these tests read.
    struct DocumentList: Decodable {
        struct DocumentDate: Decodable {
            var value: String
            var precision: String
        }
        struct Document: Decodable {
            var path: String
            var format: String
            var title: String
            var source: String?
            var date: DocumentDate?
            var words: Int
            var boilerplateSentences: Int
        }
        var documents: [Document]
    }

    /// The shape the corpus is written to: every loader exercised, every article
    /// dated and marked as a sample, briefs of 400–900 words, and boilerplate only
    /// where the web clippings carry it.
    @Test func everyBundledArticleIsDatedMarkedAndSized() throws {
        let (list, stderr) = try Self.json(DocumentList.self, ["docs"])
        #expect(stderr.isEmpty, "unexpected stderr: \(stderr)")
        let docs = list.documents
        let byFormat = Dictionary(grouping: docs, by: \.format)
        #expect(Set(byFormat.keys) == ["markdown", "text", "html", "jsonl"])
        #expect(byFormat["text"]?.count == 1)
        #expect(byFormat["html"]?.count == 1)
        #expect((6...10).contains(byFormat["jsonl"]?.count ?? 0))
        #expect(Set(byFormat["jsonl"]?.map(\.path) ?? []).count == 1)
        for d in docs {
            #expect(!d.title.isEmpty, "\(d.path) has no title")
            #expect(d.date?.precision == "day", "\(d.path) has no publication day")
            #expect(d.source?.hasPrefix("polex sample briefs") == true, "\(d.path) is not marked as a sample")
            if d.format != "jsonl" {
                #expect((400...900).contains(d.words), "\(d.path) has \(d.words) words")
            }
            if d.path.contains("clippings/") {
                #expect(d.boilerplateSentences > 0, "nothing dimmed in the clipping \(d.path)")
            } else if d.path.contains("briefs/") {
                #expect(d.boilerplateSentences == 0, "prose dimmed as boilerplate in \(d.path)")
            }
        }
        #expect(docs.filter { $0.path.contains("clippings/") }.count == 2)
    }

    /// The subset of `polex actors --json` these tests read.
    struct ActorList: Decodable {
        struct Seen: Decodable {
            var text: String
            var count: Int
        }
        struct Role: Decodable {
            var title: String
        }
        struct Entry: Decodable {
            var id: String
            var name: String
            var kind: String
            var discovered: Bool
            var mentions: Int
            var aliasesSeen: [Seen]
            var affiliation: String?
            var roles: [Role]
        }
        var actors: [Entry]
    }

    static func actors(_ extra: [String] = []) throws -> (list: ActorList, stderr: String) {
        let r = try json(ActorList.self, ["actors"] + extra)
        return (r.value, r.stderr)
    }

    /// Each key actor of the corpus with spellings that must all land on it:
    /// abbreviations with and without dots, capitals for states, demonyms,
    /// surnames after a full mention, and spelling variants.
    static let mergedForms: [(id: String, forms: [String])] = [
        ("kr", ["South Korea", "Republic of Korea", "ROK", "Seoul", "the Blue House", "South Korean"]),
        ("us", ["the United States", "US", "U.S.", "Washington", "American"]),
        ("kp", ["North Korea", "DPRK", "Pyongyang", "North Korean"]),
        ("cn", ["China", "PRC", "Beijing", "Chinese"]),
        ("jp", ["Japan", "Tokyo", "Japanese"]),
        ("moon-jae-in", ["Moon Jae-in", "Moon"]),
        ("yoon-suk-yeol", ["Yoon Suk-yeol", "Yoon"]),
        ("joe-biden", ["Joe Biden", "Biden"]),
        ("kim-jong-un", ["Kim Jong-un", "Kim Jong Un"]),
        ("xi-jinping", ["Xi Jinping", "Xi"]),
        ("denuclearisation", ["denuclearisation", "denuclearization"]),
    ]

    /// Other actors the briefs are written about; each must be found at least once.
    static let present = [
        "donald-trump", "kim-yo-jong", "kang-kyung-wha", "chung-eui-yong", "park-jin", "lee-soo-hyuk",
        "nam-gwan-pyo", "antony-blinken", "lloyd-austin", "jake-sullivan", "mike-pompeo", "marc-knapper",
        "wang-yi", "abe-shinzo", "suga-yoshihide", "kishida-fumio", "sergei-shoigu", "ru", "in", "au",
        "tw", "un", "unsc", "nato", "asean", "iaea", "quad", "usfk", "us-house", "white-house", "cnas",
        "thaad", "sma", "joint-exercises", "cptpp", "gsomia", "ncg", "abductions", "indo-pacific-strategy",
        "sanctions",
    ]

    @Test func keyActorsAppearWithEverySpellingMerged() throws {
        let (list, stderr) = try Self.actors()
        // Dictionary problems (duplicate ids, alias clashes, unknown keys) and
        // unreadable corpus files would all be reported here.
        #expect(stderr.isEmpty, "unexpected stderr: \(stderr)")
        let byId = Dictionary(list.actors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, forms) in Self.mergedForms {
            guard let a = byId[id] else {
                Issue.record("\(id) not found in the bundled corpus")
                continue
            }
            let seen = Set(a.aliasesSeen.map(\.text))
            for f in forms {
                #expect(seen.contains(f), "\(id) was never seen as \"\(f)\"; seen: \(seen.sorted())")
            }
            #expect(a.mentions == a.aliasesSeen.reduce(0) { $0 + $1.count })
        }
        for id in Self.present {
            #expect((byId[id]?.mentions ?? 0) > 0, "\(id) is never mentioned")
        }
        // Merged means no second, discovered actor under a spelling a known actor already owns.
        let known = Set(list.actors.filter { !$0.discovered }.flatMap { $0.aliasesSeen.map(\.text) })
        for a in list.actors where a.discovered {
            #expect(!known.contains(a.name), "\(a.name) was discovered although a dictionary actor owns that name")
        }
        // The states the corpus is about lead the list.
        let topFive = Set(list.actors.prefix(5).map(\.id))
        #expect(topFive == ["kr", "us", "kp", "cn", "jp"], "top five: \(topFive.sorted())")
    }

    @Test func bundledDictionaryCoversStatesPersonsOrganisationsAndTopics() throws {
        let (list, stderr) = try Self.actors(["--all"])
        #expect(stderr.isEmpty, "unexpected stderr: \(stderr)")
        let entries = list.actors.filter { !$0.discovered }
        let ids = Set(entries.map(\.id))
        #expect(ids.count == entries.count, "duplicate ids in the bundled dictionary")
        #expect(entries.count >= 300)
        let count = { (kind: String) in entries.filter { $0.kind == kind }.count }
        // 193 UN member states plus the main non-members.
        #expect(count("country") >= 198)
        #expect(count("person") >= 50)
        #expect(count("organization") >= 30)
        #expect(count("topic") >= 20)
        for p in entries where p.kind == "person" {
            #expect(p.affiliation.map(ids.contains) == true, "\(p.id) has no known affiliation")
            #expect(!p.roles.isEmpty, "\(p.id) has no role")
        }
        for o in entries where o.kind == "organization" {
            if let a = o.affiliation { #expect(ids.contains(a), "\(o.id) is affiliated to unknown \(a)") }
        }
    }

    /// The subset of `polex timeline --json` these tests read.
    struct TimelineList: Decodable {
        struct Interval: Decodable {
            var start: String
        }
        struct ActorRef: Decodable {
            var id: String
        }
        struct Event: Decodable {
            var value: String
            var interval: Interval?
            var actors: [ActorRef]
            var sourceCount: Int
        }
        struct Undated: Decodable {
            var path: String
        }
        var events: [Event]
        var undatedDocuments: [Undated]
    }

    /// Milestones the briefs date in full, from the invasion to Camp David.
    static let milestones = [
        "1950-06-25", "1953-07-27", "1953-10-01", "1954-11-17", "1992-08-24", "2016-07-08", "2018-04-27",
        "2018-06-12", "2020-11-12", "2021-03-12", "2021-05-21", "2022-03-09", "2023-04-26", "2023-08-18",
    ]

    /// Dates of the unrelated "Recent Posts" and "Related Posts" headlines in the clippings.
    static let boilerplateDates = ["2020-10-03", "2020-09-21", "2020-11-30", "2020-12-14", "2020-12-09", "2020-12-02"]

    @Test func timelineSpansTheKoreanWarToCampDavid() throws {
        let (t, stderr) = try Self.json(TimelineList.self, ["timeline"])
        #expect(stderr.isEmpty, "unexpected stderr: \(stderr)")
        #expect(t.undatedDocuments.isEmpty, "undated: \(t.undatedDocuments.map(\.path))")
        let startYears = t.events.compactMap { $0.interval.flatMap { Int($0.start.prefix(4)) } }
        #expect(startYears.min() == 1950)
        #expect(startYears.max() == 2023)
        let values = Set(t.events.map(\.value))
        for m in Self.milestones {
            #expect(values.contains(m), "no event on \(m)")
        }
        for d in Self.boilerplateDates {
            #expect(!values.contains(d), "a boilerplate headline date \(d) entered the timeline")
        }
        // The first Moon–Biden call is told by a brief, a clipping and a wire item: one event, three sources.
        let call = t.events.filter { $0.value == "2020-11-12" }.map(\.sourceCount).max() ?? 0
        #expect(call >= 3)
        let invasion = t.events.first { $0.value == "1950-06-25" }
        #expect(invasion?.actors.contains { $0.id == "kp" } == true)
    }

    /// The empty stderr above proves something only if the loader would speak
    /// up: a user dictionary that repeats an id and takes a bundled alias must be reported.
    @Test func dictionaryProblemsAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("clash.yaml")
        try """
        - {id: twice, name: First Entry, kind: person}
        - {id: twice, name: Second Entry, kind: person}
        - {id: capital-copy, name: Capital Copy, kind: organization, aliases: [Pyongyang]}

        """.write(to: file, atomically: true, encoding: .utf8)
        let (list, stderr) = try Self.actors(["--actors", file.path])
        #expect(stderr.contains("duplicate id \"twice\""), "stderr: \(stderr)")
        #expect(stderr.contains("\"Pyongyang\""), "stderr: \(stderr)")
        // The bundled owner keeps the alias.
        #expect(list.actors.first { $0.id == "kp" }?.aliasesSeen.contains { $0.text == "Pyongyang" } == true)
    }
}
