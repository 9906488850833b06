import ArgumentParser
import Explorer
import Foundation
import TextUI

/// `polex --script FILE --dump-screen WxH [PATH…]`: replays a script headless
/// and prints the final screen as text (golden tests compare it).
enum ScriptReplay {
    static func run(script path: String, size: Size, corpus: CorpusOptions) throws {
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
        let model = ExplorerModel(workspace: try corpus.openWorkspace())
        var state = App.initialState(size: size, model: model)
        Script.run(steps, state: &state, model: model)
        let screen = App.view(state, model: model).text
        FileHandle.standardOutput.write(Data((screen + "\n").utf8))
    }
}
