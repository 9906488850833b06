import Foundation
import Testing

@testable import PolicyIndex

/// The byte-level front matter reader (`FlatYAML`) must read everything it
/// accepts exactly as Yams does, and hand everything else to Yams. Each test
/// parses the same bytes both ways and compares the whole result (fields, tags,
/// date, warning).
@Suite struct FrontMatterFastPathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func parse(_ yaml: String, fastPath: Bool) -> FrontMatter {
        Array(yaml.utf8).withUnsafeBufferPointer { FrontMatter.parse($0, fastPath: fastPath) }
    }

    static func flat(_ yaml: String) -> [FlatYAML.Entry]? {
        Array(yaml.utf8).withUnsafeBufferPointer { FlatYAML.entries($0) }
    }

    /// The front matter of a Markdown file, as the reader would pass it on.
    static func frontMatter(of bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { t in
            FrontMatter.split(t).yaml.map { String(decoding: UnsafeBufferPointer(rebasing: t[$0]), as: UTF8.self) }
        }
    }

    static func yams(_ yaml: String) -> [FlatYAML.Entry]? {
        Array(yaml.utf8).withUnsafeBufferPointer { try? FrontMatter.yamsEntries($0) }
    }

    /// Returns the inputs where the two paths disagree, with both results: in the
    /// fields they give, and (where the fast path reads the input) in every raw value.
    static func disagreements(_ inputs: [String]) -> [String] {
        inputs.compactMap { yaml in
            let fast = parse(yaml, fastPath: true)
            let full = parse(yaml, fastPath: false)
            if fast != full { return "\(yaml.debugDescription)\n  fast: \(fast)\n  yams: \(full)" }
            if let entries = flat(yaml), entries != yams(yaml) {
                return "\(yaml.debugDescription)\n  fast: \(entries)\n  yams: \(String(describing: yams(yaml)))"
            }
            return nil
        }
    }

    // MARK: Inputs

    static func markdownFiles(under dir: URL) -> [URL] {
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        return (e?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    static var bundled: [String] {
        markdownFiles(under: root.appendingPathComponent("data/corpus")).compactMap {
            (try? Data(contentsOf: $0)).flatMap { frontMatter(of: Array($0)) }
        }
    }

    static var fuzzSeeds: [String] {
        let dirs = [
            root.appendingPathComponent("Fuzz/Corpus/FuzzFrontMatter"),
            root.appendingPathComponent("Tests/PolicyIndexTests/Fixtures/FuzzRegressions/FuzzFrontMatter"),
        ]
        return dirs.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().compactMap { name in
                (try? Data(contentsOf: dir.appendingPathComponent(name))).flatMap { frontMatter(of: Array($0)) }
            }
        }
    }

    /// Front matter in the shapes real articles and the benchmark generator use:
    /// quoted and plain titles, dates in several forms, flow and block tag lists,
    /// empty values, comments, CRLF line ends, non-ASCII text. All of it is flat.
    static func generated(_ count: Int) -> [String] {
        let titles = [
            "Talks resume in Geneva", "Seoul's envoy: a \"cautious\" plan", "Ten years after the accord — what changed",
            "Hanoi, Tokyo and the Mekong", "It's the economy", "Élysée statement on tariffs", "100 days",
        ]
        let dates = ["2014-12-16", "2020-11", "2009", "2021-03-04T09:30:00+09:00", "May 23, 2009", "12 November 2020", "soon"]
        let words = ["energy", "region", "tariffs", "north-korea", "sanctions", "Trade Policy", "iaea", "ümlaut"]
        return (0..<count).map { i in
            // Each choice mixes the article number with its own salt, so the inputs repeat exactly
            // and the choices do not move in step.
            func pick(_ n: Int, _ salt: Int) -> Int { ((i &* 2_654_435_761 &+ salt &* 40_503) >> 7) % n }
            let t = titles[pick(titles.count, 1)]
            let singleQuoted = "'\(t.replacingOccurrences(of: "'", with: "''"))'"
            let title =
                switch pick(3, 2) {
                case 0 where !t.contains("\""): "\"\(t)\""
                case 1: singleQuoted
                default: t.contains(": ") || t.hasPrefix("'") || t.contains("\"") ? singleQuoted : t
                }
            let picked = (0..<pick(5, 3)).map { words[pick(words.count, 10 + $0)] }
            let tags =
                switch pick(4, 4) {
                case 0: " [\(picked.joined(separator: ", "))]"
                case 1: " [\(picked.map { "\"\($0)\"" }.joined(separator: ","))]"
                case 2: picked.isEmpty ? "" : "\n" + picked.map { "  - \($0)" }.joined(separator: "\n")
                default: picked.isEmpty ? " []" : "\n" + picked.map { "- '\($0)'" }.joined(separator: "\n")
                }
            var lines = [
                "title: \(title)", "date: \(dates[pick(dates.count, 5)])", "source: Polex Synthetic Wire",
                "author: \(["Irene Galloway", "Tomas Rasmussen", "Kim Min-ji", ""][pick(4, 6)])", "tags:\(tags)",
                "url: https://example.org/briefs/\(i)",
            ]
            let turn = pick(lines.count, 7)
            lines = Array(lines[turn...] + lines[..<turn])
            if pick(5, 8) == 0 { lines.insert("# a comment line", at: 1) }
            if pick(5, 9) == 0 { lines.append("Keywords: \(words[pick(words.count, 20)]), \(words[pick(words.count, 21)])") }
            if pick(6, 30) == 0 { lines.append("") }
            let lineEnd = pick(8, 31) == 0 ? "\r\n" : "\n"
            return lines.joined(separator: lineEnd) + lineEnd
        }
    }

    /// Hand-written cases at the edge of the subset, on both sides of it.
    static let edges = [
        "", "\n", "# only a comment\n", "title:\n", "title:\ndate: 2020\n", "title: \"\"\n", "title: ''\n",
        "title: a  b   \n", "title: it's: here\n", "title: C# and F#\n", "title: a #b\n", "title: a#b\n",
        "url: https://example.org/a?b=c#d\n", "title: [a, b]\n", "tags: []\n", "tags: [ ]\n", "tags: [a,]\n",
        "tags: [a,,b]\n", "tags: [\"a, b\", c]\n", "tags: ['it''s', b]\n", "tags: [a: b]\n", "tags: [a b, c]\n",
        "tags: [a\n", "tags: [a] x\n", "tags:\n- a\n-\n- b\n", "tags:\n  - a\n - b\n", "tags:\n  - a\n    b\n",
        "tags:\n  - a\n  - b: c\n", "tags:\n  - [a]\n", "tags:\n  # c\n  - a\n", "tags:\n# c\n  - a\n",
        "title: x\n  continued\n", "title: >\n  folded\n", "title: |\n  literal\n", "title: &a x\nb: *a\n",
        "title: !!str 1\n", "title: \"a\\\"b\"\n", "title: \"a\" b\n", "title: 'a'' b'\n", "title: 'open\n",
        "date: 2020-01-02\ndate: 2021\n", "Date: 2020-01-02\ndate: 2021\n", "title:\tx\n", "title: x\r\n",
        "title: a\rb\n", "? complex\n: key\n", "- a\n- b\n", "just text\n", "key:value\n", "a: b: c\n",
        "a: {b: c}\n", "a:\n  b: c\n", "%YAML 1.1\n", "<<: x\n", "_k: v\n", "k.e-y: v\n", "-k: v\n",
        "title: \u{85}x\n", "title: x\u{2028}y\n", "\u{FEFF}title: x\n", "title: \u{A0}x\u{A0}\n", "title: \u{1}\n",
        "title: -1\n", "title: ~\n", "title: null\n", "tags: a, b, c\n", "tags:\n", "tags:\n-\n", "categories: [x]\ntags: [y]\n",
        "k:  \n", "k:    v  \n", "title: \"a\"   \n", "title: 'a'  # c\n", "title: x\n\n\nauthor: y\n",
        String(repeating: "k", count: 1100) + ": v\n", "tags:\n  - a\n\n  - b\n", "tags: [\"]\"]\n", "1: x\n2: y\n",
        "yes: a\nYes: b\n",
    ]

    /// Every input with a troublesome piece of text spliced in at each line start and end, and after each `: `.
    static func mutations(of inputs: [String]) -> [String] {
        let pieces = [
            "#", " #c", "&a ", "*a", "!t ", "|", ">", "\t", "\"", "'", ": ", "-", "- ", "[", "]", "{", ",", "\\", "\r",
            "  ", "\n  ", "\n- ", "%", "?", "\u{85}", "\u{2028}", "x: y\n", "  x: y\n",
        ]
        var out: [String] = []
        for input in inputs {
            let u = Array(input.utf8)
            var spots: [Int] = [0]
            for i in u.indices {
                if u[i] == 0x0A { spots.append(i) }
                if u[i] == 0x0A, i + 1 < u.count { spots.append(i + 1) }
                if u[i] == 0x3A, i + 1 < u.count, u[i + 1] == 0x20 { spots.append(i + 2) }
            }
            for s in spots {
                for p in pieces {
                    out.append(String(decoding: u[..<s] + Array(p.utf8) + u[s...], as: UTF8.self))
                }
            }
        }
        return out
    }

    // MARK: Tests

    @Test func bundledCorpusReadsTheSameAndStaysOnTheFastPath() {
        let inputs = Self.bundled
        #expect(inputs.count >= 3)
        #expect(Self.disagreements(inputs) == [])
        for yaml in inputs { #expect(Self.flat(yaml) != nil, "left the fast path: \(yaml)") }
    }

    @Test func generatedFrontMatterReadsTheSameAndStaysOnTheFastPath() {
        let inputs = Self.generated(300)
        #expect(Self.disagreements(inputs) == [])
        for yaml in inputs { #expect(Self.flat(yaml) != nil, "left the fast path: \(yaml.debugDescription)") }
        // The generated values do reach the fields: dates parse, tags are listed.
        let read = inputs.map { Self.parse($0, fastPath: true) }
        #expect(read.filter { $0.date != nil }.count > 100)
        #expect(read.filter { !$0.tags.isEmpty }.count > 100)
    }

    @Test func fuzzSeedsReadTheSame() {
        let inputs = Self.fuzzSeeds
        #expect(!inputs.isEmpty)
        #expect(Self.disagreements(inputs) == [])
    }

    @Test func edgeCasesReadTheSame() {
        #expect(Self.disagreements(Self.edges) == [])
        // Both sides of the subset are exercised.
        let accepted = Self.edges.filter { Self.flat($0) != nil }.count
        #expect(accepted > 20)
        #expect(Self.edges.count - accepted > 20)
    }

    @Test func mutatedInputsReadTheSame() {
        let bases = Array(Self.generated(6)) + Array(Self.bundled.prefix(1)) + ["tags:\n  - a\n  - 'b'\ntitle: \"t\"\n"]
        let inputs = Self.mutations(of: bases)
        #expect(inputs.count > 1000)
        #expect(Self.disagreements(inputs) == [])
        // Many mutations stay flat (a space, a quote inside a value), so both paths are compared on them.
        #expect(inputs.filter { Self.flat($0) != nil }.count > 300)
    }

    @Test func constructsOutsideTheSubsetGoToYams() {
        for yaml in [
            "title: &a x\nb: *a\n", "title: !!str 1\n", "title: |\n  literal\n", "a:\n  b: c\n", "title: x\n  continued\n",
            "a: {b: c}\n", "title: \"a\\tb\"\n", "date: 2020\ndate: 2021\n", "title:\tx\n", "title: a #b\n",
        ] {
            #expect(Self.flat(yaml) == nil, "\(yaml.debugDescription)")
        }
    }

    @Test func flatValuesAreReadAsYAMLReadsThem() {
        #expect(
            Self.flat("title: 'it''s'\ntags: [a, \"b, c\"]\nkeywords:\n- x\n-\nempty:\nurl: https://e.org/a#b  \n")
                == [
                    FlatYAML.Entry(key: "title", value: .scalar("it's")),
                    FlatYAML.Entry(key: "tags", value: .list(["a", "b, c"])),
                    FlatYAML.Entry(key: "keywords", value: .list(["x", ""])),
                    FlatYAML.Entry(key: "empty", value: .scalar("")),
                    FlatYAML.Entry(key: "url", value: .scalar("https://e.org/a#b")),
                ])
    }
}
