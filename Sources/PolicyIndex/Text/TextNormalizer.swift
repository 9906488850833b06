/// Writes normalised UTF-8, one scalar at a time.
///
/// The rules, applied to every decoded character whatever the file's encoding:
/// - CRLF, lone CR, NEL, vertical tab and form feed become `\n`; U+2028 becomes
///   `\n` and U+2029 a blank line.
/// - NBSP, narrow NBSP, figure/thin/en/em spaces (U+2000–U+200A, U+202F, U+205F)
///   become a plain space, so words split where a reader sees a gap.
/// - Soft hyphens, zero-width spaces, word joiners, stray byte order marks and
///   NUL are dropped: they are invisible and would split or glue words wrongly.
/// - ZWJ and ZWNJ stay (emoji sequences and Persian script need them), as do
///   curly quotes, dashes and every other character.
struct TextNormalizer {
    private(set) var out: [UInt8] = []
    private var afterCR = false

    mutating func reserve(_ n: Int) { out.reserveCapacity(n) }

    mutating func finish() -> [UInt8] { out }

    /// Appends one ASCII byte.
    @inline(__always)
    mutating func append(ascii b: UInt8) {
        if b == 0x0A {
            if afterCR {
                afterCR = false
                return
            }
            out.append(0x0A)
            return
        }
        afterCR = false
        switch b {
        case 0x0D:
            out.append(0x0A)
            afterCR = true
        case 0x0B, 0x0C:
            out.append(0x0A)
        case 0x00:
            break
        default:
            out.append(b)
        }
    }

    /// Appends a byte of text that is already valid, normalised UTF-8.
    @inline(__always)
    mutating func appendRaw(_ b: UInt8) {
        if b < 0x80 {
            append(ascii: b)
        } else {
            afterCR = false
            out.append(b)
        }
    }

    /// Appends one scalar, applying the rules above.
    @inline(__always)
    mutating func append(scalar v: UInt32) {
        if v < 0x80 {
            append(ascii: UInt8(v))
            return
        }
        afterCR = false
        if let mapped = Self.mapping(v) {
            out.append(contentsOf: mapped)
        } else {
            UTF8Sequence.encode(v, into: &out)
        }
    }

    /// What a non-ASCII scalar turns into, or nil if it stays as it is.
    @inline(__always)
    static func mapping(_ v: UInt32) -> [UInt8]? {
        switch v {
        case 0x85: return [0x0A]
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F: return [0x20]
        case 0xAD, 0x200B, 0x2060, 0xFEFF, 0x180E: return []
        case 0x2028: return [0x0A]
        case 0x2029: return [0x0A, 0x0A]
        default: return nil
        }
    }

    /// Lead bytes of the only multi-byte sequences `mapping` can change
    /// (U+0085, U+00A0, U+00AD; U+180E; U+2000–U+206F; U+FEFF).
    @inline(__always)
    static func mayMap(lead: UInt8) -> Bool { lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xEF }

    static func normalizeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var w = TextNormalizer()
        w.reserve(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x20 {
                    // The common case: a run of printable ASCII is copied unchanged,
                    // in one piece (a byte at a time, each append checked that the
                    // array was its own: a fifth of this loop's instructions).
                    var j = i + 1
                    while j < n, bytes[j] >= 0x20, bytes[j] < 0x80 { j += 1 }
                    w.afterCR = false
                    w.out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                    continue
                } else {
                    w.append(ascii: b)
                }
                i += 1
                continue
            }
            let len = UTF8Sequence.length(bytes, at: i)
            if len == 0 {
                w.append(scalar: 0xFFFD)
                i += 1
            } else if mayMap(lead: b) {
                w.append(scalar: UTF8Sequence.scalar(bytes, at: i, length: len))
                i += len
            } else {
                w.afterCR = false
                w.out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + len)]))
                i += len
            }
        }
        return w.out
    }

    static func normalizeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var w = TextNormalizer()
        w.reserve(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                w.append(ascii: b)
            } else if b < 0xA0 {
                w.append(scalar: windows1252High[Int(b - 0x80)])
            } else {
                w.append(scalar: UInt32(b))
            }
        }
        return w.out
    }

    /// Windows-1252 characters for bytes 0x80–0x9F; the five unassigned bytes map to U+FFFD.
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
