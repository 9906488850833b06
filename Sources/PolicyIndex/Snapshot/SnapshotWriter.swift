/// Appends values to a snapshot's bytes in the machine's own byte order.
///
/// Hot arrays go in as flat runs of trivial records (one `append` per array,
/// copied in bulk) so that reading them back is a single copy too; strings are
/// length-prefixed UTF-8. The snapshot is a private cache of one program build
/// on one machine, so there is no byte-order conversion: a file from another
/// machine fails the build-identity check and is rebuilt.
///
/// A writer either keeps everything in `bytes`, or streams to a file through a
/// `SnapshotSink`: then it hands its bytes over whenever it holds the sink's `chunk` and
/// writes large runs straight through, so the payload (a gigabyte at 50,000
/// articles) is never in memory whole.
struct SnapshotWriter {
    /// Everything written, or for a streaming writer what was not handed over yet.
    private(set) var bytes: [UInt8] = []
    private let sink: SnapshotSink?
    /// Bytes already handed to the sink.
    private var handed = 0
    /// `bytes.count` at which the bytes go to the sink; never, without one.
    private let spillAt: Int

    init(reserving capacity: Int = 0) {
        sink = nil
        spillAt = .max
        bytes.reserveCapacity(capacity)
    }

    init(streamingTo sink: SnapshotSink) {
        self.sink = sink
        spillAt = sink.chunk
        // Room for a whole chunk plus a value that crosses it, so the buffer is
        // allocated once (a longer value is written straight through).
        bytes.reserveCapacity(2 * sink.chunk)
    }

    /// How many bytes were written in all: the offset of the next one.
    var count: Int { handed + bytes.count }

    mutating func append<T: BitwiseCopyable>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
        if bytes.count >= spillAt { spill() }
    }

    mutating func append(_ value: Bool) { append(UInt8(value ? 1 : 0)) }

    mutating func append(_ value: Int) { append(Int64(value)) }

    /// A count, then the elements as they lie in memory.
    mutating func append<T: BitwiseCopyable>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { appendBytes($0) }
    }

    mutating func append(raw: UnsafeRawBufferPointer) {
        append(UInt64(raw.count))
        appendBytes(raw)
    }

    /// Length-prefixed UTF-8.
    mutating func append(_ string: String) {
        var s = string
        s.withUTF8 { u in
            append(UInt32(u.count))
            appendBytes(UnsafeRawBufferPointer(u))
        }
    }

    /// `UInt32.max` as the length stands for nil.
    mutating func append(_ string: String?) {
        if let string { append(string) } else { append(UInt32.max) }
    }

    mutating func append(strings: [String]) {
        append(UInt64(strings.count))
        for s in strings { append(s) }
    }

    /// A count, then the `count` records that `produce` hands to its argument,
    /// written in batches: the same bytes as `append(array:)` of all of them,
    /// without ever holding the whole array (4.4 million mentions at 50,000
    /// articles are 140 MB of records).
    mutating func append<T: BitwiseCopyable>(count: Int, emitting produce: (_ put: (T) -> Void) -> Void) {
        append(UInt64(count))
        let batch = max(1, (64 << 10) / max(1, MemoryLayout<T>.stride))
        var buffer: [T] = []
        buffer.reserveCapacity(min(count, batch))
        var emitted = 0
        produce { record in
            emitted += 1
            buffer.append(record)
            if buffer.count == batch {
                buffer.withUnsafeBytes { appendBytes($0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.withUnsafeBytes { appendBytes($0) }
        precondition(emitted == count, "\(emitted) records written under a count of \(count)")
    }

    /// Overwrites the bytes at `offset` with `value` (a length written ahead of
    /// what it measures), in the buffer or, once handed over, in the file.
    mutating func patch<T: BitwiseCopyable>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value) { v in
            precondition(offset >= 0 && offset + v.count <= count, "patch outside the written bytes")
            if offset < handed {
                // Values are handed over whole, so this one lies entirely in the file.
                precondition(offset + v.count <= handed, "patch across a handover")
                sink!.write(v, at: offset)
                return
            }
            bytes.withUnsafeMutableBytes { b in
                let local = offset - handed
                UnsafeMutableRawBufferPointer(rebasing: b[local..<(local + v.count)]).copyMemory(from: v)
            }
        }
    }

    /// Appends raw bytes with no length (the caller knows where they end).
    /// A streaming writer sends a run of a chunk or more straight to the file.
    mutating func appendBytes(_ raw: UnsafeRawBufferPointer) {
        if let sink, raw.count >= sink.chunk {
            spill()
            sink.write(raw, at: handed)
            handed += raw.count
            return
        }
        bytes.append(contentsOf: raw)
        if bytes.count >= spillAt { spill() }
    }

    /// Hands whatever is buffered to the sink (nothing happens without one).
    mutating func spill() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { sink.hand($0, at: handed) }
        handed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }
}
