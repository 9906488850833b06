import Foundation
import PolicyIndex
import SnapshotTesting
import Testing
import TextUI

@testable import Explorer

/// The explorer on a preview model (the articles alone, while the rest is
/// indexed), and the swap to the finished model.
@MainActor
struct PreviewTests {
    let full = Fixture.model
    let preview: ExplorerModel = {
        let ws = Fixture.model.workspace
        return ExplorerModel(workspace: Workspace.preview(roots: ws.roots, documents: ws.documents, issues: ws.issues))
    }()

    /// The second preview: the documents and the text index.
    let searchable: ExplorerModel = {
        let ws = Fixture.model.workspace
        return ExplorerModel(
            workspace: Workspace.preview(roots: ws.roots, documents: ws.documents, issues: ws.issues, textIndex: ws.textIndex))
    }()

    func start(_ size: Size = Size(width: 120, height: 40)) -> AppState { App.initialState(size: size, model: preview) }

    @discardableResult
    func run(_ s: inout AppState, _ model: ExplorerModel, _ commands: Command...) -> [Effect] {
        commands.flatMap { App.update(&s, command: $0, model: model) }
    }

    @Test func theArticlesCanBeListedAndReadAtOnce() {
        var s = start()
        #expect(s.derived.articles == full.documentOrder)
        run(&s, preview, .moveDown, .followLink)
        #expect(s.section == .reader)
        #expect(s.reader.document == full.documentOrder[1])
        run(&s, preview, .moveDown)
        #expect(s.reader.sentence == 0)
        let text = App.view(s, model: preview).text
        #expect(text.contains(full.document(full.documentOrder[1]).title))
        #expect(text.contains("indexing…"))
        // The key hints leave out what waits for the index, and bring it back after.
        let hints = StatusView.hints(s, preview)
        #expect(hints.contains("j/k sentence") && hints.contains("back") && !hints.contains("/ search"))
        #expect(!hints.contains("mention") && !hints.contains("open actor"))
        #expect(StatusView.hints(s, full).contains("mention"))
        #expect(StatusView.hints(s, searchable).contains("/ search"))
        #expect(!StatusView.hints(s, preview).contains("filter"))
    }

    @Test func theOtherPanesSayWhatTheyWaitFor() {
        var s = start()
        s.loadProgress = LoadProgress(stage: .analysing, done: 0, total: 6)
        let text = App.view(s, model: preview).text
        #expect(text.contains("finding actors and relations…"))
        #expect(text.contains("dating events…"))
        #expect(text.contains("Indexing text and actors…"))
        #expect(!App.view(App.initialState(size: s.size, model: full), model: full).text.contains("indexing…"))
        // Collapsed to a summary line on a narrow screen, the panes say the same.
        let narrow = App.view(start(Size(width: 60, height: 30)), model: preview).text
        #expect(narrow.contains("finding actors") || narrow.contains("dating events"), "\(narrow)")
    }

    /// The whole screen while the actors and the timeline are built, at the
    /// three layouts (tabs, columns, wide).
    @Test func previewScreens() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            var s = start(size)
            s.loadProgress = LoadProgress(stage: .analysing, done: 0, total: 6)
            run(&s, preview, .followLink)
            assertSnapshot(of: App.view(s, model: preview).text, as: .lines, named: "reader-\(size.width)x\(size.height)")
            run(&s, preview, .focusPane2)
            assertSnapshot(of: App.view(s, model: preview).text, as: .lines, named: "actors-\(size.width)x\(size.height)")
        }
    }

    /// Searching an empty index would answer "no matches": the command says it waits instead.
    @Test func commandsThatNeedTheIndexSaySoAndChangeNothing() {
        for command in [Command.search, .searchNext, .setFilter, .toggleRollup, .cycleActorSort, .filterKind, .nextLink] {
            var s = start()
            run(&s, preview, .followLink)
            let before = s
            run(&s, preview, command)
            #expect(s.message == App.indexingNote(preview), "\(command)")
            s.message = nil
            #expect(s == before, "\(command)")
        }
        // The same commands work on the finished model.
        var s = App.initialState(size: Size(width: 120, height: 40), model: full)
        run(&s, full, .search)
        #expect(s.pending == .search(TextInputState()))
    }

    @Test func searchWorksOnceTheTextIndexIsIn() {
        var s = start()
        run(&s, preview, .moveDown, .followLink, .moveDown)
        let reader = s.reader
        App.adopt(&s, searchable)
        #expect(s.reader == reader)
        run(&s, searchable, .search)
        for c in "alliance" { App.update(&s, event: .key(.char(c)), model: searchable) }
        App.update(&s, event: .key(.enter), model: searchable)
        #expect(s.search?.hits.isEmpty == false)
        #expect(s.overlay == .results(ListPosition()))
        // Opening a hit works; the actors are still to come.
        App.update(&s, event: .key(.enter), model: searchable)
        #expect(s.section == .reader)
        #expect(s.reader.sentence != nil)
        run(&s, searchable, .setFilter)
        #expect(s.message == App.indexingNote(searchable))
        #expect(!App.indexingNote(searchable).contains("search"))
        #expect(App.indexingNote(preview).contains("search"))
        // A query that filters by actor waits too, rather than finding nothing.
        run(&s, searchable, .search)
        for c in "alliance actor:kr" { App.update(&s, event: .key(.char(c)), model: searchable) }
        App.update(&s, event: .key(.enter), model: searchable)
        #expect(s.message?.contains("still indexing") == true)
        #expect(s.search?.query == "alliance")
    }

    @Test func theFinishedModelKeepsTheUsersPlace() {
        var s = start()
        run(&s, preview, .moveDown, .moveDown, .followLink, .moveDown, .moveDown)
        s.message = App.indexingNote(preview)
        let reader = s.reader
        let article = s.position(.articleList)
        App.adopt(&s, full)
        #expect(s.reader == reader)
        #expect(s.position(.articleList) == article)
        #expect(s.section == .reader)
        #expect(s.message == nil)
        #expect(s.derived.actors.count == App.initialState(size: s.size, model: full).derived.actors.count)
        #expect(!s.derived.actors.isEmpty)
        #expect(!s.derived.events.isEmpty)
        // Links work again: the next mention in the reader is found.
        run(&s, full, .nextLink)
        #expect(s.reader.link != nil)
    }

    /// A saved session: its article parts apply to the preview, the rest when
    /// the finished model arrives, and a session saved from the preview keeps them.
    @Test func sessionsSurviveThePreview() {
        var old = App.initialState(size: Size(width: 120, height: 40), model: full)
        run(&old, full, .focusPane2)
        let japan = old.derived.actors.firstIndex { full.actor($0).name == "Japan" }!
        old.lists[.actorList] = ListPosition(selected: japan)
        run(&old, full, .setFilter, .cycleActorSort, .focusPane1, .moveDown, .followLink)
        let saved = Session(old, full)

        var s = start()
        saved.apply(to: &s, preview)
        #expect(s.filter == nil)
        #expect(s.reader.document == old.reader.document)
        #expect(s.section == .reader)

        // Quitting now keeps the filter, the sort and the actor list position.
        let early = Session(s, preview).keepingIndexedParts(of: saved)
        #expect(early.filter == saved.filter)
        #expect(early.sort == saved.sort)
        #expect(early.lists[Section.actorList.rawValue] == saved.lists[Section.actorList.rawValue])
        #expect(early.article == saved.article)
        #expect(Session(s, preview).filter == nil)

        App.adopt(&s, full)
        saved.applyIndexed(to: &s, full)
        #expect(s.filter == old.filter)
        #expect(s.sort == old.sort)
        #expect(s.reader.document == old.reader.document)
        #expect(s.selectedActor == old.selectedActor)
    }

    /// Random keys, with the models swapped in at random moments as the loader
    /// does: nothing crashes, every position stays inside its list, and every
    /// frame has the screen's size.
    @Test func randomKeysAcrossTheSwapsKeepTheStateSane() {
        let keys: [Key] = [
            .char("j"), .char("k"), .char("g"), .char("G"), .char("1"), .char("2"), .char("3"), .enter, .backspace, .escape,
            .tab, .backTab, .char("/"), .char("a"), .char("n"), .char("N"), .char("]"), .char("["), .char("f"), .char("F"),
            .char("s"), .char("t"), .char("r"), .char("z"), .char("m"), .char("'"), .char("#"), .char("2"), .ctrl("o"),
            .ctrl("p"), .char("?"), .pageDown, .pageUp, .down, .up, .char("q"),
        ]
        var seed: UInt64 = 20_261_202
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % n
        }
        for round in 0..<12 {
            let models = [preview, searchable, full]
            var stage = 0
            var s = App.initialState(size: Size(width: 60 + next(100), height: 12 + next(40)), model: preview)
            for step in 0..<120 {
                if stage < 2, next(40) == 0 {
                    stage += next(2) + 1
                    App.adopt(&s, models[min(stage, 2)])
                }
                let model = models[min(stage, 2)]
                _ = App.update(&s, event: .key(keys[next(keys.count)]), model: model)
                if next(25) == 0 { _ = App.update(&s, event: .resize(Size(width: 20 + next(180), height: 5 + next(60))), model: model) }
                for section in Section.allCases where section != .reader {
                    let n = s.count(section, model)
                    #expect(s.position(section).selected < max(n, 1), "round \(round) step \(step) \(section)")
                }
                if let d = s.reader.document { #expect(d.index < model.documentCount) }
                #expect(App.view(s, model: model).lines.count == s.size.height)
            }
        }
    }
}
