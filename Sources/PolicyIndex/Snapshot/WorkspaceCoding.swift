import Dispatch

/// The payload: every part of a workspace in its own length-prefixed section,
/// so the sections can be decoded side by side.
///
/// Sections, in order: documents, load issues, text index, actor analysis,
/// timeline, and last the strings the actors and the timeline share (their
/// records name strings by number; the table is complete only after both).
enum WorkspaceCoding {
    struct Parts: Sendable {
        var documents: [Document]
        var issues: [LoadIssue]
        var textIndex: TextIndex
        var actors: ActorAnalysis
        var timeline: Timeline
    }

    /// The payload as two parts that are encoded side by side, on both cores:
    /// text and index, then actors, timeline and their strings. Their bytes one
    /// after the other are the payload.
    static func parts(_ ws: Workspace) -> [SnapshotPart] {
        [
            { w in
                w.section { DocumentCoding.encode(ws.documents, into: &$0) }
                w.section { encode(ws.issues, into: &$0) }
                w.section { IndexCoding.encode(ws.textIndex, into: &$0) }
            },
            { w in
                var table = StringTable()
                w.section { ActorCoding.encode(ws.actors, strings: &table, into: &$0) }
                w.section { TimelineCoding.encode(ws.timeline, strings: &table, into: &$0) }
                w.section { table.encode(into: &$0) }
            },
        ]
    }

    /// Decodes a payload. `release` is told of each section once it has been
    /// decoded and is not read again (the snapshot file gives its pages back).
    /// `early` gets the documents and the issues as soon as they are decoded,
    /// then the text index too, while the actors and the timeline are still
    /// being decoded (most of the time). `stop` is asked once the documents
    /// are decoded; when it says so, the rest is not decoded (`.stopped`).
    static func decode(
        _ payload: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void = { _ in },
        stop: @Sendable () -> Bool = { false },
        early: (@Sendable (_ documents: [Document], _ issues: [LoadIssue], _ index: TextIndex?) -> Void)? = nil
    ) throws(SnapshotProblem) -> Parts {
        var r = SnapshotReader(payload)
        nonisolated(unsafe) let documentBytes = try r.readRaw()
        nonisolated(unsafe) let issueBytes = try r.readRaw()
        nonisolated(unsafe) let indexBytes = try r.readRaw()
        nonisolated(unsafe) let actorBytes = try r.readRaw()
        nonisolated(unsafe) let timelineBytes = try r.readRaw()
        nonisolated(unsafe) let stringBytes = try r.readRaw()
        try r.expectEnd()
        var dr = SnapshotReader(documentBytes)
        let documents = try DocumentCoding.decode(&dr)
        try dr.expectEnd()
        release(documentBytes)
        var lr = SnapshotReader(issueBytes)
        let issues = try decodeIssues(&lr)
        try lr.expectEnd()
        early?(documents, issues, nil)
        // The documents are a third of the work; the key's verdict is usually
        // in by the time they are decoded.
        if stop() { throw .stopped }
        let check = SentenceCheck(documents)
        var sr = SnapshotReader(stringBytes)
        let strings = try StringTable.decode(&sr)
        try sr.expectEnd()
        // The timeline checks its actor numbers against the count at the head of
        // the actors' section, so it need not wait for the actors to be decoded.
        var peek = SnapshotReader(actorBytes)
        let actorCount = try peek.readCount(bytesEach: 8)
        // Three jobs, not two: the timeline after the actors ran alone on one
        // core for a second at 50,000 articles once the index was done.
        nonisolated(unsafe) var index: Result<TextIndex, SnapshotProblem> = .failure(.truncated)
        nonisolated(unsafe) var actors: Result<ActorAnalysis, SnapshotProblem> = .failure(.truncated)
        nonisolated(unsafe) var timeline: Result<Timeline, SnapshotProblem> = .failure(.truncated)
        SideBySide.run([
            {
                index = Result { () throws(SnapshotProblem) in
                    var ir = SnapshotReader(indexBytes)
                    ir.release = release
                    let t = try IndexCoding.decode(&ir, documents: documents)
                    try ir.expectEnd()
                    release(indexBytes)
                    early?(documents, issues, t)
                    return t
                }
            },
            {
                actors = Result { () throws(SnapshotProblem) in
                    var ar = SnapshotReader(actorBytes)
                    ar.release = release
                    let a = try ActorCoding.decode(&ar, strings: strings, sentences: check)
                    try ar.expectEnd()
                    release(actorBytes)
                    return a
                }
            },
            {
                timeline = Result { () throws(SnapshotProblem) in
                    var tr = SnapshotReader(timelineBytes)
                    tr.release = release
                    let t = try TimelineCoding.decode(&tr, strings: strings, sentences: check, actorCount: actorCount)
                    try tr.expectEnd()
                    release(timelineBytes)
                    return t
                }
            },
        ])
        release(stringBytes)
        let (actorAnalysis, timelineValue) = (try actors.get(), try timeline.get())
        return Parts(documents: documents, issues: issues, textIndex: try index.get(), actors: actorAnalysis, timeline: timelineValue)
    }

    private static func encode(_ issues: [LoadIssue], into w: inout SnapshotWriter) {
        w.append(UInt64(issues.count))
        for i in issues {
            w.append(i.path)
            w.append(Int64(i.line ?? -1))
            w.append(i.severity.snapshotCode)
            w.append(i.reason)
        }
    }

    private static func decodeIssues(_ r: inout SnapshotReader) throws(SnapshotProblem) -> [LoadIssue] {
        var out: [LoadIssue] = []
        for _ in 0..<(try r.readCount(bytesEach: 8)) {
            let path = try r.readString()
            let line = try r.read(Int64.self)
            let severity = try r.readCode(LoadIssue.Severity.self)
            out.append(LoadIssue(path: path, line: line < 0 ? nil : Int(line), severity: severity, reason: try r.readString()))
        }
        return out
    }
}

extension SnapshotWriter {
    /// Appends what `body` writes as one length-prefixed section, written in
    /// place behind a length that is filled in afterwards (a section of the
    /// documents is hundreds of megabytes at 50,000 articles: no second copy;
    /// a streaming writer patches the length into the file).
    mutating func section(_ body: (inout SnapshotWriter) -> Void) {
        let at = count
        append(UInt64(0))
        body(&self)
        patch(UInt64(count - at - 8), at: at)
    }
}
