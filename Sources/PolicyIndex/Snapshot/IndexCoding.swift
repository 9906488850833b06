/// The text index as its arrays: per segment the term table, the offsets and
/// the two posting streams; then the per-document lengths and sentence starts.
/// Every array goes in and comes out as one bulk copy, so loading the index
/// costs about as much as copying its bytes.
///
/// The posting streams are walked once on load (`PostingCheck`): a snapshot
/// whose checksum matches may still have been written by something else, and
/// queries decode the streams without bounds checks. Everything that a lookup
/// indexes with is checked.
enum IndexCoding {
    static func encode(_ index: TextIndex, into w: inout SnapshotWriter) {
        w.append(UInt64(index.segments.count))
        for s in index.segments {
            w.append(Int64(s.firstDoc))
            w.append(Int64(s.docCount))
            let t = s.terms.storage
            w.append(array: t.arena)
            w.append(array: t.starts)
            w.append(array: t.hashes)
            w.append(array: t.slots)
            w.append(array: s.docOffsets)
            w.append(raw: UnsafeRawBufferPointer(s.docStream.bytes))
            w.append(array: s.posOffsets)
            w.append(raw: UnsafeRawBufferPointer(s.posStream.bytes))
            w.append(array: s.docFrequency)
        }
        w.append(array: index.lengthAll)
        w.append(array: index.lengthContent)
        w.append(array: index.sentenceStarts)
        w.append(array: index.sentenceBase.map { Int64($0) })
    }

    static func decode(_ r: inout SnapshotReader, documents: [Document]) throws(SnapshotProblem) -> TextIndex {
        let count = try r.readCount(bytesEach: 16)
        var segments: [IndexSegment] = []
        var nextDoc = 0
        for _ in 0..<count {
            let firstDoc = try r.readInt()
            let docCount = try r.readInt()
            guard firstDoc == nextDoc, docCount > 0, docCount <= documents.count - firstDoc else {
                throw .corrupt("index segments do not cover the documents in order")
            }
            nextDoc += docCount
            guard
                let terms = TermTable(
                    arena: try r.readArray(UInt8.self), starts: try r.readArray(UInt32.self), hashes: try r.readArray(UInt32.self),
                    slots: try r.readArray(UInt32.self))
            else { throw .corrupt("index term table is inconsistent") }
            let docOffsets = try r.readArray(UInt32.self)
            // The streams are most of the section: their pages go back once copied.
            let docBytes = try r.readRaw()
            let docStream = ByteBlock(copying: docBytes)
            r.giveBack(docBytes)
            let posOffsets = try r.readArray(UInt32.self)
            let posBytes = try r.readRaw()
            let posStream = ByteBlock(copying: posBytes)
            r.giveBack(posBytes)
            let docFrequency = try r.readArray(UInt32.self)
            try check(offsets: docOffsets, terms: terms.count, streamBytes: docStream.bytes.count)
            try check(offsets: posOffsets, terms: terms.count, streamBytes: posStream.bytes.count)
            guard docFrequency.count == terms.count else { throw .corrupt("index document frequencies miscounted") }
            segments.append(
                IndexSegment(
                    firstDoc: firstDoc, docCount: docCount, terms: terms, docOffsets: docOffsets, docStream: docStream,
                    posOffsets: posOffsets, posStream: posStream, docFrequency: docFrequency))
        }
        guard nextDoc == documents.count else { throw .corrupt("index segments do not cover the documents") }
        let lengthAll = try r.readArray(UInt32.self)
        let lengthContent = try r.readArray(UInt32.self)
        let sentenceStarts = try r.readArray(UInt32.self)
        let sentenceBase = try r.readArray(Int64.self).map { Int($0) }
        guard lengthAll.count == documents.count, lengthContent.count == documents.count,
            sentenceBase.count == documents.count + 1, sentenceBase.first == 0, sentenceBase.last == sentenceStarts.count
        else { throw .corrupt("index document tables miscounted") }
        for (d, doc) in documents.enumerated() {
            guard sentenceBase[d + 1] == sentenceBase[d] + doc.sentences.count, lengthContent[d] <= lengthAll[d] else {
                throw .corrupt("index sentence table disagrees with document \(d)")
            }
            // Each document's sentence starts ascend from 0: a query subtracts the start from a position.
            var previous: UInt32 = 0
            for s in sentenceBase[d]..<sentenceBase[d + 1] {
                guard s == sentenceBase[d] ? sentenceStarts[s] == 0 : sentenceStarts[s] >= previous else {
                    throw .corrupt("index sentence starts out of order in document \(d)")
                }
                previous = sentenceStarts[s]
            }
        }
        let limits = documents.indices.map { d in Int(lengthAll[d]) + documents[d].sentences.count }
        // Segment by segment on all cores: it is the last thing the index's job
        // does, and on one core it was what a second start ended waiting for.
        let built = segments
        let checked = ParallelSlots.map(built.count) { k in
            Result { () throws(SnapshotProblem) in try PostingCheck.check(built[k], positionLimits: limits) }
        }
        for case let result? in checked { try result.get() }
        return TextIndex(
            documents: documents, segments: segments, lengthAll: lengthAll, lengthContent: lengthContent,
            sentenceStarts: sentenceStarts, sentenceBase: sentenceBase)
    }

    private static func check(offsets: [UInt32], terms: Int, streamBytes: Int) throws(SnapshotProblem) {
        guard offsets.count == terms + 1, offsets.first == 0, Int(offsets[terms]) == streamBytes else {
            throw .corrupt("index offsets miscounted")
        }
        for i in 0..<terms where offsets[i] > offsets[i + 1] { throw .corrupt("index offsets out of order") }
    }
}
