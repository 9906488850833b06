import Testing

@testable import PolicyIndex

@Suite struct WorkspaceBuildTests {
    /// A build runs its stages side by side and hands results between them;
    /// the result must be what the actor analysis and the timeline give one
    /// after the other on the same documents.
    @Test func aBuildEqualsTheAnalysisAndTimelineMadeOneAfterTheOther() throws {
        let corpus = TempCorpus()
        SnapshotFixtures.write(into: corpus, articles: 40)
        let ws = try Workspace.open(paths: [corpus.root], options: SnapshotFixtures.options())
        let data = SnapshotFixtures.dataDirectory
        let dictionary = ActorDictionary.load(bundled: data + "/actors.yaml", files: [], corpusRoots: [corpus.root]).dictionary
        let cues = RelationCues.load(path: data + "/relations.yaml").cues
        let analysis = ActorAnalyzer(dictionary: dictionary, cues: cues).analyze(ws.documents)
        let timeline = Timeline(documents: ws.documents, actors: analysis)
        #expect(ws.actors.relations.count > 10)
        #expect(ws.actors.relations == analysis.relations)
        #expect(StructuralDump.of(ws.actors) == StructuralDump.of(analysis))
        #expect(StructuralDump.of(ws.timeline) == StructuralDump.of(timeline))
    }
}
