import Foundation

/// Strings shared by many records (mention reasons, cue words, date values,
/// timeline labels), each stored once and named by its number.
///
/// Decoding builds each `String` once; every record that names it then shares
/// the same storage, as the freshly built workspace often does too.
struct StringTable {
    /// All strings' UTF-8 back to back; string `n` ends at `ends[n]`.
    private var arena: [UInt8] = []
    private var ends: [UInt32] = []
    private var hashes: [UInt64] = []
    /// Open addressing on the byte hash: -1 empty, else a string number. Hashing
    /// the bytes with `ContentHash` costs a fraction of `String`'s own hashing,
    /// which normalises each string first; millions of lookups go through here.
    private var slots = [Int32](repeating: -1, count: 1024)

    var count: Int { ends.count }

    /// The number of `s`, adding it when new.
    mutating func number(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { number(bytes: $0) }
    }

    /// -1 for nil.
    mutating func number(_ s: String?) -> Int32 { s.map { number($0) } ?? -1 }

    private mutating func number(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = ContentHash.hash(UnsafeRawBufferPointer(bytes))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let n = slots[slot]
            if n < 0 { break }
            if hashes[Int(n)] == h, equals(Int(n), bytes) { return n }
            slot = (slot + 1) & mask
        }
        let n = Int32(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(UInt32(arena.count))
        hashes.append(h)
        slots[slot] = n
        if hashes.count * 2 > slots.count { grow() }
        return n
    }

    private func equals(_ n: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = n == 0 ? 0 : Int(ends[n - 1])
        let hi = Int(ends[n])
        guard hi - lo == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            bytes.count == 0 || memcmp(a.baseAddress! + lo, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: -1, count: size)
        for (n, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & (size - 1)
            while fresh[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            fresh[slot] = Int32(n)
        }
        slots = fresh
    }

    /// Lengths as one flat array, then all bytes back to back: two bulk copies.
    func encode(into w: inout SnapshotWriter) {
        var lengths: [UInt32] = []
        lengths.reserveCapacity(ends.count)
        var previous: UInt32 = 0
        for e in ends {
            lengths.append(e - previous)
            previous = e
        }
        w.append(array: lengths)
        arena.withUnsafeBytes { w.append(raw: $0) }
    }

    static func decode(_ r: inout SnapshotReader) throws(SnapshotProblem) -> [String] {
        let lengths = try r.readArray(UInt32.self)
        let blob = try r.readRaw()
        var out: [String] = []
        out.reserveCapacity(lengths.count)
        var at = 0
        for n in lengths {
            let end = at + Int(n)
            guard end <= blob.count else { throw .corrupt("string table overruns its bytes") }
            out.append(String(copyingUTF8: UnsafeRawBufferPointer(rebasing: blob[at..<end])))
            at = end
        }
        guard at == blob.count else { throw .corrupt("string table has stray bytes") }
        return out
    }
}

extension Array where Element == String {
    /// The string numbered `n` (-1 for nil), or a corrupt-snapshot error.
    @inline(__always)
    func string(_ n: Int32) throws(SnapshotProblem) -> String {
        guard n >= 0, Int(n) < count else { throw .corrupt("string number out of range") }
        return self[Int(n)]
    }

    @inline(__always)
    func optionalString(_ n: Int32) throws(SnapshotProblem) -> String? {
        n == -1 ? nil : try string(n)
    }
}
