import ArgumentParser
import Explorer
import Foundation
import PolicyIndex
import TextUI

/// `polex --script FILE --dump-screen WxH [PATH…]`: replays a script headless
/// and prints the final screen as text (golden tests compare it). With
/// `--timings` it also reports on stderr how long loading, the explorer's
/// tables, the first frame and each step (update plus a full redraw) took.
enum ScriptReplay {
    static func run(script path: String, size: Size, corpus: CorpusOptions, timings: Bool) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read script \(path)")
        }
        let steps: [ScriptStep]
        do {
            steps = try Script.parse(text)
        } catch let e as ScriptError {
            throw ValidationError("\(path): \(e)")
        }
        let clock = ContinuousClock()
        var t0 = clock.now
        let workspace = try corpus.openWorkspace()
        let loadTime = clock.now - t0
        t0 = clock.now
        let model = ExplorerModel(workspace: workspace)
        let modelTime = clock.now - t0
        t0 = clock.now
        var state = App.initialState(size: size, model: model)
        var screen = App.view(state, model: model)
        let firstFrame = clock.now - t0
        var stepTimes: [(Duration, ScriptStep)] = []
        for step in steps {
            t0 = clock.now
            let effects = Script.run([step], state: &state, model: model)
            screen = App.view(state, model: model)
            stepTimes.append((clock.now - t0, step))
            if effects.contains(.quit) { break }
        }
        FileHandle.standardOutput.write(Data((screen.text + "\n").utf8))
        guard timings else { return }
        func ms(_ d: Duration) -> String { String(format: "%.2f ms", d.seconds * 1000) }
        Stderr.print("polex: \(model.documentCount) articles · load and analyse \(String(format: "%.2f s", loadTime.seconds)) · explorer tables \(ms(modelTime)) · first frame \(ms(firstFrame))")
        let sorted = stepTimes.map(\.0).sorted()
        if let worst = stepTimes.max(by: { $0.0 < $1.0 }) {
            Stderr.print("polex: \(stepTimes.count) steps · update and redraw: median \(ms(sorted[sorted.count / 2])), max \(ms(worst.0)) (\(worst.1))")
        }
    }
}
