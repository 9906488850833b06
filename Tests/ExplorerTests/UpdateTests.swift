import Foundation
import PolicyIndex
import Testing
import TextUI

@testable import Explorer

/// One or more tests for every command: `update` is pure, so each checks the state it leaves.
@MainActor
struct UpdateTests {
    let model = Fixture.model

    func start(_ size: Size = Size(width: 120, height: 40)) -> AppState { App.initialState(size: size, model: model) }

    @discardableResult
    func run(_ s: inout AppState, _ commands: Command...) -> [Effect] {
        commands.flatMap { App.update(&s, command: $0, model: model) }
    }

    @discardableResult
    func press(_ s: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { App.update(&s, event: .key($0), model: model) }
    }

    func type(_ s: inout AppState, _ text: String) {
        for c in text { App.update(&s, event: .key(.char(c)), model: model) }
    }

    func selectActor(_ s: inout AppState, _ name: String) {
        run(&s, .focusPane2)
        let row = s.derived.actors.firstIndex { model.actor($0).name == name }!
        s.lists[.actorList] = ListPosition(selected: row)
    }

    @Test func startsWithTheNewestArticleInTheReader() {
        let s = start()
        #expect(s.section == .articleList)
        #expect(s.selectedDocument == model.documentOrder[0])
        #expect(s.reader.document == model.documentOrder[0])
        #expect(model.document(model.documentOrder[0]).date?.date.year == 2022)
    }

    @Test func moveCommandsWalkTheList() {
        var s = start()
        let n = s.derived.articles.count
        run(&s, .moveDown, .moveDown)
        #expect(s.position(.articleList).selected == 2)
        #expect(s.reader.document == s.derived.articles[2])
        run(&s, .moveUp)
        #expect(s.position(.articleList).selected == 1)
        run(&s, .goBottom)
        #expect(s.position(.articleList).selected == n - 1)
        run(&s, .goTop)
        #expect(s.position(.articleList).selected == 0)
        run(&s, .pageDown)
        #expect(s.position(.articleList).selected == n - 1)
        run(&s, .pageUp)
        #expect(s.position(.articleList).selected == 0)
        run(&s, .halfPageDown)
        #expect(s.position(.articleList).selected > 0)
        run(&s, .halfPageUp)
        #expect(s.position(.articleList).selected == 0)
        run(&s, .moveUp)
        #expect(s.position(.articleList).selected == 0)
    }

    @Test func paneFocusKeysAndSections() {
        var s = start()
        run(&s, .focusNextPane)
        #expect(s.section == .actorList)
        run(&s, .focusNextPane)
        #expect(s.section == .timeline)
        run(&s, .focusNextPane)
        #expect(s.section == .articleList)
        run(&s, .focusPrevPane)
        #expect(s.section == .timeline)
        run(&s, .focusPane2, .sectionNext, .sectionNext)
        #expect(s.section == .evidence)
        run(&s, .focusPane1)
        #expect(s.section == .articleList)
        run(&s, .focusPane2)
        #expect(s.section == .evidence, "a pane remembers its section")
        run(&s, .sectionPrev)
        #expect(s.section == .relations)
        run(&s, .focusPane3)
        #expect(s.section == .timeline)
        run(&s, .sectionNext)
        #expect(s.section == .timeline, "the last section stays put")
    }

    @Test func actorToEvidenceToArticleAndBack() {
        var s = start()
        selectActor(&s, "Japan")
        run(&s, .followLink)
        #expect(s.section == .relations)
        let rel = s.selectedRelation(model)!
        #expect(rel.involves(s.selectedActor!))
        run(&s, .followLink)
        #expect(s.section == .evidence)
        let ev = s.shownEvidence(model)[0]
        run(&s, .followLink)
        #expect(s.section == .reader)
        #expect(s.reader.document == ev.sentence.document)
        #expect(s.reader.sentence == Int(ev.sentence.index))
        run(&s, .goBack)
        #expect(s.section == .evidence)
        run(&s, .goBack, .goBack)
        #expect(s.section == .actorList)
        #expect(model.actor(s.selectedActor!).name == "Japan")
        run(&s, .goForward)
        #expect(s.section == .relations)
        run(&s, .goForward, .goForward)
        #expect(s.section == .reader)
        run(&s, .goForward)
        #expect(s.message == "nothing to go forward to")
    }

    @Test func readerLinksLeadToActors() {
        var s = start()
        run(&s, .followLink)
        #expect(s.section == .reader)
        run(&s, .nextLink)
        let first = s.reader.link!
        run(&s, .nextLink)
        #expect(s.reader.link == first + 1)
        run(&s, .prevLink)
        #expect(s.reader.link == first)
        let actor = model.workspace.actors.mentions[first].actor
        run(&s, .followLink)
        #expect(s.section == .actorList)
        #expect(s.selectedActor == actor)
    }

    @Test func readerSentencesMoveWithJK() {
        var s = start()
        run(&s, .followLink, .moveDown)
        #expect(s.reader.sentence == 0)
        run(&s, .moveDown)
        #expect(s.reader.sentence == 1)
        run(&s, .goBottom)
        #expect(s.reader.sentence == model.document(s.reader.document!).sentences.count - 1)
        run(&s, .goTop)
        #expect(s.reader.sentence == 0)
        #expect(s.reader.top == 0)
    }

    @Test func numberedEvidenceIsFollowedByNumber() {
        var s = start()
        selectActor(&s, "South Korea")
        let ev = s.shownEvidence(model)
        #expect(ev.count >= 2)
        run(&s, .followNumber)
        type(&s, "2")
        press(&s, .enter)
        #expect(s.section == .reader)
        #expect(s.reader.document == ev[1].sentence.document)
        #expect(s.reader.sentence == Int(ev[1].sentence.index))
        run(&s, .followNumber)
        type(&s, "99")
        press(&s, .enter)
        #expect(s.message?.contains("numbered 1–") == true)
    }

    @Test func marksReturnToAPlace() {
        var s = start()
        run(&s, .moveDown, .moveDown, .setMark)
        type(&s, "a")
        #expect(s.marks["a"] != nil)
        run(&s, .focusPane3, .moveDown, .jumpToMark)
        type(&s, "a")
        #expect(s.section == .articleList)
        #expect(s.position(.articleList).selected == 2)
        run(&s, .jumpToMark)
        type(&s, "'")
        #expect(s.section == .timeline, "'' returns to where the jump started")
        run(&s, .jumpToMark)
        type(&s, "z")
        #expect(s.message == "no mark z")
    }

    @Test func searchListsHitsAndStepsThroughThem() {
        var s = start()
        run(&s, .search)
        type(&s, "sanctions")
        #expect(s.pending == .search(TextInputState("sanctions")))
        press(&s, .enter)
        guard case .results = s.overlay else {
            Issue.record("no results overlay: \(String(describing: s.message))")
            return
        }
        let hits = s.search!.hits
        #expect(!hits.isEmpty)
        run(&s, .followLink)
        #expect(s.overlay == nil)
        #expect(s.section == .reader)
        #expect(s.reader.document == hits[0].document)
        let text = model.workspace.text(of: SentenceID(document: s.reader.document!, index: s.reader.sentence!))
        #expect(text.localizedCaseInsensitiveContains("sanctions"))
        run(&s, .searchNext)
        #expect(s.search!.current != nil)
        run(&s, .searchPrev)
        #expect(s.message?.hasPrefix("hit ") == true)
    }

    @Test func searchWithNoHitsSaysSo() {
        var s = start()
        run(&s, .search)
        type(&s, "zeppelin")
        press(&s, .enter)
        #expect(s.overlay == nil)
        #expect(s.message == "no hits for zeppelin")
        run(&s, .searchNext)
        #expect(s.message == "no search yet: / searches")
    }

    @Test func quickJumpFindsActorsArticlesAndDates() {
        var s = start()
        run(&s, .quickJump)
        type(&s, "pyong")
        press(&s, .enter)
        #expect(s.section == .actorList)
        #expect(model.actor(s.selectedActor!).name == "North Korea")
        press(&s, .char(":"))
        type(&s, "armistice anniv")
        press(&s, .enter)
        #expect(s.section == .reader)
        #expect(model.document(s.reader.document!).title.hasPrefix("Armistice"))
        press(&s, .ctrl("p"))
        type(&s, "2019-11")
        press(&s, .enter)
        #expect(s.section == .timeline)
        #expect(s.selectedTimelineRow == .month(year: 2019, month: 11, count: 1))
        run(&s, .goBack)
        #expect(s.section == .reader)
    }

    @Test func filterNarrowsAllPanesAndClears() {
        var s = start()
        let all = s.derived
        selectActor(&s, "China")
        run(&s, .setFilter)
        #expect(s.filter == .actor(s.selectedActor!))
        #expect(s.derived.articles.count < all.articles.count)
        let china = s.selectedActor!
        for d in s.derived.articles { #expect(model.mentions(in: d).contains { $0.actor == china }) }
        for e in s.derived.events { #expect(model.events[e].actors.contains(china)) }
        #expect(s.derived.actors.contains(china))
        run(&s, .clearFilter)
        #expect(s.filter == nil)
        #expect(s.derived == all)
        run(&s, .goBack)
        #expect(s.filter == .actor(china), "filter changes are in the history")
        run(&s, .cancel)
        #expect(s.filter == nil, "Esc clears the filter when nothing else is open")
        run(&s, .clearFilter)
        #expect(s.message == "no filter to clear")
    }

    @Test func relationAndPeriodAndArticleFilters() {
        var s = start()
        selectActor(&s, "Japan")
        run(&s, .sectionNext, .setFilter)
        guard case .relation = s.filter else {
            Issue.record("expected a relation filter")
            return
        }
        #expect(s.derived.actors.count == 2)
        run(&s, .clearFilter, .focusPane3)
        let year = s.derived.timelineRows.firstIndex { if case .year(2019, _) = $0 { true } else { false } }!
        s.lists[.timeline] = ListPosition(selected: year)
        run(&s, .followLink)
        #expect(s.filter == .dates(PartialDate(year: 2019).firstDay..<PartialDate(year: 2019).endDay, label: "2019"))
        for d in s.derived.articles { #expect(model.document(d).date?.date.year == 2019) }
        run(&s, .clearFilter, .focusPane1, .setFilter)
        #expect(s.derived.articles == [s.selectedDocument!])
    }

    @Test func frozenPaneIgnoresTheFilter() {
        var s = start()
        run(&s, .focusPane3, .toggleFreeze)
        let frozen = s.derived.events
        selectActor(&s, "North Korea")
        run(&s, .setFilter)
        #expect(s.derived.events == frozen)
        #expect(s.derived.articles.count < model.documentCount)
        run(&s, .focusPane3, .toggleFreeze)
        #expect(s.derived.events.count < frozen.count)
    }

    @Test func rollupFoldsPersonsIntoCountries() {
        var s = start()
        run(&s, .focusPane2)
        let moon = model.workspace.actors.actors.firstIndex { $0.id == "moon-jae-in" }!
        let kr = model.workspace.actors.actors.firstIndex { $0.id == "kr" }!
        #expect(s.derived.actors.contains(ActorRef(moon)))
        let before = model.plain.mentionCount[kr]
        run(&s, .toggleRollup)
        #expect(s.rollup)
        #expect(!s.derived.actors.contains(ActorRef(moon)))
        #expect(model.rolled.mentionCount[kr] == before + model.plain.mentionCount[moon])
        run(&s, .toggleRollup)
        #expect(s.derived.actors.contains(ActorRef(moon)))
    }

    @Test func sortAndKindChangeTheActorList() {
        var s = start()
        run(&s, .focusPane2)
        #expect(s.sort == .mentions)
        run(&s, .cycleActorSort)
        #expect(s.sort == .weight)
        let t = s.table(model)
        let weights = s.derived.actors.map { t.weight[$0.index] }
        #expect(weights == weights.sorted(by: >))
        run(&s, .cycleActorSort, .cycleActorSort)
        #expect(s.sort == .mentions)
        run(&s, .filterKind)
        #expect(s.kind == .country)
        #expect(s.derived.actors.allSatisfy { model.actor($0).kind == .country })
        run(&s, .filterKind)
        #expect(s.derived.actors.allSatisfy { model.actor($0).kind == .person })
        run(&s, .filterKind, .filterKind, .filterKind)
        #expect(s.kind == nil)
    }

    @Test func helpQuitRedrawAndCancel() {
        var s = start()
        run(&s, .help)
        #expect(s.overlay == .help(ListPosition()))
        run(&s, .moveDown)
        guard case .help(let p) = s.overlay else {
            Issue.record("help closed")
            return
        }
        #expect(p.top == 1)
        #expect(run(&s, .quit).isEmpty, "q closes the overlay first")
        #expect(s.overlay == nil)
        run(&s, .help, .help)
        #expect(s.overlay == nil)
        #expect(run(&s, .redraw) == [.repaint])
        run(&s, .help, .cancel)
        #expect(s.overlay == nil)
        let effects = run(&s, .quit)
        #expect(effects.last == .quit)
        #expect(effects.contains { if case .saveSession = $0 { true } else { false } })
        #expect(run(&s, .quitNow).last == .quit)
        var t = start()
        t.overlay = .help(ListPosition())
        #expect(press(&t, .ctrl("c")).last == .quit, "Ctrl-C quits even from an overlay")
    }

    @Test func keysGoThroughTheTable() {
        var s = start()
        press(&s, .char("j"), .down)
        #expect(s.position(.articleList).selected == 2)
        press(&s, .tab)
        #expect(s.section == .actorList)
        press(&s, .char("3"))
        #expect(s.section == .timeline)
        press(&s, .char("Q"))
        #expect(s.message?.contains("not bound") == true)
        press(&s, .char("1"), .enter, .backspace)
        #expect(s.section == .articleList)
        press(&s, .char("L"))
        #expect(s.section == .reader)
        press(&s, .ctrl("o"))
        #expect(s.section == .articleList)
    }

    @Test func mouseFocusesSelectsAndScrolls() {
        var s = start()
        let l = App.layout(s)
        let actors = l.content(.actorList)!
        App.update(&s, event: .mouse(MouseEvent(kind: .press, x: actors.x + 2, y: actors.y + 2)), model: model)
        #expect(s.section == .actorList)
        #expect(s.position(.actorList).selected == 2)
        App.update(&s, event: .mouse(MouseEvent(kind: .wheelDown, x: actors.x + 2, y: actors.y)), model: model)
        #expect(s.position(.actorList).selected == 5)
        App.update(&s, event: .mouse(MouseEvent(kind: .doubleClick, x: actors.x + 2, y: actors.y)), model: model)
        #expect(s.section == .relations || s.message == "this actor has no relations")
        let reader = l.content(.reader)!
        let lines = model.readerLayout(s.reader.document!, width: reader.width).lines
        let firstText = lines.firstIndex { if case .text = $0.kind { true } else { false } }!
        App.update(&s, event: .mouse(MouseEvent(kind: .press, x: reader.x + 1, y: reader.y + firstText)), model: model)
        #expect(s.section == .reader)
        #expect(s.reader.sentence == 0)
        #expect(s.reader.link != nil, "the first words of the newest article name an actor")
    }

    @Test func resizeKeepsSelectionsValid() {
        var s = start()
        run(&s, .goBottom)
        App.update(&s, event: .resize(Size(width: 50, height: 14)), model: model)
        #expect(s.size == Size(width: 50, height: 14))
        let p = s.position(.articleList)
        #expect(p.selected == s.derived.articles.count - 1)
        #expect(p.top <= p.selected)
    }

    @Test func loadingStateOnlyQuits() {
        var s = AppState(size: Size(width: 80, height: 24))
        s.loading = true
        #expect(App.update(&s, event: .key(.char("j")), model: nil).isEmpty)
        #expect(App.update(&s, event: .key(.char("q")), model: nil) == [.quit])
        #expect(App.view(s, model: nil).text.contains("loading…"))
    }

    @Test func sessionRoundTripsByStableKeys() throws {
        var s = start()
        selectActor(&s, "Japan")
        run(&s, .setFilter, .focusPane1, .moveDown, .followLink, .moveDown, .moveDown)
        let session = Session(s, model)
        let data = try JSONEncoder().encode(session)
        let back = try JSONDecoder().decode(Session.self, from: data)
        var t = start()
        back.apply(to: &t, model)
        #expect(t.filter == s.filter)
        #expect(t.section == .reader)
        #expect(t.reader.document == s.reader.document)
        #expect(t.reader.sentence == s.reader.sentence)
        #expect(t.reader.top == s.reader.top)
    }
}
