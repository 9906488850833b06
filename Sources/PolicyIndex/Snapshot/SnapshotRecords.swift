/// A run of trivial records read where they lie in the snapshot's bytes.
///
/// Decoding turns records into model values; copying them into an array first
/// (`SnapshotReader.readArray`) held every run twice, in the mapped file and in
/// fresh memory, while the model was made from it: 140 MB of mention records
/// alone at 50,000 articles, and fresh pages are what a second start spends a
/// fifth of its time clearing. Valid while the bytes are (the mapped file lives
/// through the decoding); a page given back is read again from the file.
struct SnapshotRecords<Record: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private let start: UnsafeRawPointer?
    let count: Int

    init(_ bytes: UnsafeRawBufferPointer, count: Int) {
        precondition(count * MemoryLayout<Record>.stride <= bytes.count, "records beyond their bytes")
        start = bytes.baseAddress
        self.count = count
    }

    /// The bytes the records lie in.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count * MemoryLayout<Record>.stride) }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// Loaded unaligned: the payload packs records wherever they fall.
    subscript(i: Int) -> Record {
        precondition(i >= 0 && i < count, "record \(i) of \(count)")
        return start!.loadUnaligned(fromByteOffset: i * MemoryLayout<Record>.stride, as: Record.self)
    }
}

extension SnapshotReader {
    /// A run of trivial records, read in place (see `SnapshotRecords`).
    mutating func readRecords<T: BitwiseCopyable>(_: T.Type) throws(SnapshotProblem) -> SnapshotRecords<T> {
        let stride = MemoryLayout<T>.stride
        let n = try readCount(bytesEach: stride)
        return SnapshotRecords(try readBytes(n * stride), count: n)
    }

    /// Reads `records` in order, handing their pages back every 4 MB as it
    /// goes (see `giveBack(_:done:upTo:)`).
    func forEachGivingBack<T>(_ records: SnapshotRecords<T>, _ body: (T) throws(SnapshotProblem) -> Void) throws(SnapshotProblem) {
        var done = 0
        for k in 0..<records.count {
            try body(records[k])
            giveBack(records, done: &done, upTo: k + 1)
        }
        giveBack(records)
    }

    /// Gives back the pages of `records[done..<upTo]` once they span 4 MB, and
    /// moves `done` to `upTo`. The actors' and the timeline's runs are decoded
    /// side by side: given back only at their ends, their pages would be
    /// resident together (mention records 136 MB, evidence 97 MB, expressions
    /// 71 MB at 50,000 articles). The pages that two chunks share go back with
    /// the whole run.
    func giveBack<T>(_ records: SnapshotRecords<T>, done: inout Int, upTo: Int) {
        let stride = MemoryLayout<T>.stride
        guard (upTo - done) * stride >= 4 << 20 else { return }
        giveBack(UnsafeRawBufferPointer(rebasing: records.bytes[(done * stride)..<(upTo * stride)]))
        done = upTo
    }

    /// Says that `records` will not be read again: their pages go back at once
    /// rather than when the whole section is done (`release`, when set).
    func giveBack<T>(_ records: SnapshotRecords<T>) { release?(records.bytes) }

    /// Says that `bytes` (read with `readRaw`) will not be read again.
    func giveBack(_ bytes: UnsafeRawBufferPointer) { release?(bytes) }
}
