/// HTML character references: `&amp;`, `&eacute;`, `&#8217;`, `&#x2014;`.
///
/// Numeric references to C1 code points are read as Windows-1252 (as browsers
/// do: `&#150;` is an en dash); NUL, surrogates and out-of-range numbers become
/// U+FFFD. A name without its `;` is decoded only for the few legacy names that
/// browsers accept that way (`&amp`, `&lt`, `&nbsp`…). Anything else stays as
/// written.
enum HTMLEntities {
    /// Decodes the reference starting at `&` (index `i`) and returns the scalar and
    /// the index after it, or nil when this `&` is literal text.
    static func decode(_ t: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt32, Int)? {
        var j = i + 1
        guard j < end else { return nil }
        if t[j] == 0x23 {
            j += 1
            let hex = j < end && (t[j] | 0x20) == 0x78
            if hex { j += 1 }
            let s = j
            var v: UInt32 = 0
            while j < end, j - s < 8, let d = digit(t[j], hex: hex) {
                v = v * (hex ? 16 : 10) + d
                j += 1
            }
            guard j > s else { return nil }
            if j < end, t[j] == 0x3B { j += 1 }
            return (numeric(v), j)
        }
        let s = j
        while j < end, j - s < 32, isAlnum(t[j]) { j += 1 }
        guard j > s else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: t[s..<j]), as: UTF8.self)
        if j < end, t[j] == 0x3B, let v = named[name] { return (v, j + 1) }
        if legacy.contains(name), let v = named[name] { return (v, j) }
        return nil
    }

    /// Decodes every reference in an attribute value or title.
    static func decodeAll(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = TextNormalizer()
        out.reserve(text.count)
        var i = 0
        while i < text.count {
            if text[i] == 0x26, let (v, next) = decode(text, at: i, end: text.count) {
                out.append(scalar: v)
                i = next
            } else {
                out.appendRaw(text[i])
                i += 1
            }
        }
        return out.finish()
    }

    private static func numeric(_ v: UInt32) -> UInt32 {
        if v >= 0x80, v < 0xA0 { return TextNormalizer.windows1252High[Int(v - 0x80)] }
        if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) { return 0xFFFD }
        return v
    }

    private static func digit(_ b: UInt8, hex: Bool) -> UInt32? {
        if b >= 0x30, b <= 0x39 { return UInt32(b - 0x30) }
        if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 { return UInt32((b | 0x20) - 0x61 + 10) }
        return nil
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39
    }

    private static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT"]

    /// Names for U+00A0…U+00FF in order (the Latin-1 entities of HTML 4).
    private static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
        "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
        "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
        "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
        "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml",
        "yacute", "thorn", "yuml",
    ]

    static let named: [String: UInt32] = {
        var t: [String: UInt32] = [:]
        for (k, name) in latin1Names.enumerated() { t[name] = UInt32(0xA0 + k) }
        let more: [(String, UInt32)] = [
            ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22), ("apos", 0x27), ("AMP", 0x26), ("LT", 0x3C),
            ("GT", 0x3E), ("QUOT", 0x22), ("ndash", 0x2013), ("mdash", 0x2014), ("lsquo", 0x2018), ("rsquo", 0x2019),
            ("sbquo", 0x201A), ("ldquo", 0x201C), ("rdquo", 0x201D), ("bdquo", 0x201E), ("hellip", 0x2026),
            ("bull", 0x2022), ("prime", 0x2032), ("Prime", 0x2033), ("lsaquo", 0x2039), ("rsaquo", 0x203A),
            ("euro", 0x20AC), ("trade", 0x2122), ("larr", 0x2190), ("rarr", 0x2192), ("uarr", 0x2191),
            ("darr", 0x2193), ("harr", 0x2194), ("minus", 0x2212), ("dagger", 0x2020), ("Dagger", 0x2021),
            ("permil", 0x2030), ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009), ("zwnj", 0x200C),
            ("zwj", 0x200D), ("lrm", 0x200E), ("rlm", 0x200F), ("OElig", 0x152), ("oelig", 0x153),
            ("Scaron", 0x160), ("scaron", 0x161), ("Yuml", 0x178), ("fnof", 0x192), ("circ", 0x2C6),
            ("tilde", 0x2DC), ("le", 0x2264), ("ge", 0x2265), ("ne", 0x2260), ("infin", 0x221E), ("asymp", 0x2248),
            ("check", 0x2713), ("star", 0x2606), ("nbhy", 0x2011), ("NewLine", 0x0A), ("Tab", 0x09),
        ]
        for (k, v) in more { t[k] = v }
        return t
    }()
}
