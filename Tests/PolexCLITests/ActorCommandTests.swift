import Foundation
import Testing

/// The JSON contract of `polex actors`, `mentions`, `relations` and `quotes`,
/// on a corpus and dictionary written here (one sentence per file, so the
/// result does not depend on how sentences are split).
@Suite struct ActorCommandTests {
    /// A temporary corpus with its own data folder (actors.yaml, relations.yaml).
    final class Corpus {
        let root: URL
        var articles: String { root.appendingPathComponent("articles").path }
        var env: [String: String] { ["POLEX_DATA": root.appendingPathComponent("data").path] }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("polex-actors-\(UUID().uuidString)")
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
            try fm.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
            try """
                - {id: kr, name: South Korea, kind: country, aliases: [Seoul, ROK], demonyms: [South Korean]}
                - {id: jp, name: Japan, kind: country, aliases: [Tokyo]}
                - {id: us, name: United States, kind: country, aliases: [US, Washington]}
                - {id: moon-jae-in, name: Moon Jae-in, kind: person, affiliation: kr}
                - {id: joe-biden, name: Joe Biden, kind: person, affiliation: us}
                """.write(to: root.appendingPathComponent("data/actors.yaml"), atomically: true, encoding: .utf8)
            try """
                classes:
                  verbal-cooperation: {weight: 3.5, cues: [talks, praised]}
                  verbal-conflict: {weight: -4, cues: [warned]}
                negations: [not]
                hedges: [may]
                """.write(to: root.appendingPathComponent("data/relations.yaml"), atomically: true, encoding: .utf8)
            let files = [
                "a.txt": "Seoul and Tokyo held talks on trade.\n",
                "b.txt": "Tokyo warned Seoul about the fishing dispute.\n",
                "c.txt": "Joe Biden praised Moon Jae-in in Washington.\n",
                "d.txt": "The Baltic Grain Exchange reopened while Seoul watched.\n",
                "e.txt": "The Baltic Grain Exchange closed early for the holiday.\n",
                "f.txt": "\u{201C}The door to talks with Tokyo stays open for good,\u{201D} said Moon Jae-in.\n",
            ]
            for (name, text) in files {
                try text.write(to: root.appendingPathComponent("articles/" + name), atomically: true, encoding: .utf8)
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func run(_ args: [String]) throws -> Polex.Result { try Polex.run(args, environment: env) }

        func json(_ args: [String]) throws -> [String: Any] {
            let r = try run(args + ["--json"])
            #expect(r.status == 0, "\(r.stderr)")
            let any = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            return try #require(any as? [String: Any])
        }
    }

    @Test func actorsJSONListsMostMentionedFirst() throws {
        let c = try Corpus()
        let out = try c.json(["actors", c.articles])
        let actors = try #require(out["actors"] as? [[String: Any]])
        let ids = actors.compactMap { $0["id"] as? String }
        #expect(ids.first == "kr")
        #expect(Set(ids).isSuperset(of: ["kr", "jp", "us", "moon-jae-in", "joe-biden"]))
        let counts = actors.compactMap { $0["mentions"] as? Int }
        #expect(counts == counts.sorted(by: >))
        let kr = try #require(actors.first)
        #expect(kr["documents"] as? Int == 3)
        #expect(kr["kind"] as? String == "country")
        #expect(kr["discovered"] as? Bool == false)
        let seen = try #require(kr["aliasesSeen"] as? [[String: Any]])
        #expect(seen.first?["text"] as? String == "Seoul")
        #expect(seen.first?["count"] as? Int == 3)
    }

    @Test func actorsFilterByKind() throws {
        let c = try Corpus()
        let actors = try #require(try c.json(["actors", "--kind", "person", c.articles])["actors"] as? [[String: Any]])
        #expect(Set(actors.compactMap { $0["id"] as? String }) == ["moon-jae-in", "joe-biden"])
    }

    @Test func candidatesArePasteableYAML() throws {
        let c = try Corpus()
        let r = try c.run(["actors", "--candidates", c.articles])
        #expect(r.status == 0)
        #expect(r.stdout.contains("- id: baltic-grain-exchange\n  name: Baltic Grain Exchange\n  kind: "))
        #expect(r.stdout.contains("2 mentions in 2 documents"))
        let list = try #require(try c.json(["actors", "--candidates", c.articles])["candidates"] as? [[String: Any]])
        #expect(list.first?["name"] as? String == "Baltic Grain Exchange")
        #expect(list.first?["documents"] as? Int == 2)
    }

    @Test func mentionsByAliasInAnyCase() throws {
        let c = try Corpus()
        let out = try c.json(["mentions", "seoul", c.articles])
        #expect((out["actor"] as? [String: Any])?["id"] as? String == "kr")
        let ms = try #require(out["mentions"] as? [[String: Any]])
        #expect(ms.count == 3)
        let first = try #require(ms.first)
        #expect(first["text"] as? String == "Seoul")
        #expect((first["sentence"] as? String)?.hasSuffix(":s0") == true)
        #expect((first["reason"] as? [String: Any])?["kind"] as? String == "alias")
        #expect((first["context"] as? String)?.contains("[Seoul]") == true)
    }

    @Test func unknownActorIsAClearErrorWithSuggestions() throws {
        let c = try Corpus()
        let r = try c.run(["mentions", "Tokio", c.articles])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no actor named \"Tokio\""))
        #expect(r.stderr.contains("Japan (jp)"))
    }

    @Test func relationsJSONCarriesEvidence() throws {
        let c = try Corpus()
        let rels = try #require(try c.json(["relations", c.articles])["relations"] as? [[String: Any]])
        let top = try #require(rels.first)
        #expect((top["a"] as? [String: Any])?["id"] as? String == "kr")
        #expect((top["b"] as? [String: Any])?["id"] as? String == "jp")
        #expect(top["evidenceCount"] as? Int == 2)
        #expect(top["documents"] as? Int == 2)
        let ev = try #require(top["evidence"] as? [[String: Any]])
        #expect(ev.compactMap { $0["cue"] as? String } == ["talks", "warned"])
        #expect(ev.compactMap { $0["class"] as? String } == ["verbal-cooperation", "verbal-conflict"])
        #expect(ev.compactMap { $0["tone"] as? Double } == [3.5, -4])
        #expect(ev.allSatisfy { ($0["sentence"] as? String)?.contains(":s") == true })
        let counts = try #require(top["classCounts"] as? [String: Int])
        #expect(counts == ["verbal-cooperation": 1, "verbal-conflict": 1])
    }

    @Test func relationsFiltersAndRollUp() throws {
        let c = try Corpus()
        let strong = try #require(try c.json(["relations", "--min-weight", "2", c.articles])["relations"] as? [[String: Any]])
        #expect(strong.count == 1)
        let up = try c.json(["relations", "--roll-up", "--actor", "us", c.articles])
        #expect(up["rolledUp"] as? Bool == true)
        let rels = try #require(up["relations"] as? [[String: Any]])
        let pairs = rels.map { r in
            Set([(r["a"] as? [String: Any])?["id"] as? String ?? "", (r["b"] as? [String: Any])?["id"] as? String ?? ""])
        }
        #expect(pairs == [["us", "kr"]])
        let table = try c.run(["relations", c.articles])
        #expect(table.stdout.contains("South Korea — Japan"))
    }

    @Test func quotesJSONNamesTheSpeaker() throws {
        let c = try Corpus()
        let qs = try #require(try c.json(["quotes", "--actor", "Moon Jae-in", c.articles])["quotes"] as? [[String: Any]])
        #expect(qs.count == 1)
        #expect((qs.first?["speaker"] as? [String: Any])?["id"] as? String == "moon-jae-in")
        #expect(qs.first?["attribution"] as? String == "quote-then-said")
        #expect((qs.first?["text"] as? String)?.hasPrefix("The door to talks") == true)
    }

    @Test func badDictionaryIsReportedAndPolexStillRuns() throws {
        let c = try Corpus()
        let bad = c.root.appendingPathComponent("bad.yaml").path
        try "- {id: zz, name: Zed, kind: planet}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try c.run(["actors", "--actors", bad, c.articles])
        #expect(r.status == 0)
        #expect(r.stderr.contains("bad.yaml:1"))
        #expect(r.stderr.contains("planet"))
        #expect(r.stdout.contains("South Korea"))
    }
}
