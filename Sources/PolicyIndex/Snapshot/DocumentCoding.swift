import Dispatch

/// One document's fixed-size fields; its strings, paragraphs and sentences
/// follow in flat arrays shared by all documents.
struct DocumentRecord: BitwiseCopyable {
    var byteCount: Int64
    /// -1 when the document is not from a JSON Lines file.
    var line: Int64
    var date: PartialDateRecord
    /// Where this document's strings start in the shared length and byte arrays.
    var firstString: UInt64
    var firstByte: UInt64
    var paragraphCount: UInt32
    var sentenceCount: UInt32
    var tagCount: UInt32
    var extraCount: UInt32
    var format: UInt8
    /// `DocumentDate.Origin` code + 1, 0 when undated.
    var dateOrigin: UInt8
    var pad0: UInt16 = 0
    var pad1: UInt32 = 0
}

struct ParagraphRecord: BitwiseCopyable {
    var start: Int32
    var end: Int32
    var firstSentence: Int32
    var endSentence: Int32
    var kind: UInt8
    /// `BoilerplateReason` code + 1, 0 for content.
    var boilerplate: UInt8
    var pad: UInt16 = 0
}

struct SentenceRecord: BitwiseCopyable {
    var start: Int32
    var end: Int32
    var paragraph: Int32
    var wordCount: Int32
    /// The sentence's own id, which the build sets to (document, position).
    var document: Int32
    var index: Int32
    var isBoilerplate: UInt8
    var pad0: UInt8 = 0
    var pad1: UInt16 = 0
}

/// Documents with their text, paragraphs and sentences.
///
/// Each document's strings are, in order: path, title, source, author, url,
/// its tags, its extra keys and values (sorted by key), and its text; nil is
/// length `UInt32.max`.
enum DocumentCoding {
    static func encode(_ documents: [Document], into w: inout SnapshotWriter) {
        // One pass over the documents per array, each written in batches: at
        // 50,000 articles the sentence records alone are 80 MB.
        var stringCount = 0
        var blobBytes = 0
        w.append(count: documents.count) { put in
            for d in documents {
                put(
                    DocumentRecord(
                        byteCount: Int64(d.byteCount), line: Int64(d.line ?? -1), date: PartialDateRecord(d.date?.date),
                        firstString: UInt64(stringCount), firstByte: UInt64(blobBytes), paragraphCount: UInt32(d.paragraphs.count),
                        sentenceCount: UInt32(d.sentences.count), tagCount: UInt32(d.tags.count), extraCount: UInt32(d.extra.count),
                        format: d.format.snapshotCode, dateOrigin: d.date.map { $0.origin.snapshotCode + 1 } ?? 0))
                forEachString(of: d) { s in
                    stringCount += 1
                    blobBytes += s?.utf8.count ?? 0
                }
            }
        }
        w.append(count: documents.reduce(0) { $0 + $1.paragraphs.count }) { put in
            for d in documents {
                for p in d.paragraphs {
                    put(
                        ParagraphRecord(
                            start: p.span.start, end: p.span.end, firstSentence: Int32(p.sentences.lowerBound),
                            endSentence: Int32(p.sentences.upperBound), kind: p.kind.snapshotCode,
                            boilerplate: p.boilerplate.map { $0.snapshotCode + 1 } ?? 0))
                }
            }
        }
        w.append(count: documents.reduce(0) { $0 + $1.sentences.count }) { put in
            for d in documents {
                for s in d.sentences {
                    put(
                        SentenceRecord(
                            start: s.span.start, end: s.span.end, paragraph: s.paragraph, wordCount: s.wordCount,
                            document: s.id.document.raw, index: s.id.index, isBoilerplate: s.isBoilerplate ? 1 : 0))
                }
            }
        }
        w.append(count: stringCount) { put in
            for d in documents { forEachString(of: d) { s in put(s.map { UInt32($0.utf8.count) } ?? UInt32.max) } }
        }
        // The strings go straight into the payload, as one length-prefixed run
        // (a second pass, so that the text is never gathered into a copy first).
        w.append(UInt64(blobBytes))
        for d in documents {
            forEachString(of: d) { s in
                guard var s else { return }
                s.withUTF8 { w.appendBytes(UnsafeRawBufferPointer($0)) }
            }
        }
    }

    /// A document's strings in their stored order (see above).
    private static func forEachString(of d: Document, _ body: (String?) -> Void) {
        for s in [d.path, d.title, d.source, d.author, d.url] { body(s) }
        for t in d.tags { body(t) }
        for (k, v) in d.extra.sorted(by: { $0.key < $1.key }) {
            body(k)
            body(v)
        }
        body(d.text)
    }

    static func decode(_ r: inout SnapshotReader) throws(SnapshotProblem) -> [Document] {
        let records = try r.readRecords(DocumentRecord.self)
        let paragraphs = try r.readRecords(ParagraphRecord.self)
        let sentences = try r.readRecords(SentenceRecord.self)
        let lengths = try r.readRecords(UInt32.self)
        nonisolated(unsafe) let blob = try r.readRaw()
        // Where each document's paragraphs and sentences start, checked before any work is shared out.
        var paragraphStart = [Int](repeating: 0, count: records.count + 1)
        var sentenceStart = [Int](repeating: 0, count: records.count + 1)
        for (i, rec) in records.enumerated() {
            paragraphStart[i + 1] = paragraphStart[i] + Int(rec.paragraphCount)
            sentenceStart[i + 1] = sentenceStart[i] + Int(rec.sentenceCount)
            let strings = 6 + Int(rec.tagCount) + 2 * Int(rec.extraCount)
            // Stored offsets are UInt64: checked before `Int(_:)`, which would trap on a damaged one.
            let firstString = try SnapshotNumbers.offset(rec.firstString, upTo: lengths.count, "document \(i) strings")
            let firstByte = try SnapshotNumbers.offset(rec.firstByte, upTo: blob.count, "document \(i) bytes")
            let last = i + 1 == records.count
            let nextString = last ? lengths.count : try SnapshotNumbers.offset(records[i + 1].firstString, upTo: lengths.count, "strings")
            let nextByte = last ? blob.count : try SnapshotNumbers.offset(records[i + 1].firstByte, upTo: blob.count, "bytes")
            guard firstString + strings == nextString, firstByte <= nextByte else { throw .corrupt("document \(i) strings out of place") }
        }
        guard paragraphStart[records.count] == paragraphs.count, sentenceStart[records.count] == sentences.count else {
            throw .corrupt("paragraph or sentence counts do not add up")
        }
        let paragraphStarts = paragraphStart
        let sentenceStarts = sentenceStart
        var out = [Document?](repeating: nil, count: records.count)
        let workers = 2
        var failures = [SnapshotProblem?](repeating: nil, count: workers)
        out.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            failures.withUnsafeMutableBufferPointer { failed in
            nonisolated(unsafe) let failed = failed
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < records.count {
                    do {
                        slots[i] = try document(
                            i, records[i], paragraphs[paragraphStarts[i]..<paragraphStarts[i + 1]],
                            sentences[sentenceStarts[i]..<sentenceStarts[i + 1]], lengths, blob)
                    } catch let problem as SnapshotProblem {
                        failed[w] = problem
                        return
                    } catch {
                        failed[w] = .corrupt("\(error)")
                        return
                    }
                    i += workers
                }
            }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return out.map { $0! }
    }

    private static func document(
        _ i: Int, _ rec: DocumentRecord, _ paragraphs: Slice<SnapshotRecords<ParagraphRecord>>,
        _ sentences: Slice<SnapshotRecords<SentenceRecord>>, _ lengths: SnapshotRecords<UInt32>, _ blob: UnsafeRawBufferPointer
    ) throws(SnapshotProblem) -> Document {
        var next = Int(rec.firstString)
        var at = Int(rec.firstByte)
        func string() throws(SnapshotProblem) -> String? {
            let n = lengths[next]
            next += 1
            if n == UInt32.max { return nil }
            let end = at + Int(n)
            guard end <= blob.count else { throw .corrupt("document \(i) string overruns") }
            defer { at = end }
            return String(copyingUTF8: UnsafeRawBufferPointer(rebasing: blob[at..<end]))
        }
        func required() throws(SnapshotProblem) -> String {
            guard let s = try string() else { throw .corrupt("document \(i) lacks a string") }
            return s
        }
        let path = try required()
        let title = try required()
        let source = try string()
        let author = try string()
        let url = try string()
        var tags: [String] = []
        tags.reserveCapacity(Int(rec.tagCount))
        for _ in 0..<rec.tagCount { tags.append(try required()) }
        var extra: [String: String] = [:]
        for _ in 0..<rec.extraCount {
            let k = try required()
            extra[k] = try required()
        }
        let text = try required()
        let textBytes = Int32(clamping: text.utf8.count)
        let id = DocumentID(i)
        var paras: [Paragraph] = []
        paras.reserveCapacity(paragraphs.count)
        for p in paragraphs {
            guard 0 <= p.start, p.start <= p.end, p.end <= textBytes, 0 <= p.firstSentence, p.firstSentence <= p.endSentence,
                Int(p.endSentence) <= sentences.count
            else { throw .corrupt("document \(i) has a paragraph out of range") }
            paras.append(
                Paragraph(
                    span: TextSpan(Int(p.start), Int(p.end)), kind: try Paragraph.Kind.fromSnapshot(p.kind),
                    boilerplate: p.boilerplate == 0 ? nil : try BoilerplateReason.fromSnapshot(p.boilerplate - 1),
                    sentences: Int(p.firstSentence)..<Int(p.endSentence)))
        }
        var sents: [Sentence] = []
        sents.reserveCapacity(sentences.count)
        for (position, s) in sentences.enumerated() {
            // A sentence names itself and its paragraph; views index with both.
            guard 0 <= s.start, s.start <= s.end, s.end <= textBytes, s.document == i, s.index == position, 0 <= s.paragraph,
                Int(s.paragraph) < paras.count, s.wordCount >= 0
            else { throw .corrupt("document \(i) has a sentence out of range") }
            let sentence = Sentence(
                id: SentenceID(document: DocumentID(s.document), index: Int(s.index)), span: TextSpan(Int(s.start), Int(s.end)),
                paragraph: Int(s.paragraph), isBoilerplate: s.isBoilerplate != 0, wordCount: Int(s.wordCount))
            sents.append(sentence)
        }
        guard rec.byteCount >= 0 else { throw .corrupt("document \(i) has a negative size") }
        let date: DocumentDate?
        if rec.dateOrigin == 0 {
            date = nil
        } else {
            guard let d = try rec.date.date else { throw .corrupt("document \(i) date missing") }
            date = DocumentDate(d, origin: try DocumentDate.Origin.fromSnapshot(rec.dateOrigin - 1))
        }
        return Document(
            id: id, path: path, line: rec.line < 0 ? nil : Int(rec.line), format: try Document.Format.fromSnapshot(rec.format),
            title: title, source: source, author: author, url: url, date: date, tags: tags, extra: extra, text: text,
            paragraphs: paras, sentences: sents, byteCount: Int(rec.byteCount))
    }
}
