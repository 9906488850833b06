import Foundation

/// Why a snapshot was not used. Every case means "rebuild"; none is an error
/// the user has to act on.
enum SnapshotProblem: Error, Equatable {
    /// The bytes end before the structure they announce does.
    case truncated
    /// The bytes are complete but do not describe a valid workspace.
    case corrupt(String)
    /// Decoding was stopped on request: the snapshot turned out not to be
    /// wanted before it was read to the end.
    case stopped
}

/// Reads what `SnapshotWriter` wrote, with a bounds check on every read: a
/// damaged file throws `SnapshotProblem` and never reads outside the buffer.
struct SnapshotReader {
    let base: UnsafeRawBufferPointer
    private(set) var at: Int
    /// Told of bytes that decoding is done with (see `giveBack`); nil keeps them.
    var release: (@Sendable (UnsafeRawBufferPointer) -> Void)?

    init(_ base: UnsafeRawBufferPointer, at: Int = 0) {
        self.base = base
        self.at = at
    }

    var remaining: Int { base.count - at }

    @inline(__always)
    private mutating func take(_ n: Int) throws(SnapshotProblem) -> Int {
        guard n >= 0, n <= base.count - at else { throw .truncated }
        let start = at
        at += n
        return start
    }

    mutating func read<T: BitwiseCopyable>(_: T.Type) throws(SnapshotProblem) -> T {
        let start = try take(MemoryLayout<T>.size)
        return base.loadUnaligned(fromByteOffset: start, as: T.self)
    }

    mutating func readBool() throws(SnapshotProblem) -> Bool {
        switch try read(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw .corrupt("bad flag")
        }
    }

    mutating func readInt() throws(SnapshotProblem) -> Int { Int(try read(Int64.self)) }

    /// A count that must fit the bytes left at `bytesEach` per element.
    mutating func readCount(bytesEach: Int = 1) throws(SnapshotProblem) -> Int {
        let n = try read(UInt64.self)
        guard n <= UInt64(remaining / max(1, bytesEach)) else { throw .truncated }
        return Int(n)
    }

    /// A run of trivial records, copied in one `memcpy`.
    mutating func readArray<T: BitwiseCopyable>(_: T.Type) throws(SnapshotProblem) -> [T] {
        let stride = MemoryLayout<T>.stride
        let n = try readCount(bytesEach: stride)
        let start = try take(n * stride)
        return [T](unsafeUninitializedCapacity: n) { buffer, count in
            if n > 0 {
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base.baseAddress! + start, byteCount: n * stride)
            }
            count = n
        }
    }

    /// The bytes of a length-prefixed blob, without copying.
    mutating func readRaw() throws(SnapshotProblem) -> UnsafeRawBufferPointer {
        let n = try readCount()
        let start = try take(n)
        return UnsafeRawBufferPointer(rebasing: base[start..<(start + n)])
    }

    /// `n` raw bytes with no length before them.
    mutating func readBytes(_ n: Int) throws(SnapshotProblem) -> UnsafeRawBufferPointer {
        let start = try take(n)
        return UnsafeRawBufferPointer(rebasing: base[start..<(start + n)])
    }

    mutating func readString() throws(SnapshotProblem) -> String {
        guard let s = try readOptionalString() else { throw .corrupt("missing string") }
        return s
    }

    mutating func readOptionalString() throws(SnapshotProblem) -> String? {
        let n = try read(UInt32.self)
        if n == UInt32.max { return nil }
        let start = try take(Int(n))
        return String(copyingUTF8: UnsafeRawBufferPointer(rebasing: base[start..<(start + Int(n))]))
    }

    mutating func readStrings() throws(SnapshotProblem) -> [String] {
        let n = try readCount(bytesEach: 4)
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try readString()) }
        return out
    }

    /// Fails unless every byte was consumed: a section that is longer than its
    /// content was written by something else.
    func expectEnd() throws(SnapshotProblem) {
        guard at == base.count else { throw .corrupt("trailing bytes") }
    }
}

