/// Appends values to a snapshot's bytes in the machine's own byte order.
///
/// Hot arrays go in as flat runs of trivial records (one `append` per array,
/// copied in bulk) so that reading them back is a single copy too; strings are
/// length-prefixed UTF-8. The snapshot is a private cache of one program build
/// on one machine, so there is no byte-order conversion: a file from another
/// machine fails the build-identity check and is rebuilt.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    init(reserving capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append<T: BitwiseCopyable>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Bool) { append(UInt8(value ? 1 : 0)) }

    mutating func append(_ value: Int) { append(Int64(value)) }

    /// A count, then the elements as they lie in memory.
    mutating func append<T: BitwiseCopyable>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func append(raw: UnsafeRawBufferPointer) {
        append(UInt64(raw.count))
        bytes.append(contentsOf: raw)
    }

    /// Length-prefixed UTF-8.
    mutating func append(_ string: String) {
        var s = string
        s.withUTF8 { u in
            append(UInt32(u.count))
            bytes.append(contentsOf: u)
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

    /// Overwrites the bytes at `offset` with `value` (a length written ahead of what it measures).
    mutating func patch<T: BitwiseCopyable>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value) { v in
            bytes.withUnsafeMutableBytes { b in
                precondition(offset >= 0 && offset + v.count <= b.count, "patch outside the written bytes")
                UnsafeMutableRawBufferPointer(rebasing: b[offset..<(offset + v.count)]).copyMemory(from: v)
            }
        }
    }

    /// Appends raw bytes with no length (the caller knows where they end).
    mutating func appendBytes(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
}
