import Foundation
import Testing

@testable import Explorer
@testable import PolicyIndex

/// The explorer asks for the workspace's `actor:` lists as soon as it has a
/// model, so that a filter typed in the first seconds rarely waits.
struct BackgroundWorkTests {
    @Test func aModelStartsTheActorListsOfItsWorkspace() {
        let ws = Fixture.model.workspace
        // A fresh workspace over the same parts: nobody has started its lists.
        let fresh = Workspace(
            roots: ws.roots, documents: ws.documents, issues: ws.issues, textIndex: ws.textIndex, actors: ws.actors,
            timeline: ws.timeline, timings: ws.timings)
        #expect(!fresh.actorFilter.isReady)
        _ = ExplorerModel(workspace: fresh)
        let deadline = Date().addingTimeInterval(10)
        while !fresh.actorFilter.isReady, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(fresh.actorFilter.isReady)
    }
}
