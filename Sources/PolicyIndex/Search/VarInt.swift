/// LEB128-style variable-length integers: postings are mostly small deltas,
/// so most take one byte.
enum VarInt {
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    static func read(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        var b = p[i]
        i += 1
        if b < 0x80 { return UInt32(b) }
        var v = UInt32(b & 0x7F)
        var shift: UInt32 = 7
        repeat {
            b = p[i]
            i += 1
            v |= UInt32(b & 0x7F) << shift
            shift += 7
        } while b >= 0x80
        return v
    }
}
