/// Strings shared by many records (mention reasons, cue words, date values,
/// timeline labels), each stored once and named by its number.
///
/// Decoding builds each `String` once; every record that names it then shares
/// the same storage, as the freshly built workspace often does too.
struct StringTable {
    private(set) var strings: [String] = []
    private var numbers: [String: Int32] = [:]

    /// The number of `s`, adding it when new.
    mutating func number(_ s: String) -> Int32 {
        if let n = numbers[s] { return n }
        let n = Int32(strings.count)
        strings.append(s)
        numbers[s] = n
        return n
    }

    /// -1 for nil.
    mutating func number(_ s: String?) -> Int32 { s.map { number($0) } ?? -1 }

    /// Lengths as one flat array, then all bytes back to back: two bulk copies.
    func encode(into w: inout SnapshotWriter) {
        var lengths: [UInt32] = []
        lengths.reserveCapacity(strings.count)
        var blob: [UInt8] = []
        for var s in strings {
            s.withUTF8 { u in
                lengths.append(UInt32(u.count))
                blob.append(contentsOf: u)
            }
        }
        w.append(array: lengths)
        blob.withUnsafeBytes { w.append(raw: $0) }
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
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: blob[at..<end]), as: UTF8.self))
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
