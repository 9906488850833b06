/// Checks that a decoded reference points at a real sentence and a span
/// inside its document's text, so a damaged snapshot fails on load instead of
/// trapping later in a view or a query.
struct SentenceCheck {
    let sentenceCounts: [Int32]
    let textBytes: [Int32]

    init(_ documents: [Document]) {
        sentenceCounts = documents.map { Int32($0.sentences.count) }
        textBytes = documents.map { Int32(clamping: $0.text.utf8.count) }
    }

    @inline(__always)
    func document(_ d: Int32) throws(SnapshotProblem) -> DocumentID {
        guard d >= 0, Int(d) < sentenceCounts.count else { throw .corrupt("document number out of range") }
        return DocumentID(d)
    }

    @inline(__always)
    func id(_ d: Int32, _ s: Int32) throws(SnapshotProblem) -> SentenceID {
        guard d >= 0, Int(d) < sentenceCounts.count, s >= 0, s < sentenceCounts[Int(d)] else {
            throw .corrupt("sentence d\(d):s\(s) does not exist")
        }
        return SentenceID(document: DocumentID(d), index: Int(s))
    }

    @inline(__always)
    func span(_ start: Int32, _ end: Int32, in d: Int32) throws(SnapshotProblem) -> TextSpan {
        guard d >= 0, Int(d) < textBytes.count, 0 <= start, start <= end, end <= textBytes[Int(d)] else {
            throw .corrupt("span out of its document's text")
        }
        return TextSpan(Int(start), Int(end))
    }
}
