import Foundation
import Testing

/// Documents and file names are untrusted: whatever escape, C1 or bidi control
/// they carry must never reach the terminal through a subcommand's output.
/// Text mode shows placeholders; `--json` escapes them inside strings.
@Suite struct HostileOutputTests {
    static let esc = "\u{1B}"

    /// A corpus whose text and file names carry clear-screen, title, clipboard
    /// (OSC 52) and device-control sequences, C1 CSI/OSC/ST/NEL and bidi overrides.
    static func corpus() throws -> CorpusCommandTests.Corpus {
        let e = esc
        let article = """
            ---
            title: "Harbour \\e]0;owned\\a talks \\u009b2J"
            date: 2021-03-04
            source: "Ledger \\e[2J"
            ---
            The harbour talks resumed on 3 March 2021 \(e)[2J\(e)[H after a pause. \
            China said the harbour talks \(e)]52;c;aGVsbG8=\(e)\\ would continue in April 2021, \
            according to a statement.

            The \u{9B}31m envoy \u{202E}eerga\u{202C} said \(e)]0;pwned\u{07} that the talks ended \u{85} on 9 March 2021. \
            Japan welcomed the harbour talks in May 2021 \(e)P1$r\(e)\\ and the United States \u{9D}2;x\u{9C} agreed.
            """
        return try CorpusCommandTests.Corpus(
            files: [
                "hostile\(e)[31m.md": article,
                "c1\u{9B}31m-\u{202E}cod.md": "Harbour notes\n\nThe harbour talks on 5 March 2021 went on late.",
                "empty\(e)]0;title\u{07}.md": "",
            ],
            binary: ["bin\u{9B}2J.txt": [0x62, 0x00, 0x1B, 0x5B, 0x32, 0x4A]])
    }

    static let subcommands: [[String]] = [
        ["search", "harbour"], ["mentions", "China"], ["timeline"], ["docs"], ["stats"], ["actors"], ["quotes"],
        ["relations"],
    ]

    /// Scalars a terminal may act on: C0 controls other than newline and tab, DEL,
    /// C1 controls, bidi embeddings, overrides and isolates.
    static func controls(in text: String) -> [String] {
        text.unicodeScalars.filter { u in
            switch u.value {
            case 0x0A, 0x09: false
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { String(format: "U+%04X", $0.value) }
    }

    @Test(arguments: subcommands) func textOutputCarriesNoControls(_ command: [String]) throws {
        let c = try Self.corpus()
        let r = try c.run(command + [c.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.isEmpty)
        #expect(!r.stdout.utf8.contains(0x1B))
        #expect(Self.controls(in: r.stdout) == [], "stdout of \(command)")
        // Skipped files are named on stderr, which is the same terminal.
        #expect(r.stderr.contains("empty"))
        #expect(Self.controls(in: r.stderr) == [], "stderr of \(command)")
    }

    @Test func textOutputShowsTheHostileDocument() throws {
        let c = try Self.corpus()
        let docs = try c.run(["docs", c.path]).stdout
        #expect(docs.contains("hostile?[31m.md"))
        #expect(docs.contains("Harbour"))
        let search = try c.run(["search", "harbour", c.path]).stdout
        #expect(search.contains("[harbour]"))
        #expect(search.contains("hostile?[31m.md"))
        let timeline = try c.run(["timeline", c.path]).stdout
        #expect(timeline.contains("2021-03-03"))
        let mentions = try c.run(["mentions", "China", c.path]).stdout
        #expect(mentions.contains("[China]"))
    }

    @Test(arguments: subcommands) func jsonOutputEscapesControls(_ command: [String]) throws {
        let c = try Self.corpus()
        let r = try c.run(command + [c.path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.utf8.contains(0x1B))
        #expect(Self.controls(in: r.stdout) == [], "stdout of \(command) --json")
        #expect(Self.controls(in: r.stderr) == [], "stderr of \(command) --json")
        #expect(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) is [String: Any])
    }

    /// Escaped, not dropped: decoding the JSON gives the file names back exactly.
    @Test func jsonKeepsTheExactNames() throws {
        let c = try Self.corpus()
        let docs = try #require(try c.json(["docs", c.path])["documents"] as? [[String: Any]])
        let paths = Set(docs.compactMap { $0["path"] as? String })
        #expect(paths.contains("hostile\(Self.esc)[31m.md"))
        #expect(paths.contains("c1\u{9B}31m-\u{202E}cod.md"))
        let raw = try c.run(["docs", c.path, "--json"]).stdout
        #expect(raw.contains("hostile\\u001b[31m.md"))
        #expect(raw.contains("c1\\u009b31m-\\u202ecod.md"))
    }
}
