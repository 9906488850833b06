import Foundation
import Testing

/// The real `polex` binary under tmux: keys in, screens out. Every step waits
/// for the screen to show what it should (no fixed sleeps).
@Suite(.serialized) struct ExplorerEndToEndTests {
    /// A small corpus of our own, written fresh for each test.
    static func corpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-e2e-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let articles = [
            ("talks.txt", "Harbour talks resume\n\nJapan and South Korea agreed to resume talks in March 2020.\n\nChina warned Japan about the exercise.\n"),
            ("alliance.txt", "Alliance review\n\nThe United States praised South Korea for its support in 2019.\n\nJapan and the United States agreed to meet again.\n"),
            ("forum.txt", "Regional forum\n\nChina hosted a forum on trade. Japan sent a delegation.\n"),
        ]
        for (name, text) in articles { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static func environment(_ home: URL) -> [String: String] {
        ["XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
    }

    func start(_ dir: URL, width: Int = 120, height: Int = 40, extra: [String] = []) throws -> TmuxSession {
        let tmux = try TmuxSession(polex: extra + [dir.path], width: width, height: height, environment: Self.environment(dir))
        try tmux.waitFor("1 Articles")
        try tmux.waitFor("articles, ")  // the loaded message replaces "loading…"
        return tmux
    }

    /// The explorer writes the index snapshot after its panes appear, not before;
    /// by the time `q` has quit, it is whole and the next start reads it.
    @Test func writesTheIndexSnapshotBehindThePanes() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try start(dir, extra: ["--snapshot", "always"])
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
        let folder = dir.appendingPathComponent(".polex").path
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(entries.contains("index.snapshot"))
        #expect(!entries.contains { $0.contains(".tmp-") }, "\(entries)")
        let stats = try Polex.run(["stats", "--json", dir.path])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("\"snapshot\" : \"loaded\""), "\(stats.stdout)")
    }

    /// Enough made-up articles that indexing them takes seconds: long enough
    /// to see the articles before the actors and the timeline.
    static func largeCorpus(articles: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-e2e-large-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let states = ["Japan", "South Korea", "China", "the United States", "France", "Germany", "India", "Brazil", "Canada", "Vietnam"]
        let verbs = ["praised", "warned", "met", "criticised", "agreed with", "sanctioned", "hosted", "thanked"]
        let topics = ["trade rules", "a naval exercise", "fishing rights", "export controls", "a new port", "troop costs"]
        let months = ["January", "March", "May", "July", "September", "November"]
        var seed: UInt64 = 7
        func pick<T>(_ a: [T]) -> T {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return a[Int(seed >> 33) % a.count]
        }
        for i in 0..<articles {
            var text = "Report number \(i)\n\n"
            for _ in 0..<6 {
                for _ in 0..<4 {
                    text += "\(pick(states)) \(pick(verbs)) \(pick(states)) over \(pick(topics)) in \(pick(months)) \(2000 + i % 20), officials said on a long day of meetings. "
                }
                text += "\n\n"
            }
            try text.write(to: dir.appendingPathComponent(String(format: "a%05d.txt", i)), atomically: false, encoding: .utf8)
        }
        return dir
    }

    /// A large corpus shows its articles while the rest is indexed, then search,
    /// then everything; commands that need what is missing say so; the finished
    /// index keeps the reader's place.
    @Test func showsTheArticlesBeforeTheIndexIsDone() throws {
        let dir = try Self.largeCorpus(articles: 2_000)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(
            polex: ["--snapshot", "never", dir.path], width: 120, height: 40, environment: Self.environment(dir))
        let early = try tmux.waitFor("indexing…", timeout: .seconds(120))
        #expect(early.contains("1 Articles") && early.contains("Report number"), "\(early)")
        #expect(early.contains("finding actors and relations…"), "\(early)")
        try tmux.sendKeys("/")
        try tmux.waitFor("still indexing")
        try tmux.sendKeys("j", "Enter")
        let reading = try tmux.waitFor("Articles › Reader")
        let title = try #require(reading.split(separator: "\n").first { $0.contains("Reader · Report number") })
        // The text index is built well before the actors (seconds here): search works then.
        let searchable = try tmux.waitFor("search is ready", timeout: .seconds(120))
        #expect(searchable.contains("indexing…"))
        try tmux.sendKeys("/")
        try tmux.sendLiteral("fishing")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Search: fishing")
        try tmux.sendKeys("Escape")
        let done = try tmux.waitFor("articles, ", timeout: .seconds(180))
        #expect(!done.contains("indexing…"))
        #expect(done.contains("Articles › Reader"))
        #expect(done.contains(String(title.drop { $0 != "R" }.prefix(30))), "\(done)")
        try tmux.sendKeys("2")
        let actors = try tmux.waitFor("│ Actors")
        #expect(actors.contains("South Korea") && !actors.contains("finding actors"), "\(actors)")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func movesBetweenPanesAndQuitsCleanly() throws {
        let dir = try Self.corpus()
        let tmux = try start(dir)
        #expect(try tmux.alternateScreenOn())
        try tmux.sendKeys("2")
        try tmux.waitFor("│ Actors")
        try tmux.sendKeys("Tab")
        try tmux.waitFor("│ Timeline")
        try tmux.sendKeys("BTab", "BTab")
        try tmux.waitFor("│ Articles")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
        #expect(try tmux.alternateScreenOn() == false)
        #expect(try tmux.mouseReportingOn() == false)
    }

    @Test func followsAnActorToEvidenceToTheArticleAndBack() throws {
        let dir = try Self.corpus()
        let tmux = try start(dir)
        try tmux.sendKeys("2", "Enter")
        try tmux.waitFor("Actors › Relations")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Actors › Evidence")
        let evidence = try tmux.waitFor("#1")
        #expect(evidence.contains("Evidence "))
        try tmux.sendKeys("Enter")
        let reader = try tmux.waitFor("Articles › Reader")
        #expect(reader.contains("s1/") || reader.contains("s2/") || reader.contains("s3/"), "the evidence sentence is selected")
        try tmux.sendKeys("BSpace")
        try tmux.waitFor("Actors › Evidence")
        try tmux.sendKeys("L")
        try tmux.waitFor("Articles › Reader")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// `f` on an actor narrows every pane to it, `F` brings the whole corpus back.
    @Test func filtersEveryPaneByAnActorAndClears() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try start(dir)
        func titles(_ screen: String) -> String { String(screen.split(separator: "\n").first ?? "") }
        // Japan, China, then the United States (in one article of three).
        try tmux.sendKeys("2")
        try tmux.waitFor("Relations of Japan")
        try tmux.sendKeys("j", "j")
        try tmux.waitFor("Relations of United States")
        try tmux.sendKeys("f")
        let filtered = try tmux.waitFor("filter: actor United States")
        #expect(titles(filtered).contains("1 Articles [filtered]"), "\(filtered)")
        #expect(titles(filtered).contains("1/1 ─┐"), "one article left: \(filtered)")
        #expect(titles(filtered).contains("3 Timeline [filtered]"), "\(filtered)")
        #expect(filtered.contains("The United States praised South Ko"))
        // The list row (date, then title); the reader below still shows the article it had open.
        #expect(!filtered.contains("2020-03    Harbour talks resume"))
        #expect(filtered.contains("2019 · 1 event"))
        try tmux.sendKeys("F")
        let cleared = try tmux.waitFor("filter cleared")
        #expect(!titles(cleared).contains("[filtered]"), "\(cleared)")
        #expect(titles(cleared).contains("/3 ─┐"), "all three articles again: \(cleared)")
        #expect(cleared.contains("2020-03    Harbour talks resume"))
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func searchesAndStepsThroughHits() throws {
        let dir = try Self.corpus()
        let tmux = try start(dir)
        try tmux.sendKeys("/")
        try tmux.sendLiteral("warned")
        try tmux.waitFor("/warned")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Search: warned")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Articles › Reader")
        try tmux.waitFor("Harbour talks resume")
        try tmux.sendKeys("n")
        try tmux.waitFor("hit ")
        // Ctrl-C arrives as SIGINT: the explorer quits at once with the conventional status.
        try tmux.sendKeys("C-c")
        #expect(try tmux.waitForExit() == 128 + Int(SIGINT))
        #expect(try tmux.alternateScreenOn() == false)
    }

    @Test func quickJumpFindsAnActor() throws {
        let dir = try Self.corpus()
        let tmux = try start(dir)
        try tmux.sendKeys("C-p")
        try tmux.waitFor("Jump to an actor")
        try tmux.sendLiteral("chin")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Relations of China")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func resizesToEveryLayout() throws {
        let dir = try Self.corpus()
        let tmux = try start(dir)
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(" 1 Articles   2 Actors   3 Timeline")
        try tmux.resize(width: 100, height: 40)
        try tmux.waitUntil("stacked panes") { $0.contains("2 opens") && $0.contains("3 opens") }
        try tmux.resize(width: 30, height: 10)
        try tmux.waitFor("polex needs 40×12")
        try tmux.resize(width: 160, height: 45)
        try tmux.waitFor("3 Timeline")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func mouseClickFocusesAndSelects() throws {
        let dir = try Self.corpus()
        let tmux = try start(dir)
        // Wide layout: the Actors pane starts at 40% of 120 columns; its second row is y = 2.
        try tmux.click(x: 55, y: 2)
        try tmux.waitFor("│ Actors")
        try tmux.waitFor("2/")
        // X10 reports carry a column in one byte, so stay below column 95.
        try tmux.click(x: 90, y: 5)
        try tmux.waitFor("│ Timeline")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let dir = try Self.corpus()
        let tmux = try start(dir)
        try tmux.signal(SIGTERM)
        #expect(try tmux.waitForExit() == 128 + Int(SIGTERM))
        #expect(try tmux.alternateScreenOn() == false)
        #expect(try tmux.mouseReportingOn() == false)
    }

    @Test func reopensWhereTheReaderLeftOff() throws {
        let dir = try Self.corpus()
        var tmux = try start(dir)
        try tmux.sendKeys("G", "Enter")
        let first = try tmux.waitFor("Articles › Reader")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".polex/session.json").path))
        let title = first.split(separator: "\n").first { $0.contains("Reader · ") }.map(String.init) ?? ""
        tmux = try start(dir)
        let again = try tmux.waitFor("Articles › Reader")
        #expect(again.split(separator: "\n").contains { String($0) == title }, "the same article is open again")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
        // The article files were left as they were.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == [".polex", "alliance.txt", "forum.txt", "talks.txt"])
    }
}

/// The executable without a terminal: a clear message, and the headless replay.
struct ExplorerHeadlessTests {
    @Test func refusesToDrawWithoutATerminal() throws {
        let r = try Polex.run([])
        #expect(r.status == 2)
        #expect(r.stderr.contains("needs a terminal"))
        #expect(r.stderr.contains("polex search"))
        #expect(r.stdout.isEmpty)
    }

    @Test func replaysAScriptAndPrintsTheScreen() throws {
        let dir = try ExplorerEndToEndTests.corpus()
        let script = dir.appendingPathComponent("steps.polex")
        try "focus-pane-2\nfollow-link\nfollow-link\nfollow-number 1\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try Polex.run(["--script", script.path, "--dump-screen", "120x40", dir.path], environment: ExplorerEndToEndTests.environment(dir))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 41)
        #expect(lines.first?.count == 120)
        #expect(r.stdout.contains("Articles › Reader"))
        let explore = try Polex.run(["explore", "--script", script.path, "--dump-screen", "120x40", dir.path], environment: ExplorerEndToEndTests.environment(dir))
        #expect(explore.stdout == r.stdout, "polex explore replays the same way")
    }

    @Test func reportsABadScriptLine() throws {
        let dir = try ExplorerEndToEndTests.corpus()
        let script = dir.appendingPathComponent("bad.polex")
        try "focus-pane-2\nfly-to-the-moon\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try Polex.run(["--script", script.path, "--dump-screen", "80x24", dir.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("line 2"))
    }
}
