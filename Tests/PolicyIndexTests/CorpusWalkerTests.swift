import Foundation
import Testing

@testable import PolicyIndex

@Suite struct CorpusWalkerTests {
    @Test func walksRecursivelyInStableOrderWithRelativePaths() throws {
        let corpus = TempCorpus()
        corpus.write("b.txt", "Bee text.")
        corpus.write("a/z.md", "Zed text.")
        corpus.write("a/b/c.html", "<p>Cee text.</p>")
        corpus.write("a.txt", "Ay text.")
        corpus.write("image.png", "not read")
        corpus.write("README", "no extension")
        corpus.write(".hidden.txt", "hidden")
        corpus.write(".git/objects/x.txt", "hidden folder")
        let r = try corpus.load()
        #expect(r.documents.map(\.path) == ["a/b/c.html", "a/z.md", "a.txt", "b.txt"])
        #expect(r.documents.map(\.id) == (0..<4).map { DocumentID($0) })
        #expect(r.issues.isEmpty)
        // Parallel and serial loading agree.
        let serial = try corpus.load(options: LoaderOptions(parallel: false))
        #expect(serial.documents.map(\.text) == r.documents.map(\.text))
    }

    @Test func explicitFilesKeepTheirPathAndAnyExtensionIsText() throws {
        let corpus = TempCorpus()
        let notes = corpus.write("notes.log", "Plain notes in a log file.")
        let hidden = corpus.write(".secret.txt", "Named on purpose.")
        let r = try CorpusLoader().load(paths: [notes, hidden])
        #expect(r.documents.map(\.path) == [notes, hidden])
        #expect(r.documents[0].format == .text)
    }

    @Test func missingPathIsAnError() {
        #expect(throws: LoadError.self) { try CorpusLoader().load(paths: ["/nonexistent/polex/path"]) }
        do {
            _ = try CorpusLoader().load(paths: ["/nonexistent/polex/path"])
        } catch {
            #expect(error.description == "no such file or folder: /nonexistent/polex/path")
        }
    }

    @Test func folderWithoutDocumentsIsAnErrorThatSaysWhy() {
        let corpus = TempCorpus()
        corpus.write("empty.txt", "")
        corpus.write("pic.jpg", "x")
        do {
            _ = try corpus.load()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "no readable documents in \(corpus.root)\n  skipped \(corpus.root)/empty.txt: empty file")
        }
    }

    @Test func issuesComeInPathOrder() throws {
        let corpus = TempCorpus()
        corpus.write("ok.txt", "Fine.")
        corpus.write("b.txt", "")
        corpus.link("a.txt", to: corpus.path("missing"))
        corpus.write("c.jsonl", "{}\n{\"text\": \"x\"}\n[]")
        let r = try corpus.load()
        #expect(r.issues.map { $0.path.replacingOccurrences(of: corpus.root + "/", with: "") } == ["a.txt", "b.txt", "c.jsonl", "c.jsonl"])
        #expect(r.issues.map(\.line) == [nil, nil, 1, 3])
    }

    @Test func symlinkLoopsAndDuplicatesAreReportedOnce() throws {
        let corpus = TempCorpus()
        corpus.write("real/a.txt", "Real text.")
        corpus.link("real/loop", to: corpus.path("real"))
        corpus.link("z-alias", to: corpus.path("real"))
        corpus.link("z-same.txt", to: corpus.path("real/a.txt"))
        corpus.link("dangling.txt", to: corpus.path("nowhere.txt"))
        corpus.link("dangling.png", to: corpus.path("nowhere.png"))
        let r = try corpus.load()
        #expect(r.documents.map(\.path) == ["real/a.txt"])
        let reasons = Dictionary(uniqueKeysWithValues: r.issues.map { ($0.path.replacingOccurrences(of: corpus.root + "/", with: ""), $0.reason) })
        #expect(reasons.keys.sorted() == ["dangling.txt", "real/loop", "z-alias", "z-same.txt"])
        #expect(reasons["dangling.txt"]?.contains("dangling symbolic link") == true)
        #expect(reasons["real/loop"]?.contains("folder already read") == true)
        #expect(reasons["z-same.txt"] == "same file as real/a.txt (a link)")
        #expect(reasons["z-alias"]?.contains("folder already read") == true)
    }

    @Test func selfLinkIsALoop() throws {
        let corpus = TempCorpus()
        corpus.write("ok.txt", "Fine.")
        corpus.link("self.txt", to: corpus.path("self.txt"))
        let r = try corpus.load()
        #expect(r.issues.map(\.reason) == ["symbolic link loop"])
    }

    @Test func namedPipeIsNotOpened() throws {
        let corpus = TempCorpus()
        corpus.write("ok.txt", "Fine.")
        #expect(mkfifo(corpus.path("pipe.txt"), 0o644) == 0)
        let r = try corpus.load()
        #expect(r.documents.count == 1)
        #expect(r.issues.map(\.reason) == ["not a regular file (a named pipe)"])
    }

    /// A folder large enough that readdir's buffer ends on short records, with
    /// names of every length up to 200 bytes: each is listed whole and exact.
    /// (Copying the 256-byte `d_name` field read past that buffer; this test
    /// is how the sanitizer runs in docs/testing.md see it.)
    @Test func largeFolderWithNamesOfEveryLengthIsListedExactly() throws {
        let corpus = TempCorpus()
        var expected: [String] = []
        for i in 0..<3_000 {
            let stem = String(format: "%05d-", i) + String(repeating: "n", count: (i * 37) % 190)
            let name = stem + ".txt"
            corpus.write(name, "Article \(i).")
            expected.append(name)
        }
        let r = try corpus.load()
        #expect(r.issues.isEmpty)
        #expect(r.documents.map(\.path) == expected.sorted())
        #expect(r.documents.last?.text == "Article 2999.")
    }

    /// Names are ordered by their bytes, as before the order used `memcmp`:
    /// prefixes first, small (inline) and large strings alike, non-ASCII after
    /// ASCII, and upper case before lower case.
    @Test func namesSortByTheirBytes() {
        let names = [
            "", "a", "ab", "a.txt", "Zeta.md", "zeta.md", "é.txt", "e\u{301}.txt", "2021-03-01-summit.md",
            "2021-03-01-summit.md.txt", String(repeating: "x", count: 40), String(repeating: "x", count: 39) + "y",
            "中文.txt", "a b.txt", "a\tb.txt",
        ]
        for a in names {
            for b in names {
                #expect(CorpusWalker.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) vs \(b)")
            }
        }
    }

    /// Links and folders are told apart by `readdir`'s type where the file
    /// system gives one. Here the links sort first, so the plain file and the
    /// plain folder (read with one `stat`, no `lstat`) are the second paths.
    @Test func plainEntriesAfterLinksToThemAreReportedAsSecondPaths() throws {
        let corpus = TempCorpus()
        corpus.write("real/one.md", "One text.")
        corpus.write("two.txt", "Two text.")
        corpus.link("alias.txt", to: corpus.path("two.txt"))
        corpus.link("linked", to: corpus.path("real"))
        corpus.link("solo.md", to: corpus.path("real/one.md"))
        let r = try corpus.load()
        #expect(r.documents.map(\.path) == ["alias.txt", "linked/one.md"])
        let reasons = Dictionary(uniqueKeysWithValues: r.issues.map { ($0.path.replacingOccurrences(of: corpus.root + "/", with: ""), $0.reason) })
        #expect(reasons == [
            "real": "folder already read",
            "solo.md": "same file as linked/one.md (a link)",
            "two.txt": "same file as alias.txt (a link)",
        ])
    }
}
