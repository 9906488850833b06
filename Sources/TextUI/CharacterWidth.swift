/// Display width of text in terminal columns, and the sanitising that keeps document
/// bytes from ever reaching the terminal as control sequences.
///
/// The model is ncurses' own: a screen cell holds one *spacing* scalar (width 1 or 2
/// by the C library's `wcwidth`) followed by at most `maxMarks` zero-width scalars.
/// A grapheme cluster is reduced to such cells before it is drawn, so the Canvas and
/// ncurses always agree on where every column is (see `WidthTable.swift`, generated
/// from `wcwidth`, and the headless-ncurses tests that prove the agreement):
/// - emoji ZWJ sequences keep their first emoji (terminals disagree on joining them);
/// - variation selectors FE0E/FE0F, skin-tone modifiers and tag characters are dropped
///   (they change the width on some terminals and not on others);
/// - combining stacks keep their first `maxMarks` marks (a Zalgo stack cannot spill);
/// - a mark with nothing to sit on gets a dotted circle; invisible format characters
///   (ZWSP, word joiner, BOM, LRM) vanish;
/// - controls, ESC, C1 and bidi overrides/isolates become visible one-column placeholders;
/// - scalars the C library cannot print (unassigned, line separators) become `�`.
public enum CharacterWidth {
    /// Zero-width scalars a cell can carry after its spacing one (ncurses' CCHARW_MAX − 1).
    public static let maxMarks = 4
    /// Shown for bidi overrides (U+202A–202E) and isolates (U+2066–2069).
    public static let bidiPlaceholder: Character = "⇆"
    /// Shown for C1 controls and scalars the terminal cannot print.
    public static let unprintablePlaceholder: Character = "\u{FFFD}"
    /// The base a combining mark is drawn on when it has none.
    public static let markBase: Unicode.Scalar = "\u{25CC}"

    enum Kind: UInt8 { case zero = 0, single = 1, wide = 2, unprintable = 3 }

    /// The C library's classification of one scalar (binary search over `table`).
    static func kind(_ v: UInt32) -> Kind {
        if v >= 0x20 && v < 0x7F { return .single }
        var lo = 0
        var hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let e = table[mid]
            let start = UInt32(truncatingIfNeeded: e >> 32)
            let end = UInt32(truncatingIfNeeded: (e >> 2) & 0x3FFF_FFFF)
            if v < start {
                hi = mid - 1
            } else if v > end {
                lo = mid + 1
            } else {
                return Kind(rawValue: UInt8(truncatingIfNeeded: e & 3)) ?? .single
            }
        }
        return .single
    }

    /// Columns one scalar takes on its own: what `wcwidth` says, with unprintable
    /// scalars counted as the one-column placeholder that replaces them.
    public static func columns(scalar s: Unicode.Scalar) -> Int {
        switch kind(s.value) {
        case .zero: return 0
        case .single, .unprintable: return 1
        case .wide: return 2
        }
    }

    static func isZeroWidth(_ v: UInt32) -> Bool { kind(v) == .zero }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (v >= 0x7F && v < 0xA0) }

    /// Scalars that are dropped inside a cluster because terminals disagree on them.
    static func isDroppedModifier(_ v: UInt32) -> Bool {
        v == 0xFE0E || v == 0xFE0F || (0x1F3FB...0x1F3FF).contains(v) || (0xE0020...0xE007F).contains(v)
    }

    /// The visible stand-in for a control or bidi scalar, nil for anything else.
    static func placeholder(_ v: UInt32) -> Character? {
        switch v {
        case 0x09: return " "
        case 0x1B: return "␛"
        case 0x00..<0x20: return Character(Unicode.Scalar(0x2400 + v)!)  // ␀ … ␟
        case 0x7F: return "␡"
        case 0x80..<0xA0: return unprintablePlaceholder
        default: return isBidiControl(v) ? bidiPlaceholder : nil
        }
    }

    /// Replaces anything that could act on a terminal with visible, harmless text:
    /// C0 controls become control pictures (`␛`, `␇`), DEL `␡`, C1 `�`, bidi overrides
    /// and isolates `⇆`, a tab one space. Nil when `c` contains none of these.
    public static func sanitize(_ c: Character) -> String? {
        if c.isASCII, let a = c.asciiValue, a >= 0x20, a < 0x7F { return nil }
        guard c.unicodeScalars.contains(where: { placeholder($0.value) != nil }) else { return nil }
        var out = ""
        for s in c.unicodeScalars {
            if let p = placeholder(s.value) { out.append(p) } else if !out.isEmpty { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// Calls `body` with each screen cell `c` becomes: its text (one spacing scalar plus
    /// up to `maxMarks` zero-width ones) and its width (1 or 2).
    public static func forEachCell(of c: Character, _ body: (String, Int) -> Void) {
        if let a = c.asciiValue, a >= 0x20, a < 0x7F {
            body(String(c), 1)
            return
        }
        var cell = ""
        var width = 0
        var marks = 0
        let scalars = c.unicodeScalars
        let emojiLead = scalars.first.map { $0.value > 0xFF && $0.properties.isEmoji } ?? false
        func flush() {
            if width > 0 { body(cell, width) }
            cell = ""
            width = 0
            marks = 0
        }
        for s in scalars {
            let v = s.value
            if let p = placeholder(v) {
                flush()
                body(String(p), 1)
                continue
            }
            if v == 0x200D {
                if emojiLead { break }  // a ZWJ sequence shows its first emoji only
                continue
            }
            if isDroppedModifier(v) { continue }
            switch kind(v) {
            case .single, .wide:
                flush()
                cell.unicodeScalars.append(s)
                width = kind(v) == .wide ? 2 : 1
            case .unprintable:
                flush()
                body(String(unprintablePlaceholder), 1)
            case .zero:
                if width == 0 {
                    let cat = s.properties.generalCategory
                    if cat == .format || cat == .control || cat == .lineSeparator || cat == .paragraphSeparator { continue }
                    cell.unicodeScalars.append(markBase)
                    width = 1
                }
                if marks < maxMarks {
                    cell.unicodeScalars.append(s)
                    marks += 1
                }
            }
        }
        flush()
    }

    /// Columns a grapheme cluster takes once reduced to screen cells: 0 … n.
    public static func columns(_ c: Character) -> Int {
        if let a = c.asciiValue, a >= 0x20, a < 0x7F { return 1 }
        let scalars = c.unicodeScalars
        if let s = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            // One scalar (most non-ASCII text): no cells need building to know the width.
            if placeholder(s.value) != nil { return 1 }
            if s.value == 0x200D || isDroppedModifier(s.value) { return 0 }
            switch kind(s.value) {
            case .single, .unprintable: return 1
            case .wide: return 2
            case .zero:
                let cat = s.properties.generalCategory
                return cat == .format || cat == .control || cat == .lineSeparator || cat == .paragraphSeparator ? 0 : 1
            }
        }
        var n = 0
        forEachCell(of: c) { _, w in n += w }
        return n
    }

    /// Columns a string takes once sanitised and reduced to screen cells.
    public static func columns(_ s: some StringProtocol) -> Int {
        var n = 0
        for c in s { n += columns(c) }
        return n
    }
}
