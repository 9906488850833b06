import CNcursesw
import TextUI

/// Maps styles to ncurses attributes and colour pairs, allocating pairs on first use and
/// degrading colours to what the terminal has: 256 → 8 → none.
final class ColorPairs {
    let depth: ColorDepth
    private var pairs: [PairKey: Int16] = [:]
    private let maxPairs: Int

    struct PairKey: Hashable {
        var fg: Int16
        var bg: Int16
    }

    init(depth: ColorDepth) {
        self.depth = depth
        maxPairs = depth == .mono ? 0 : Int(min(polex_color_pairs(), 32767))
    }

    /// The attributes and pair number for a style.
    func attributes(for style: Style) -> (attr: attr_t, pair: Int16) {
        var attrs = style.attributes
        if depth == .mono, style.bg != .default, !attrs.contains(.reverse) {
            attrs.insert(.reverse)  // a coloured background would vanish; keep it visible
        }
        var a = attr_t(polex_A_NORMAL)
        if attrs.contains(.bold) { a |= attr_t(polex_A_BOLD) }
        if attrs.contains(.dim) { a |= attr_t(polex_A_DIM) }
        if attrs.contains(.underline) { a |= attr_t(polex_A_UNDERLINE) }
        if attrs.contains(.reverse) { a |= attr_t(polex_A_REVERSE) }
        if attrs.contains(.italic) { a |= attr_t(polex_A_ITALIC) }
        guard depth != .mono else { return (a, 0) }
        let key = PairKey(fg: Self.number(style.fg, depth: depth), bg: Self.number(style.bg, depth: depth))
        if key.fg == -1 && key.bg == -1 { return (a, 0) }
        if let p = pairs[key] { return (a, p) }
        guard pairs.count + 1 < maxPairs else { return (a, 0) }
        let p = Int16(pairs.count + 1)
        init_pair(p, key.fg, key.bg)
        pairs[key] = p
        return (a, p)
    }

    /// The ncurses colour number: -1 is the terminal's default (use_default_colors).
    static func number(_ c: Color, depth: ColorDepth) -> Int16 {
        switch c {
        case .default: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack, .brightRed, .brightGreen, .brightYellow, .brightBlue, .brightMagenta, .brightCyan,
            .brightWhite:
            let base = Int16(basicIndex(c))
            return depth == .indexed256 ? base + 8 : base
        case .indexed(let n):
            return depth == .indexed256 ? Int16(n) : Int16(nearestBasic(n))
        }
    }

    static func basicIndex(_ c: Color) -> Int {
        switch c {
        case .black, .brightBlack: return 0
        case .red, .brightRed: return 1
        case .green, .brightGreen: return 2
        case .yellow, .brightYellow: return 3
        case .blue, .brightBlue: return 4
        case .magenta, .brightMagenta: return 5
        case .cyan, .brightCyan: return 6
        default: return 7
        }
    }

    /// The basic colour closest to an xterm-256 index.
    static func nearestBasic(_ n: UInt8) -> Int {
        if n < 16 { return Int(n) % 8 }
        let (r, g, b): (Int, Int, Int)
        if n >= 232 {
            let level = 8 + Int(n - 232) * 10
            (r, g, b) = (level, level, level)
        } else {
            let i = Int(n) - 16
            let steps = [0, 95, 135, 175, 215, 255]
            (r, g, b) = (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let hi = max(r, g, b)
        let lo = min(r, g, b)
        if hi - lo < 40 { return hi < 100 ? 0 : 7 }  // greys: black or white
        let threshold = (hi + lo) / 2
        return (r > threshold ? 1 : 0) | (g > threshold ? 2 : 0) | (b > threshold ? 4 : 0)
    }
}
