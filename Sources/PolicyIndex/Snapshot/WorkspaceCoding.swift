import Dispatch

/// The payload: every part of a workspace in its own length-prefixed section,
/// so the sections can be decoded side by side.
///
/// Sections, in order: documents, load issues, text index, shared strings,
/// actor analysis, timeline.
enum WorkspaceCoding {
    struct Parts: Sendable {
        var documents: [Document]
        var issues: [LoadIssue]
        var textIndex: TextIndex
        var actors: ActorAnalysis
        var timeline: Timeline
    }

    /// The payload in pieces whose bytes one after the other are the payload,
    /// made on both cores: text and index on one, actors and timeline on the
    /// other, with the strings they share put before them as a piece of their own.
    /// Nothing is copied into a joined array, which would hold the payload twice.
    static func encodePieces(_ ws: Workspace) -> [[UInt8]] {
        nonisolated(unsafe) var first = SnapshotWriter()
        nonisolated(unsafe) var strings = SnapshotWriter()
        nonisolated(unsafe) var body = SnapshotWriter()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                // Room for everything this half writes, so the writer never regrows
                // (a regrowth holds the old and the new buffer at once); pages of
                // the reservation that stay unused are never touched.
                let text = ws.documents.reduce(0) { $0 + $1.text.utf8.count + 64 * ($1.sentences.count + $1.paragraphs.count) }
                let index = ws.textIndex.segments.reduce(0) { $0 + $1.docStream.bytes.count + $1.posStream.bytes.count }
                var w = SnapshotWriter(reserving: 2 * (text + index) + (1 << 20))
                w.section { DocumentCoding.encode(ws.documents, into: &$0) }
                w.section { encode(ws.issues, into: &$0) }
                w.section { IndexCoding.encode(ws.textIndex, into: &$0) }
                first = w
            } else {
                var table = StringTable()
                var b = SnapshotWriter()
                b.section { ActorCoding.encode(ws.actors, strings: &table, into: &$0) }
                b.section { TimelineCoding.encode(ws.timeline, strings: &table, into: &$0) }
                var t = SnapshotWriter()
                t.section { table.encode(into: &$0) }
                strings = t
                body = b
            }
        }
        return [first.bytes, strings.bytes, body.bytes]
    }

    /// Decodes a payload. `release` is told of each section once it has been
    /// decoded and is not read again (the snapshot file gives its pages back).
    /// `early` gets the documents and the issues as soon as they are decoded,
    /// then the text index too, while the actors and the timeline are still
    /// being decoded (most of the time).
    static func decode(
        _ payload: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void = { _ in },
        early: (@Sendable (_ documents: [Document], _ issues: [LoadIssue], _ index: TextIndex?) -> Void)? = nil
    ) throws(SnapshotProblem) -> Parts {
        var r = SnapshotReader(payload)
        nonisolated(unsafe) let documentBytes = try r.readRaw()
        nonisolated(unsafe) let issueBytes = try r.readRaw()
        nonisolated(unsafe) let indexBytes = try r.readRaw()
        nonisolated(unsafe) let stringBytes = try r.readRaw()
        nonisolated(unsafe) let actorBytes = try r.readRaw()
        nonisolated(unsafe) let timelineBytes = try r.readRaw()
        try r.expectEnd()
        var dr = SnapshotReader(documentBytes)
        let documents = try DocumentCoding.decode(&dr)
        try dr.expectEnd()
        release(documentBytes)
        var lr = SnapshotReader(issueBytes)
        let issues = try decodeIssues(&lr)
        try lr.expectEnd()
        early?(documents, issues, nil)
        let check = SentenceCheck(documents)
        nonisolated(unsafe) var index: Result<TextIndex, SnapshotProblem> = .failure(.truncated)
        nonisolated(unsafe) var rest: Result<(ActorAnalysis, Timeline), SnapshotProblem> = .failure(.truncated)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                index = Result { () throws(SnapshotProblem) in
                    var ir = SnapshotReader(indexBytes)
                    let t = try IndexCoding.decode(&ir, documents: documents)
                    try ir.expectEnd()
                    release(indexBytes)
                    early?(documents, issues, t)
                    return t
                }
            } else {
                rest = Result { () throws(SnapshotProblem) in
                    var sr = SnapshotReader(stringBytes)
                    let strings = try StringTable.decode(&sr)
                    try sr.expectEnd()
                    var ar = SnapshotReader(actorBytes)
                    let actors = try ActorCoding.decode(&ar, strings: strings, sentences: check)
                    try ar.expectEnd()
                    release(actorBytes)
                    var tr = SnapshotReader(timelineBytes)
                    let timeline = try TimelineCoding.decode(&tr, strings: strings, sentences: check, actorCount: actors.actors.count)
                    try tr.expectEnd()
                    release(timelineBytes)
                    release(stringBytes)
                    return (actors, timeline)
                }
            }
        }
        let (actors, timeline) = try rest.get()
        return Parts(documents: documents, issues: issues, textIndex: try index.get(), actors: actors, timeline: timeline)
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
    /// documents is hundreds of megabytes at 50,000 articles: no second copy).
    mutating func section(_ body: (inout SnapshotWriter) -> Void) {
        let at = bytes.count
        append(UInt64(0))
        body(&self)
        patch(UInt64(bytes.count - at - 8), at: at)
    }
}
