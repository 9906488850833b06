/// Turns the bytes of a file into normalised UTF-8, whatever the file was saved as.
///
/// Handles UTF-8 with or without a byte order mark, UTF-16 with a byte order
/// mark (and without one, when the NUL pattern makes it plain), and falls back
/// to Windows-1252 (a superset of Latin-1 for printable text) when the bytes are
/// not UTF-8. Binary files are rejected rather than shown as garbage.
///
/// Normalisation happens in the same pass (see `TextNormalizer`): line ends become
/// `\n`, NBSP and other fixed-width spaces become plain spaces, soft hyphens and
/// invisible joiners are dropped. Curly quotes and dashes stay as they are.
public enum TextDecoder {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case windows1252 = "Windows-1252"
    }

    public struct Decoded: Sendable {
        /// Valid UTF-8 with `\n` line ends.
        public var bytes: [UInt8]
        public var encoding: Encoding
        /// Set when the text was readable only with a caveat (a fallback encoding, replaced bytes).
        public var warning: String?
    }

    public enum Rejection: Error, Equatable, Sendable, CustomStringConvertible {
        case binary(String)
        public var description: String {
            switch self {
            case .binary(let why): return "binary file (\(why))"
            }
        }
    }

    /// How many leading bytes are inspected to decide whether a file is binary.
    static let sniffLength = 64 * 1024

    public static func decode(_ raw: [UInt8]) -> Result<Decoded, Rejection> {
        raw.withUnsafeBufferPointer { decode($0) }
    }

    public static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> Result<Decoded, Rejection> {
        if raw.count >= 2, raw[0] == 0xFF, raw[1] == 0xFE {
            return decodeUTF16(UnsafeBufferPointer(rebasing: raw[2...]), bigEndian: false)
        }
        if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
            return decodeUTF16(UnsafeBufferPointer(rebasing: raw[2...]), bigEndian: true)
        }
        var body = raw
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: raw[3...])
        }
        if let bigEndian = unmarkedUTF16(body) {
            return decodeUTF16(body, bigEndian: bigEndian)
        }
        if let why = binaryReason(body) { return .failure(.binary(why)) }

        let check = UTF8Check.scan(body)
        if check.invalidBytes == 0 {
            return .success(Decoded(bytes: TextNormalizer.normalizeUTF8(body), encoding: .utf8, warning: nil))
        }
        // A file that is mostly good UTF-8 with a few broken bytes (a truncated
        // download, a pasted fragment) reads better as UTF-8 with replacements than
        // as Windows-1252 mojibake of every accented letter.
        if check.multibyteSequences > 0, check.invalidBytes * 4 <= check.multibyteSequences {
            let s = check.invalidBytes == 1 ? "" : "s"
            return .success(
                Decoded(
                    bytes: TextNormalizer.normalizeUTF8(body), encoding: .utf8,
                    warning: "\(check.invalidBytes) invalid UTF-8 byte\(s) replaced with U+FFFD"))
        }
        return .success(
            Decoded(
                bytes: TextNormalizer.normalizeWindows1252(body), encoding: .windows1252,
                warning: "not valid UTF-8; read as Windows-1252 (Latin-1)"))
    }

    /// Decodes a Swift string (already Unicode) with the same normalisation, for
    /// text that arrives inside JSON or YAML values.
    public static func normalize(_ text: String) -> [UInt8] {
        var copy = text
        return copy.withUTF8 { TextNormalizer.normalizeUTF8($0) }
    }

    /// A reason to treat the bytes as binary, from the first `sniffLength` bytes:
    /// any NUL byte, or more than one control byte in ten.
    static func binaryReason(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let n = min(bytes.count, sniffLength)
        var controls = 0
        for i in 0..<n {
            let b = bytes[i]
            // Nearly every byte is printable or part of a longer character: one test passes it.
            if b >= 0x20 && b != 0x7F { continue }
            if b == 0 { return "NUL bytes" }
            // DEL and the C0 controls but those text uses.
            if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
        }
        if n >= 16, controls * 10 > n { return "\(controls) control bytes in the first \(n)" }
        return nil
    }

    /// Recognises UTF-16 saved without a byte order mark: text in a Latin script
    /// then has a NUL in nearly every other byte, all on the same side.
    static func unmarkedUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = min(bytes.count, sniffLength) & ~1
        guard n >= 8 else { return nil }
        var evenNUL = 0
        var oddNUL = 0
        var i = 0
        while i < n {
            if bytes[i] == 0 { evenNUL += 1 }
            if bytes[i + 1] == 0 { oddNUL += 1 }
            i += 2
        }
        let pairs = n / 2
        if oddNUL * 10 >= pairs * 7, evenNUL * 20 <= pairs { return false }
        if evenNUL * 10 >= pairs * 7, oddNUL * 20 <= pairs { return true }
        return nil
    }

    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Result<Decoded, Rejection> {
        var out = TextNormalizer()
        out.reserve(bytes.count)
        var i = 0
        var broken = 0
        let n = bytes.count & ~1
        @inline(__always) func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i < n {
            let u = unit(i)
            i += 2
            if u == 0 { return .failure(.binary("NUL characters in UTF-16 text")) }
            if u >= 0xD800, u < 0xDC00 {
                if i < n {
                    let low = unit(i)
                    if low >= 0xDC00, low < 0xE000 {
                        i += 2
                        out.append(scalar: 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                        continue
                    }
                }
                broken += 1
                out.append(scalar: 0xFFFD)
            } else if u >= 0xDC00, u < 0xE000 {
                broken += 1
                out.append(scalar: 0xFFFD)
            } else {
                out.append(scalar: u)
            }
        }
        if bytes.count & 1 == 1 { broken += 1 }
        let encoding: Encoding = bigEndian ? .utf16BE : .utf16LE
        let warning = broken > 0 ? "\(broken) broken UTF-16 code units replaced with U+FFFD" : nil
        return .success(Decoded(bytes: out.finish(), encoding: encoding, warning: warning))
    }
}

/// Counts what a UTF-8 decoder would find, without producing anything.
struct UTF8Check {
    var invalidBytes = 0
    var multibyteSequences = 0

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Check {
        var check = UTF8Check()
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let len = UTF8Sequence.length(bytes, at: i)
            if len == 0 {
                check.invalidBytes += 1
                i += 1
            } else {
                check.multibyteSequences += 1
                i += len
            }
        }
        return check
    }
}

/// Strict UTF-8 sequence rules (no overlongs, no surrogates, nothing above U+10FFFF).
enum UTF8Sequence {
    /// The length of the valid sequence starting at `i`, or 0 if the byte there does not start one.
    @inline(__always)
    static func length(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        if c < 0x80 { return 1 }
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0:
            return i + 1 < n && b[i + 1] >= 0xA0 && b[i + 1] <= 0xBF && cont(i + 2) ? 3 : 0
        case 0xED:
            return i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return i + 1 < n && b[i + 1] >= 0x90 && b[i + 1] <= 0xBF && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x8F && cont(i + 2) && cont(i + 3) ? 4 : 0
        default:
            return 0
        }
    }

    /// The scalar value of a valid sequence of the given length.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(b[i])
        case 2: return UInt32(b[i] & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        case 3: return UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        default:
            return UInt32(b[i] & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F)
        }
    }

    /// Appends the UTF-8 encoding of a scalar (which the caller has checked is valid).
    @inline(__always)
    static func encode(_ v: UInt32, into out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
