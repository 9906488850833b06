import Foundation
import Testing

@testable import PolicyIndex

/// Hostile corpora built on the fly: every bad file is skipped or degraded with
/// exactly one issue naming it, every good file still loads, and nothing hangs.
@Suite struct BadCorporaTests {
    static let good = "Good Article Headline Here\n\nThe allies met on Tuesday. They agreed to meet again."

    /// Loads a corpus holding one bad file next to a good one, and returns the
    /// bad file's issues (the good file must load without any).
    func issues(for name: String, _ bytes: [UInt8]) throws -> (LoadResult, [LoadIssue]) {
        let corpus = TempCorpus()
        corpus.write("good.txt", Self.good)
        let bad = corpus.write(name, bytes: bytes)
        let r = try corpus.load()
        #expect(r.documents.contains { $0.path == "good.txt" && $0.title == "Good Article Headline Here" })
        #expect(!r.issues.contains { $0.path.hasSuffix("good.txt") })
        return (r, r.issues.filter { $0.path == bad })
    }

    @Test(arguments: [
        ("zip.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] + [UInt8](repeating: 0x41, count: 100), "binary file (NUL bytes)"),
        ("nul.md", Array("Some text\u{0}with a NUL in it".utf8), "binary file (NUL bytes)"),
        ("controls.txt", [UInt8](repeating: 0x02, count: 64) + Array("abc".utf8), "binary file (64 control bytes in the first 67)"),
        ("empty.txt", [], "empty file"),
        ("blank.md", Array("  \n\n\t \r\n".utf8), "no text"),
        ("empty-lines.jsonl", Array("\n\n  \n".utf8), "no articles (every line is blank)"),
        ("tags-only.html", Array("<html><head><title>t</title></head><body><script>x()</script></body></html>".utf8), "no text"),
    ] as [(String, [UInt8], String)])
    func skippedWithOneReason(_ name: String, _ bytes: [UInt8], _ reason: String) throws {
        let (r, own) = try issues(for: name, bytes)
        #expect(own.map(\.reason) == [reason])
        #expect(own.first?.severity == .skipped)
        #expect(r.documents.count == 1)
    }

    @Test func invalidUTF8LoadsWithOneWarning() throws {
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" Talks In Geneva Resume\n\nThe d".utf8) + [0xE9, 0x6C, 0xE9] + Array("gu".utf8) + [0xE9] + Array("s met.".utf8)
        let (r, own) = try issues(for: "latin1.txt", latin1)
        #expect(own.count == 1)
        #expect(own.first?.severity == .warning)
        #expect(own.first?.reason.contains("Windows-1252") == true)
        #expect(r.documents.contains { $0.title == "Café Talks In Geneva Resume" && $0.text.contains("The délégués met.") })
    }

    @Test func utf16WithBOMLoadsCleanly() throws {
        let text = "Talks In Seoul Resume\r\n\r\nThe envoys met – again."
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (r, own) = try issues(for: "utf16.txt", bytes)
        #expect(own.isEmpty)
        #expect(r.documents.contains { $0.text == "Talks In Seoul Resume\n\nThe envoys met – again." })
    }

    @Test func crOnlyAndMixedLineEnds() throws {
        let (r, own) = try issues(for: "mac.txt", Array("Old Mac Line Ends Here\r\rFirst para.\r\nSecond line\n\rThird.".utf8))
        #expect(own.isEmpty)
        let d = try #require(r.documents.first { $0.path == "mac.txt" })
        #expect(!d.text.contains("\r"))
        #expect(d.paragraphTexts.first == "Old Mac Line Ends Here")
    }

    @Test func malformedHugeAndBombYAMLDegradeToAWarning() throws {
        let bomb = (0..<12).map { i in i == 0 ? "a0: &a0 [x, x, x, x]" : "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1)]" }
        let cases: [(String, String, String)] = [
            ("malformed.md", "title: [oops\nkey: : value", "not valid YAML"),
            ("huge.md", "title: big\n" + String(repeating: "k: \(String(repeating: "v", count: 100))\n", count: 1000), "larger than 64 KB"),
            ("bomb.md", bomb.joined(separator: "\n"), "aliases"),
            ("deep.md", "x: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), "nested more than"),
            ("dashes.md", "x:\n" + String(repeating: "- ", count: 5_000) + "y", "nested more than"),
            ("scalar.md", "just a string", "not a key: value mapping"),
        ]
        for (name, yaml, reason) in cases {
            let (r, own) = try issues(for: name, Array("---\n\(yaml)\n---\n# Body Survives\n\nText after front matter.".utf8))
            #expect(own.count == 1, "\(name)")
            #expect(own.first?.severity == .warning, "\(name)")
            #expect(own.first?.reason.contains(reason) == true, "\(name): \(own.first?.reason ?? "none")")
            #expect(r.documents.contains { $0.path == name && $0.title == "Body Survives" }, "\(name)")
        }
    }

    @Test func brokenJSONLinesAreNamedByLine() throws {
        let lines = [
            "{\"title\": \"One\", \"text\": \"First.\"}", "{\"title\": \"Two\", \"text\": ", "\u{1}garbage ][",
            "{\"text\": \"Fourth.\"}", "{\"text\": 12}",
        ]
        let (r, own) = try issues(for: "feed.jsonl", Array(lines.joined(separator: "\n").utf8))
        #expect(own.map(\.line) == [2, 3, 5])
        #expect(r.documents.filter { $0.path == "feed.jsonl" }.map(\.line) == [1, 4])
    }

    @Test func hostileHTML() throws {
        let deep = String(repeating: "<div><b><i>", count: 10_000) + "<p>Deep words.</p>"
        let unclosed = "<html><body><p>Open <b>bold <i>italic <a href='x>Link text <p>Next para <script>never closed"
        let (r1, own1) = try issues(for: "deep.html", Array(deep.utf8))
        #expect(own1.isEmpty)
        #expect(r1.documents.contains { $0.text == "Deep words." })
        let (r2, own2) = try issues(for: "open.html", Array(unclosed.utf8))
        #expect(own2.isEmpty)
        #expect(r2.documents.contains { $0.path == "open.html" && $0.text.hasPrefix("Open bold italic") })
        let (_, own3) = try issues(for: "lt.html", Array(String(repeating: "<", count: 200_000).utf8))
        #expect(own3.count <= 1)
    }

    @Test func oneMegabyteWord() throws {
        let word = String(repeating: "x", count: 1 << 20)
        let (r, own) = try issues(for: "word.txt", Array(word.utf8))
        #expect(own.isEmpty)
        let d = try #require(r.documents.first { $0.path == "word.txt" })
        #expect(d.text.utf8.count == 1 << 20)
        #expect(d.sentences.allSatisfy { $0.span.length <= SentenceSplitter.maxSentenceBytes })
        #expect(d.sentences.reduce(0) { $0 + $1.span.length } == 1 << 20)
        #expect(d.title.count < 300)
    }

    /// 100 MB on one line: read, decoded and split in bounded pieces; the
    /// sentences tile the text and nothing quadratic happens.
    @Test func hundredMegabyteSingleLine() throws {
        let corpus = TempCorpus()
        let unit = Array("The delegates met again on Tuesday and agreed on nothing new at all ".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(100 << 20)
        while bytes.count < 100 << 20 { bytes.append(contentsOf: unit) }
        corpus.write("huge.txt", bytes: bytes)
        corpus.write("small.txt", Self.good)
        let r = try corpus.load()
        #expect(r.issues.isEmpty)
        let d = try #require(r.documents.first { $0.path == "huge.txt" })
        #expect(d.byteCount == bytes.count)
        #expect(d.sentences.count >= (100 << 20) / SentenceSplitter.maxSentenceBytes)
        #expect(d.sentences.allSatisfy { $0.span.length <= SentenceSplitter.maxSentenceBytes })
        #expect(d.title.count < 300)
    }

    @Test func tenThousandTinyFiles() throws {
        let corpus = TempCorpus()
        for i in 0..<10_000 {
            corpus.write(String(format: "d%02d/f%05d.txt", i / 500, i), "Note \(i) Has A Title\n\nBody \(i).")
        }
        let r = try corpus.load()
        #expect(r.documents.count == 10_000)
        #expect(r.issues.isEmpty)
        #expect(r.documents.map(\.title) == (0..<10_000).map { "Note \($0) Has A Title" })
    }

    @Test func foldersNestedHundredDeep() throws {
        let corpus = TempCorpus()
        let rel = (0..<100).map { "n\($0)" }.joined(separator: "/")
        corpus.write(rel + "/deep.txt", Self.good)
        corpus.write("top.txt", Self.good)
        let r = try corpus.load()
        #expect(r.documents.map(\.path) == [rel + "/deep.txt", "top.txt"])
    }

    @Test func linksLoopsAndDanglingLinks() throws {
        let corpus = TempCorpus()
        corpus.write("a/real.txt", Self.good)
        corpus.link("a/up", to: corpus.root)
        corpus.link("a/b", to: corpus.path("c"))
        corpus.link("c", to: corpus.path("a/b"))
        corpus.link("gone.md", to: corpus.path("missing.md"))
        let r = try corpus.load()
        #expect(r.documents.map(\.path) == ["a/real.txt"])
        let byName = Dictionary(grouping: r.issues) { $0.path.replacingOccurrences(of: corpus.root + "/", with: "") }
        #expect(byName.keys.sorted() == ["a/b", "a/up", "c", "gone.md"])
        #expect(byName.values.allSatisfy { $0.count == 1 })
        #expect(byName["a/b"]?.first?.reason == "symbolic link loop")
        #expect(byName["gone.md"]?.first?.reason.hasPrefix("dangling") == true)
    }

    /// Unreadable files. Tests often run as root, for whom `chmod 000` changes
    /// nothing; the read-error path is then exercised with a link to a file the
    /// kernel refuses to read (`/proc/self/mem` fails with EIO at offset 0), and a
    /// named pipe stands for files that must not even be opened.
    @Test func unreadableFiles() throws {
        let corpus = TempCorpus()
        corpus.write("good.txt", Self.good)
        let locked = corpus.write("locked.txt", Self.good)
        chmod(locked, 0)
        #expect(mkfifo(corpus.path("pipe.md"), 0o600) == 0)
        #if os(Linux)
            corpus.link("mem.txt", to: "/proc/self/mem")
        #endif
        let r = try corpus.load()
        let reasons = Dictionary(uniqueKeysWithValues: r.issues.map { ($0.path.replacingOccurrences(of: corpus.root + "/", with: ""), $0.reason) })
        if getuid() == 0 {
            #expect(r.documents.map(\.path) == ["good.txt", "locked.txt"])
        } else {
            #expect(r.documents.map(\.path) == ["good.txt"])
            #expect(reasons["locked.txt"] == "cannot open: Permission denied")
        }
        #expect(reasons["pipe.md"] == "not a regular file (a named pipe)")
        #if os(Linux)
            #expect(reasons["mem.txt"] == "cannot read: Input/output error")
        #endif
    }

    @Test func fileOverTheSizeLimitIsSkipped() throws {
        let corpus = TempCorpus()
        corpus.write("good.txt", Self.good)
        let big = corpus.write("big.txt", String(repeating: "a ", count: 2 << 20))
        let r = try corpus.load(options: LoaderOptions(maxFileBytes: 1 << 20))
        #expect(r.issues.map(\.path) == [big])
        #expect(r.issues.first?.reason.hasPrefix("larger than 1 MB") == true)
    }

    /// The whole hostile mix through `Workspace.open`, as the explorer and every
    /// subcommand load it.
    @Test func mixedHostileCorpusOpensAsAWorkspace() throws {
        let corpus = TempCorpus()
        corpus.write("good.txt", Self.good)
        corpus.write("bin.txt", bytes: [0, 1, 2, 3, 0, 0, 0, 9])
        corpus.write("empty.md", "")
        corpus.write("bomb.md", "---\na: &a [x]\nb: [*a, *a]\n---\nBody Text Here")
        corpus.write("deep.html", String(repeating: "<div>", count: 10_000) + "Inside text.")
        corpus.write("lines.jsonl", "{\"text\": \"A line of text.\"}\n{broken\n")
        corpus.write("esc.txt", "Title With Escapes\n\n\u{1B}]52;c;aGk=\u{07}Clipboard \u{1B}[2J attempt.")
        corpus.link("loop", to: corpus.root)
        let ws = try Workspace.open(paths: [corpus.root])
        #expect(ws.documents.map(\.path) == ["bomb.md", "deep.html", "esc.txt", "good.txt", "lines.jsonl"])
        let paths = ws.issues.map { $0.path.replacingOccurrences(of: corpus.root + "/", with: "") }
        #expect(paths.sorted() == ["bin.txt", "bomb.md", "empty.md", "lines.jsonl", "loop"])
    }
}
