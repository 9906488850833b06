/// What to draw for a cell when the locale is not UTF-8 and only ASCII reaches the
/// terminal intact: line drawing and blocks keep their shape, the rest becomes `?`.
enum ASCIIFallback {
    static func character(for text: String) -> UInt32 {
        guard let s = text.unicodeScalars.first else { return 32 }
        let v = s.value
        if v >= 0x20 && v < 0x7F { return v }
        switch v {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2010...0x2015,
            0x2212:
            return 45  // -
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577: return 124  // |
        case 0x2500...0x257F: return 43  // + for corners and junctions
        case 0x2580...0x259F: return 35  // # for blocks and shades
        case 0x2018, 0x2019, 0x201A, 0x2032: return 39  // '
        case 0x201C, 0x201D, 0x201E, 0x2033, 0xAB, 0xBB: return 34  // "
        case 0x2026: return 46  // .
        case 0x2022, 0x00B7, 0x25CF, 0x25CB: return 42  // *
        case 0x25B2, 0x25B4, 0x2191: return 94  // ^
        case 0x25BC, 0x25BE, 0x2193: return 118  // v
        case 0x25B6, 0x25B8, 0x2192, 0x203A: return 62  // >
        case 0x25C0, 0x25C2, 0x2190, 0x2039: return 60  // <
        case 0xA0, 0x2000...0x200A, 0x3000: return 32
        default: return 63  // ?
        }
    }
}
