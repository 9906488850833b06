/// Case and diacritic folding for one scalar, written as UTF-8 into a term buffer.
///
/// Latin-1 and Latin Extended-A letters fold to their ASCII base letters
/// (`é` → `e`, `ß` → `ss`, `Ł` → `l`), so `Pyeongchang` finds `Pyeongch'ang`'s
/// neighbours and `Québec` finds `Quebec`. Greek and Cyrillic capitals become
/// small letters; fullwidth ASCII becomes ASCII. Everything else (Hangul, CJK …)
/// is kept as written.
enum TermFolding {
    /// Appends the folded form of `scalar` (whose UTF-8 is `source[at..<at+length]`)
    /// to `out[count...]`, never past `limit`; returns the new count.
    @inline(__always)
    static func append(
        scalar v: UInt32, source: UnsafeBufferPointer<UInt8>, at i: Int, length: Int,
        to out: UnsafeMutableBufferPointer<UInt8>, count: Int, limit: Int
    ) -> Int {
        var n = count
        if v >= 0xC0 && v <= 0x17F {
            let packed = latinTable[Int(v - 0xC0)]
            if n < limit { out[n] = UInt8(truncatingIfNeeded: packed); n += 1 }
            let second = UInt8(truncatingIfNeeded: packed >> 8)
            if second != 0, n < limit { out[n] = second; n += 1 }
            return n
        }
        var folded = v
        switch v {
        case 0x0391...0x03A9, 0x0410...0x042F: folded = v + 0x20
        case 0x0400...0x040F: folded = v + 0x50
        case 0xFF10...0xFF19: folded = v - 0xFF10 + 0x30
        case 0xFF21...0xFF3A: folded = v - 0xFF21 + 0x61
        case 0xFF41...0xFF5A: folded = v - 0xFF41 + 0x61
        default:
            // Unchanged: copy the original bytes.
            guard n + length <= limit else { return n }
            for k in 0..<length { out[n + k] = source[i + k] }
            return n + length
        }
        return encode(folded, to: out, count: n, limit: limit)
    }

    private static func encode(_ v: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, count n: Int, limit: Int) -> Int {
        if v < 0x80 {
            guard n < limit else { return n }
            out[n] = UInt8(v)
            return n + 1
        }
        if v < 0x800 {
            guard n + 2 <= limit else { return n }
            out[n] = UInt8(0xC0 | (v >> 6))
            out[n + 1] = UInt8(0x80 | (v & 0x3F))
            return n + 2
        }
        guard n + 3 <= limit else { return n }
        out[n] = UInt8(0xE0 | (v >> 12))
        out[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
        out[n + 2] = UInt8(0x80 | (v & 0x3F))
        return n + 3
    }

    /// U+00C0…U+017F → one or two ASCII bytes (low byte first), built from the
    /// runs below. × and ÷ never reach here: the tokenizer treats them as separators.
    static let latinTable: [UInt16] = {
        // Each run: first scalar, last scalar, folded ASCII.
        let runs: [(UInt32, UInt32, String)] = [
            (0xC0, 0xC5, "a"), (0xC6, 0xC6, "ae"), (0xC7, 0xC7, "c"), (0xC8, 0xCB, "e"), (0xCC, 0xCF, "i"),
            (0xD0, 0xD0, "d"), (0xD1, 0xD1, "n"), (0xD2, 0xD6, "o"), (0xD7, 0xD7, "x"), (0xD8, 0xD8, "o"),
            (0xD9, 0xDC, "u"), (0xDD, 0xDD, "y"), (0xDE, 0xDE, "th"), (0xDF, 0xDF, "ss"),
            (0xE0, 0xE5, "a"), (0xE6, 0xE6, "ae"), (0xE7, 0xE7, "c"), (0xE8, 0xEB, "e"), (0xEC, 0xEF, "i"),
            (0xF0, 0xF0, "d"), (0xF1, 0xF1, "n"), (0xF2, 0xF6, "o"), (0xF7, 0xF7, "x"), (0xF8, 0xF8, "o"),
            (0xF9, 0xFC, "u"), (0xFD, 0xFD, "y"), (0xFE, 0xFE, "th"), (0xFF, 0xFF, "y"),
            (0x100, 0x105, "a"), (0x106, 0x10D, "c"), (0x10E, 0x111, "d"), (0x112, 0x11B, "e"),
            (0x11C, 0x123, "g"), (0x124, 0x127, "h"), (0x128, 0x131, "i"), (0x132, 0x133, "ij"),
            (0x134, 0x135, "j"), (0x136, 0x138, "k"), (0x139, 0x142, "l"), (0x143, 0x14B, "n"),
            (0x14C, 0x151, "o"), (0x152, 0x153, "oe"), (0x154, 0x159, "r"), (0x15A, 0x161, "s"),
            (0x162, 0x167, "t"), (0x168, 0x173, "u"), (0x174, 0x175, "w"), (0x176, 0x178, "y"),
            (0x179, 0x17E, "z"), (0x17F, 0x17F, "s"),
        ]
        var table = [UInt16](repeating: 0, count: 0x180 - 0xC0)
        for (lo, hi, ascii) in runs {
            let b = Array(ascii.utf8)
            let packed = UInt16(b[0]) | (b.count > 1 ? UInt16(b[1]) << 8 : 0)
            for v in lo...hi { table[Int(v - 0xC0)] = packed }
        }
        return table
    }()
}
