import PolicyIndex
import Testing
import TextUI

@testable import Explorer

@Suite struct LoadingScreenTests {
    func loadingScreen(_ progress: LoadProgress?, width: Int = 80, height: Int = 24) -> Canvas {
        var s = AppState(size: Size(width: width, height: height))
        s.loading = true
        s.loadProgress = progress
        return App.view(s, model: nil)
    }

    @Test func readingShowsFilesReadOfTotalWithABarAndTheStep() {
        let c = loadingScreen(LoadProgress(stage: .reading, done: 12_345, total: 50_000))
        #expect(c.text.contains("Reading files…  12,345 / 50,000"))
        #expect(c.text.contains("24%"))
        #expect(c.text.contains("step 1 of 5"))
        // The bar is 50 columns here: 24.69 % of it is 12 full cells and a partial one.
        let bar = c.lines.first { $0.contains("▕") }!
        #expect(bar.filter { $0 == "█" }.count == 12)
        #expect(c.lines.suffix(2).contains { $0.contains("polex · loading…") })
    }

    @Test func laterStagesNameThemselvesWithoutABar() {
        let c = loadingScreen(LoadProgress(stage: .timeline, done: 0, total: 9_876))
        #expect(c.text.contains("Building the timeline…  9,876 articles"))
        #expect(c.text.contains("step 3 of 5"))
        #expect(!c.text.contains("▕"))
    }

    @Test func beforeTheFirstReportItSaysLoading() {
        #expect(loadingScreen(nil).text.contains("loading…"))
    }

    @Test func tinyTerminalsGetOneClippedLine() {
        for (w, h) in [(1, 1), (10, 2), (20, 3), (40, 12)] {
            let c = loadingScreen(LoadProgress(stage: .reading, done: 3, total: 7), width: w, height: h)
            #expect(c.lines.count == h)
            #expect(c.lines.allSatisfy { CharacterWidth.columns($0) <= w })
        }
        #expect(loadingScreen(LoadProgress(stage: .reading, done: 3, total: 7), width: 30, height: 3).text.contains("Reading files"))
    }

    @Test func groupsThousands() {
        #expect(LoadingView.grouped(0) == "0")
        #expect(LoadingView.grouped(999) == "999")
        #expect(LoadingView.grouped(1000) == "1,000")
        #expect(LoadingView.grouped(1_234_567) == "1,234,567")
    }
}
