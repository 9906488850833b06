import Explorer
import Foundation
import PolicyIndex
import TextUI

/// Times what the explorer does on screen for `polex bench --frames`: building its
/// model, the first frame, a frame of each pane, a keystroke in each pane (update
/// plus redraw), and setting and clearing the global filter, all without a terminal.
enum FrameBench {
    static func run(_ ws: Workspace, size: Size, repeat n: Int) -> FrameReport {
        let clock = ContinuousClock()
        var t = clock.now
        let model = ExplorerModel(workspace: ws)
        let modelSeconds = (clock.now - t).seconds
        t = clock.now
        // The first frame is timed while the rolled-up table is still being
        // built, as a user sees it; the frames and keys after it are not.
        let first = App.initialState(size: size, model: model)
        _ = App.view(first, model: model)
        let firstFrameMs = (clock.now - t).seconds * 1000

        model.settle()
        var timings: [Timing] = []
        let panes: [(Pane, Command)] = [(.articles, .focusPane1), (.actors, .focusPane2), (.timeline, .focusPane3)]
        for (pane, focus) in panes {
            var s = first
            _ = App.update(&s, command: focus, model: model)
            let frame = s
            timings.append(Timing.measure("frame \(pane.title.lowercased())", repeat: n) { _ = App.view(frame, model: model) })
            // Down then up, so every run starts from the same row.
            var moving = s
            var down = true
            timings.append(
                Timing.measure("keystroke \(pane.title.lowercased())", repeat: n) {
                    _ = App.update(&moving, command: down ? .moveDown : .moveUp, model: model)
                    _ = App.view(moving, model: model)
                    down.toggle()
                })
        }
        // Setting the filter (the selected actor) and clearing it again, timed
        // apart: they walk different lists (one actor's, or the whole corpus's).
        var s = first
        _ = App.update(&s, command: .focusPane2, model: model)
        let unfiltered = s
        _ = App.update(&s, command: .setFilter, model: model)
        let withFilter = s
        for (name, start, command) in [("filter set", unfiltered, Command.setFilter), ("filter clear", withFilter, .clearFilter)] {
            timings.append(
                Timing.measure(name, repeat: n) {
                    var next = start
                    _ = App.update(&next, command: command, model: model)
                    _ = App.view(next, model: model)
                })
        }
        return FrameReport(
            width: size.width, height: size.height, modelSeconds: modelSeconds, firstFrameMs: firstFrameMs, frames: timings)
    }
}

/// What `polex bench --frames` adds to the report.
struct FrameReport: Encodable {
    var width: Int
    var height: Int
    var modelSeconds: Double
    var firstFrameMs: Double
    var frames: [Timing]
}
