import Explorer
import Foundation
import PolicyIndex
import Testing
import TextUI

/// The hostile corpora of the hardening list, each built on the fly beside two good
/// documents and loaded twice: by the real binary (`polex stats --json`), and into the
/// explorer's model with frames drawn from it. Every run has a deadline that kills
/// it, so a hang fails the test instead of stalling the suite.
@Suite struct HostileCorpusTests {
    typealias Corpus = CorpusCommandTests.Corpus

    /// One hostile case: the bad files, how many documents they add to the two good
    /// ones, and the one stderr line each must get (a relative path, `:line` for JSON
    /// Lines, and a part of the reason).
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var build: @Sendable (Corpus) throws -> Void
        var addedDocuments: Int
        var lines: [(path: String, reason: String)]
        var testDescription: String { name }
    }

    static let good = [
        "good-a.txt": "Harbour Talks Resume In Spring\n\nThe envoys met on Tuesday. They agreed to meet again in May 2021.",
        "good-b.md": "---\ntitle: Ferry routes reopen\ndate: 2021-03-04\n---\nFerry routes reopened after the storms. Crews welcomed it.",
    ]

    /// A hang guard, not a time limit: long enough for every hostile case on a loaded
    /// 2-core machine with a debug or sanitized build (the slowest, the 100 MB line,
    /// took 54 s on its own and 282 s beside a busy build); a run still going at the
    /// deadline is stuck, not slow.
    static let deadline = Duration.seconds(1800)

    static let cases: [Case] = [
        Case(
            name: "binary files and NUL bytes",
            build: { c in
                try c.put("zip.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] + [UInt8](repeating: 0x41, count: 100))
                try c.put("nul.md", Array("Some text\u{0}with a NUL in it".utf8))
                try c.put("controls.txt", [UInt8](repeating: 0x02, count: 64) + Array("abc".utf8))
            }, addedDocuments: 0,
            lines: [
                ("zip.txt", "binary file (NUL bytes)"), ("nul.md", "binary file (NUL bytes)"),
                ("controls.txt", "binary file (64 control bytes"),
            ]),
        Case(
            name: "invalid UTF-8",
            build: { c in
                try c.put("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" Talks In Geneva\n\nThe d".utf8) + [0xE9, 0x6C, 0xE9] + Array("gu".utf8))
                try c.put("stray.md", Array("Stray bytes ".utf8) + [0xC3, 0x28, 0xFF, 0xFE, 0x80] + Array(" in the middle.".utf8))
            }, addedDocuments: 2, lines: [("latin1.txt", "Windows-1252"), ("stray.md", "Windows-1252")]),
        Case(
            name: "UTF-16 with a byte order mark",
            build: { c in
                let text = "Talks In Seoul Resume\r\n\r\nThe envoys met – again."
                try c.put("le.txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
                try c.put("be.txt", [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
            }, addedDocuments: 2, lines: []),
        Case(
            name: "CR-only and mixed line ends",
            build: { c in
                try c.put("mac.txt", Array("Old Mac Line Ends\r\rFirst para.\rSecond para.".utf8))
                try c.put("mixed.md", Array("# Mixed Ends\r\n\r\nOne.\n\rTwo.\r\rThree.\n".utf8))
            }, addedDocuments: 2, lines: []),
        Case(
            name: "empty files",
            build: { c in
                try c.put("empty.txt", [])
                try c.put("blank.md", Array("  \n\n\t \r\n".utf8))
                try c.put("empty-lines.jsonl", Array("\n\n  \n".utf8))
            }, addedDocuments: 0,
            lines: [("empty.txt", "empty file"), ("blank.md", "no text"), ("empty-lines.jsonl", "no articles")]),
        Case(
            name: "folders nested 100 deep",
            build: { c in try c.put((0..<100).map { "n\($0)" }.joined(separator: "/") + "/deep.txt", Array("Deep Down Here\n\nA note.".utf8)) },
            addedDocuments: 1, lines: []),
        Case(
            name: "symbolic link loops and dangling links",
            build: { c in
                try c.put("a/real.txt", Array("Real Article Title\n\nSome words here.".utf8))
                try c.link("a/up", to: c.path)
                try c.link("a/b", to: c.path + "/c")
                try c.link("c", to: c.path + "/a/b")
                try c.link("gone.md", to: c.path + "/missing.md")
            }, addedDocuments: 1,
            lines: [("a/b", "symbolic link loop"), ("c", "symbolic link loop"), ("a/up", "already read"), ("gone.md", "dangling")]),
        Case(
            name: "files that cannot be read",
            build: { c in
                let locked = try c.put("locked.txt", Array("Locked Article\n\nSecret words.".utf8))
                chmod(locked, 0)
                guard mkfifo(c.path + "/pipe.md", 0o600) == 0 else { throw ChildProcess.Failure(description: "mkfifo") }
                // Root reads a mode-000 file anyway; /proc/self/mem opens but fails with
                // EIO at offset 0, so the read-error path runs for every user.
                try c.link("mem.txt", to: "/proc/self/mem")
            },
            addedDocuments: getuid() == 0 ? 1 : 0,
            lines: [("pipe.md", "not a regular file (a named pipe)"), ("mem.txt", "cannot read: Input/output error")]
                + (getuid() == 0 ? [] : [("locked.txt", "cannot open: Permission denied")])),
        Case(
            name: "malformed, huge and exponential YAML front matter",
            build: { c in
                let bomb = (0..<12).map { i in i == 0 ? "a0: &a0 [x, x, x, x]" : "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1)]" }
                let yaml = [
                    "malformed.md": "title: [oops\nkey: : value",
                    "huge.md": "title: big\n" + String(repeating: "k: \(String(repeating: "v", count: 100))\n", count: 1000),
                    "bomb.md": bomb.joined(separator: "\n"),
                    "deep.md": "x: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
                ]
                for (name, front) in yaml { try c.put(name, Array("---\n\(front)\n---\n# Body Survives\n\nText after it.".utf8)) }
            }, addedDocuments: 4,
            lines: [
                ("malformed.md", "not valid YAML"), ("huge.md", "larger than 64 KB"), ("bomb.md", "aliases"),
                ("deep.md", "nested more than"),
            ]),
        Case(
            name: "HTML with unclosed tags and 10,000-deep nesting",
            build: { c in
                try c.put("deep.html", Array((String(repeating: "<div><b><i>", count: 10_000) + "<p>Deep words.</p>").utf8))
                try c.put("open.html", Array("<html><body><p>Open <b>bold <i>italic <a href='x>Link <p>Next <script>never closed".utf8))
            }, addedDocuments: 2, lines: []),
        Case(
            name: "JSON Lines with broken lines",
            build: { c in
                let lines = [
                    "{\"title\": \"One\", \"text\": \"First line of text.\"}", "{\"title\": \"Two\", \"text\": ", "\u{1}garbage ][",
                    "{\"text\": \"Fourth line of text.\"}", "{\"text\": 12}",
                ]
                try c.put("feed.jsonl", Array(lines.joined(separator: "\n").utf8))
            }, addedDocuments: 2, lines: [
                ("feed.jsonl:2", "not valid JSON"), ("feed.jsonl:3", "not valid JSON"),
                ("feed.jsonl:5", "no text, body or content field"),
            ]),
    ]

    @Test(arguments: cases)
    func statsAndTheExplorerSurvive(_ hostile: Case) throws {
        let c = try Corpus(files: Self.good)
        try hostile.build(c)
        let documents = 2 + hostile.addedDocuments
        let stats = try Self.stats(c, expecting: documents, lines: hostile.lines) {
            try Self.expectExplorerDraws(c, documents: documents)
        }
        #expect(stats.outcome != nil)
    }

    // MARK: running and checking

    /// Runs `polex stats --json` on the folder and checks the exit status, the
    /// document count and that stderr has exactly one line per expected issue, each
    /// naming its file. `meanwhile` runs while polex does. Returns the run, for its peak RSS.
    @discardableResult
    static func stats(
        _ c: Corpus, expecting documents: Int, lines expected: [(path: String, reason: String)],
        sourceLocation: SourceLocation = #_sourceLocation, meanwhile: () throws -> Void = {}
    ) throws -> Polex.BoundedResult {
        // `--snapshot never`: nothing is written into the folder, and the peak RSS is
        // that of building the index, not of writing a snapshot of it.
        let r = try Polex.runBounded(["stats", c.path, "--json", "--snapshot", "never"], deadline: deadline, meanwhile: meanwhile)
        guard r.outcome != nil else {
            Issue.record("polex stats did not finish within \(deadline)", sourceLocation: sourceLocation)
            return r
        }
        #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
        #expect(json["documents"] as? Int == documents, sourceLocation: sourceLocation)
        let issues = ((json["skipped"] as? [Any]) ?? []) + ((json["warnings"] as? [Any]) ?? [])
        #expect(issues.count == expected.count, "\(issues)", sourceLocation: sourceLocation)
        let got = r.stderr.split(separator: "\n").map(String.init)
        #expect(got.count == expected.count, "stderr:\n\(r.stderr)", sourceLocation: sourceLocation)
        #expect(got.allSatisfy { $0.hasPrefix("polex: skipped \(c.path)/") || $0.hasPrefix("polex: warning \(c.path)/") }, "\(got)", sourceLocation: sourceLocation)
        for (path, reason) in expected {
            // `skipped /root/a/b: reason` or `warning /root/feed.jsonl:2: reason`.
            let mine = got.filter { $0.contains(" \(c.path)/\(path): ") }
            #expect(mine.count == 1, "\(path) in \(got)", sourceLocation: sourceLocation)
            #expect(mine.allSatisfy { $0.contains(reason) }, "\(path): \(mine)", sourceLocation: sourceLocation)
        }
        return r
    }

    /// Opens the folder as the explorer does, draws the first screen at several sizes,
    /// and opens articles in the reader (the first ones in list order, and the last),
    /// reading each to its end. Every frame must have the size asked for and hold no
    /// control or bidi scalar in any cell.
    static func expectExplorerDraws(_ c: Corpus, documents: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ws = try Workspace.open(paths: [c.path])
        #expect(ws.documents.count == documents, sourceLocation: sourceLocation)
        let model = ExplorerModel(workspace: ws)
        func check(_ s: AppState, _ what: String) {
            let canvas = App.view(s, model: model)
            #expect(canvas.width == s.size.width && canvas.height == s.size.height, sourceLocation: sourceLocation)
            let bad = HostileOutputTests.controls(in: canvas.text)
            #expect(bad.isEmpty, "\(what): \(bad.prefix(5))", sourceLocation: sourceLocation)
        }
        for size in [Size(width: 1, height: 1), Size(width: 40, height: 12), Size(width: 120, height: 40)] {
            check(App.initialState(size: size, model: model), "first frame at \(size)")
        }
        var s = App.initialState(size: Size(width: 120, height: 40), model: model)
        func press(_ commands: Command...) { for command in commands { _ = App.update(&s, command: command, model: model) } }
        let visits = Array(0..<min(documents, 12)) + (documents > 12 ? [documents - 1] : [])
        for k in visits {
            press(.focusPane1, .goTop)
            if k == documents - 1 { press(.goBottom) } else { for _ in 0..<k { press(.moveDown) } }
            press(.followLink)
            check(s, "reader on article \(k)")
            #expect(App.view(s, model: model).text.contains("Reader"), "article \(k) opened", sourceLocation: sourceLocation)
            press(.goBottom)
            check(s, "end of article \(k)")
            press(.goBack)
        }
    }
}

extension CorpusCommandTests.Corpus {
    /// Writes bytes at a relative path, creating folders; returns the full path.
    @discardableResult
    func put(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }
}
