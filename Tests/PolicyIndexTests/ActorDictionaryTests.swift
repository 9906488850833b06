import Foundation
import Testing

@testable import PolicyIndex

@Suite struct ActorDictionaryTests {
    @Test func fixtureDictionaryLoadsCleanly() {
        let (dict, issues) = ActorDictionary.parse(yaml: ActorFixtures.dictionaryYAML)
        #expect(issues.isEmpty, "\(issues)")
        #expect(dict.entries.count == 11)
        let kr = dict.entries[dict.index(of: "kr")!]
        #expect(kr.demonyms == ["South Korean"])
        #expect(kr.notMentions == ["Seoul Olympics"])
        #expect(kr.origin == "actors.yaml:1")
    }

    @Test func badEntriesAreReportedWithTheirLineAndSkipped() {
        let yaml = """
            - id: kr
              name: South Korea
              kind: country
            - name: No Id
              kind: country
            - id: xx
              name: Nowhere
              kind: planet
            - id: yy
              kind: country
            - id: zz
              name: Zed
              kind: person
              roles:
                - {title: Envoy, from: someday}
              alias: [Zee]
            """
        let (dict, issues) = ActorDictionary.parse(yaml: yaml, path: "mine.yaml")
        #expect(dict.entries.map(\.id) == ["kr", "zz"])
        let lines = issues.map { $0.line ?? -1 }
        #expect(lines == [4, 8, 15, 16, 9])
        #expect(issues.allSatisfy { $0.path == "mine.yaml" })
        #expect(issues[1].reason.contains("planet"))
        #expect(issues[3].reason.contains("alias"))
        #expect(issues[4].reason.contains("name"))
    }

    @Test func invalidYAMLIsOneIssueWithALine() {
        let (dict, issues) = ActorDictionary.parse(yaml: "- id: kr\n  name: [unclosed\n- id: kp\n", path: "broken.yaml")
        #expect(dict.entries.isEmpty)
        #expect(issues.count == 1)
        #expect(issues.first?.severity == .skipped)
        #expect(issues.first?.line != nil)
        #expect(issues.first?.description.hasPrefix("skipped broken.yaml:") == true)
    }

    @Test func duplicateIdsAndAliasClashesAreReported() {
        let yaml = """
            - {id: kr, name: South Korea, kind: country, aliases: [Seoul, Korea]}
            - {id: kp, name: North Korea, kind: country, aliases: [Korea]}
            - {id: kr, name: Korea Again, kind: country}
            """
        let (dict, issues) = ActorDictionary.parse(yaml: yaml)
        #expect(dict.entries.map(\.name) == ["South Korea", "North Korea"])
        #expect(issues.count == 2)
        #expect(issues.contains { $0.line == 3 && $0.reason.contains("duplicate id \"kr\"") })
        #expect(issues.contains { $0.line == 2 && $0.reason.contains("\"Korea\"") && $0.reason.contains("kept for \"kr\"") })
        // The clash is settled for the first entry.
        let d = ActorFixtures.document("Korea voted.")
        let a = ActorAnalyzer(dictionary: dict).analyze([d])
        #expect(a.mentions.map { a.actors[$0.actor.index].id } == ["kr"])
    }

    @Test func filesLoadInOrderAndLaterFilesExtendEntries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-dict-\(UUID().uuidString)")
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent(".polex"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundled = dir.appendingPathComponent("actors.yaml").path
        let extra = dir.appendingPathComponent("extra.yaml").path
        try "- {id: kr, name: South Korea, kind: country, aliases: [Seoul]}\n".write(toFile: bundled, atomically: true, encoding: .utf8)
        try "- {id: kr, aliases: [Hanguk]}\n- {id: eu, name: European Union, kind: organization, aliases: [EU]}\n"
            .write(toFile: extra, atomically: true, encoding: .utf8)
        try "- {id: nz, name: New Zealand, kind: country}\n- this is not a mapping\n"
            .write(toFile: corpus.appendingPathComponent(".polex/actors.yaml").path, atomically: true, encoding: .utf8)
        let (dict, issues) = ActorDictionary.load(
            bundled: bundled, files: [extra, dir.appendingPathComponent("missing.yaml").path], corpusRoots: [corpus.path])
        #expect(dict.entries.map(\.id) == ["kr", "eu", "nz"])
        #expect(dict.entries[0].aliases == ["Seoul", "Hanguk"])
        #expect(issues.count == 2)
        #expect(issues.contains { $0.path.hasSuffix("missing.yaml") && $0.severity == .skipped })
        #expect(issues.contains { $0.path.hasSuffix(".polex/actors.yaml") && $0.line == 2 })
    }

    @Test func notUTF8FileIsSkipped() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("polex-bad-\(UUID().uuidString).yaml").path
        try Data([0x2D, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (dict, issues) = ActorDictionary.load(bundled: nil, files: [path], corpusRoots: [])
        #expect(dict.entries.isEmpty)
        #expect(issues.map(\.reason) == ["not UTF-8 text"])
    }

    @Test func unknownAffiliationIsReported() {
        let (_, issues) = ActorDictionary.parse(yaml: "- {id: a, name: Ann Lee, kind: person, affiliation: nowhere}\n")
        #expect(issues.count == 1)
        #expect(issues.first?.line == 1)
        #expect(issues.first?.reason.contains("nowhere") == true)
    }
}
