import Foundation
import Testing

@testable import PolicyIndex

/// Replays every input the fuzz targets (Fuzz/, scripts/fuzz) ever crashed on,
/// and the seed inputs, through the same invariant checks.
@Suite struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/FuzzRegressions")
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    static func inputs(_ target: String) -> [URL] {
        [fixtures, seeds].flatMap { base in
            let dir = base.appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
        }
    }

    @Test func sentenceSplitterFindings() throws {
        let inputs = Self.inputs("FuzzSentences")
        #expect(!inputs.isEmpty)
        for url in inputs { #expect(ParserInvariants.sentences(Array(try Data(contentsOf: url))) == [], "\(url.lastPathComponent)") }
    }

    @Test func htmlFindings() throws {
        let inputs = Self.inputs("FuzzHTML")
        #expect(!inputs.isEmpty)
        for url in inputs {
            #expect(ParserInvariants.article(Array(try Data(contentsOf: url)), format: .html) == [], "\(url.lastPathComponent)")
        }
    }

    @Test func frontMatterFindings() throws {
        let inputs = Self.inputs("FuzzFrontMatter")
        #expect(!inputs.isEmpty)
        for url in inputs {
            #expect(ParserInvariants.article(Array(try Data(contentsOf: url)), format: .markdown) == [], "\(url.lastPathComponent)")
        }
    }

    @Test func dateExpressionFindings() throws {
        let inputs = Self.inputs("FuzzDates")
        #expect(!inputs.isEmpty)
        for url in inputs { #expect(ParserInvariants.dates(Array(try Data(contentsOf: url))) == [], "\(url.lastPathComponent)") }
    }

    @Test func queryParserFindings() throws {
        let inputs = Self.inputs("FuzzQuery")
        #expect(!inputs.isEmpty)
        for url in inputs { #expect(ParserInvariants.query(Array(try Data(contentsOf: url))) == [], "\(url.lastPathComponent)") }
    }
}
