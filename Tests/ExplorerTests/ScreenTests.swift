import Foundation
import PolicyIndex
import SnapshotTesting
import Testing
import TextUI

@testable import Explorer

/// Whole screens of each pane at three sizes, compared with committed text
/// snapshots, plus the styles of the cells that carry meaning.
@MainActor
struct ScreenTests {
    let model = Fixture.model
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    func state(_ size: Size, _ commands: [Command]) -> AppState {
        var s = App.initialState(size: size, model: model)
        for c in commands { App.update(&s, command: c, model: model) }
        return s
    }

    /// The article whose text contains `needle`, open in the reader.
    func reading(_ needle: String) -> AppState {
        var s = state(Size(width: 120, height: 40), [])
        let d = model.documentOrder.firstIndex { model.document($0).text.contains(needle) }!
        s.lists[.articleList] = ListPosition(selected: d)
        s.reader = ReaderState(document: model.documentOrder[d])
        return s
    }

    static let scenes: [(String, [Command])] = [
        ("articles", [.moveDown, .followLink, .moveDown, .moveDown]),
        ("actors", [.focusPane2, .moveDown, .followLink, .followLink]),
        ("timeline", [.focusPane3, .moveDown, .moveDown]),
    ]

    @Test(arguments: [0, 1, 2])
    func paneScreens(scene: Int) {
        let (name, commands) = Self.scenes[scene]
        for size in Self.sizes {
            let text = App.view(state(size, commands), model: model).text
            assertSnapshot(of: text, as: .lines, named: "\(name)-\(size.width)x\(size.height)")
        }
    }

    @Test func helpOverlayIsGeneratedFromTheKeyTable() {
        let s = state(Size(width: 120, height: 40), [.help])
        let text = App.view(s, model: model).text
        #expect(text.contains("follow-link"))
        #expect(text.contains("C-o"))
        assertSnapshot(of: text, as: .lines, named: "help-120x40")
    }

    @Test func readerColoursMentionsByKindAndMarksDates() {
        let s = state(Size(width: 120, height: 40), [.moveDown, .followLink])
        let c = App.view(s, model: model)
        let theme = s.theme
        // The second-newest article opens with "South Korea and the United States agreed … March 2021".
        guard let p = c.find("South Korea and") else {
            Issue.record("reader text not found")
            return
        }
        #expect(c[p.x, p.y].style.fg == theme.country.fg)
        guard let d = c.find("March 2021") else {
            Issue.record("date not found")
            return
        }
        #expect(c[d.x, d.y].style.fg == theme.date.fg)
        #expect(c[d.x, d.y].style.attributes.contains(.underline))
        guard let b = c.find("Share this article") else {
            Issue.record("boilerplate not found")
            return
        }
        #expect(c[b.x, b.y].style == theme.boilerplate)
        guard let m = c.find("Moon Jae-in") else {
            Issue.record("person not found")
            return
        }
        #expect(c[m.x, m.y].style.fg == theme.person.fg)
    }

    @Test func selectedRowAndSearchHitsAreStyled() {
        var s = state(Size(width: 120, height: 40), [])
        let c = App.view(s, model: model)
        let l = App.layout(s)
        let row = l.content(.articleList)!
        #expect(c[row.x + 12, row.y].style.bg == s.theme.selection.bg)
        #expect(c[row.x + 12, row.y + 1].style.bg != s.theme.selection.bg)
        App.update(&s, command: .search, model: model)
        for ch in "sanctions" { App.update(&s, event: .key(.char(ch)), model: model) }
        App.update(&s, event: .key(.enter), model: model)
        App.update(&s, command: .followLink, model: model)
        let c2 = App.view(s, model: model)
        let reader = l.content(.reader)!
        var found = false
        for y in reader.y..<reader.maxY {
            for x in reader.x..<reader.maxX where c2[x, y].text == "s" && c2[x, y].style.bg == s.theme.hit.bg {
                found = true
            }
        }
        #expect(found, "the search hit is highlighted in the reader")
    }

    @Test func statusBarShowsTheFilterAndFrozenPanes() {
        var s = state(Size(width: 160, height: 40), [.focusPane2, .setFilter, .focusPane3, .toggleFreeze])
        let c = App.view(s, model: model)
        let status = c.line(38)
        #expect(status.contains("filter: actor South Korea (F clears)"))
        #expect(status.contains("frozen: Timeline"))
        #expect(c.text.contains("[frozen]"))
        App.update(&s, command: .clearFilter, model: model)
        #expect(!App.view(s, model: model).line(38).contains("filter:"))
    }

    @Test func controlBytesNeverReachTheScreen() {
        let s = reading("\u{1B}")
        let c = App.view(s, model: model)
        #expect(c.text.contains("␛[2J"))
        for cell in c.cells { #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) }
    }

    @Test func wideCharactersKeepTheirColumns() {
        let s = reading("한국")
        let c = App.view(s, model: model)
        guard let p = c.find("한국") else {
            Issue.record("Hangul not drawn")
            return
        }
        #expect(c[p.x + 1, p.y].isContinuation)
        // The right border stays in its column on the Hangul row.
        let reader = App.layout(s).boxes[.reader]!
        #expect(c[reader.maxX - 1, p.y].text == "│")
    }

    @Test func everySizeDrawsWithoutCrashing() {
        let sizes = [(1, 1), (2, 1), (1, 5), (10, 3), (39, 11), (40, 12), (60, 20), (80, 24), (100, 30), (119, 40), (120, 19), (300, 100)]
        for (w, h) in sizes {
            for scene in Self.scenes {
                var s = state(Size(width: w, height: h), scene.1)
                let c = App.view(s, model: model)
                #expect(c.size == Size(width: w, height: h))
                App.update(&s, command: .help, model: model)
                _ = App.view(s, model: model)
                App.update(&s, command: .quickJump, model: model)
                _ = App.view(s, model: model)
            }
        }
        let tiny = App.view(state(Size(width: 30, height: 10), []), model: model)
        #expect(tiny.text.contains("polex needs 40×12"))
    }

    @Test func layoutModesFollowTheSize() {
        #expect(ScreenLayout(size: Size(width: 200, height: 60), focus: .articleList).mode == .wide)
        #expect(ScreenLayout(size: Size(width: 100, height: 40), focus: .articleList).mode == .stacked)
        #expect(ScreenLayout(size: Size(width: 80, height: 24), focus: .articleList).mode == .tabbed)
        #expect(ScreenLayout(size: Size(width: 39, height: 24), focus: .articleList).mode == .tiny)
        let stacked = ScreenLayout(size: Size(width: 100, height: 40), focus: .timeline)
        #expect(stacked.boxes[.timeline]!.height > stacked.collapsed[.articles]!.height)
    }
}
