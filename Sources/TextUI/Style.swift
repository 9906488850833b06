/// Colours and attributes of a cell, independent of any terminal library.

public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// An xterm-256 palette index, degraded to the nearest basic colour on smaller terminals.
    case indexed(UInt8)
}

public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)
}

public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attributes: Attributes
    public init(fg: Color = .default, bg: Color = .default, _ attributes: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
    public static let plain = Style()
    public static let bold = Style(.bold)
    public static let dim = Style(.dim)
    public static let reverse = Style(.reverse)
    public static let underline = Style(.underline)

    public func with(_ attrs: Attributes) -> Style {
        var s = self
        s.attributes.formUnion(attrs)
        return s
    }
    public func fg(_ c: Color) -> Style {
        var s = self
        s.fg = c
        return s
    }
    public func bg(_ c: Color) -> Style {
        var s = self
        s.bg = c
        return s
    }
}

extension Style {
    /// This style laid over `base`: its colours where it has one, both sets of attributes.
    /// Used where spans overlap (a search hit inside an actor mention keeps the mention's colour).
    public func over(_ base: Style) -> Style {
        Style(
            fg: fg == .default ? base.fg : fg, bg: bg == .default ? base.bg : bg,
            attributes.union(base.attributes))
    }
}

/// How many colours the terminal shows; the terminal layer decides, themes follow.
public enum ColorDepth: Hashable, Sendable, CustomStringConvertible {
    /// No colour at all (`NO_COLOR`, `TERM=vt100`, `TERM=dumb`): attributes only.
    case mono
    /// The eight basic colours.
    case basic
    /// The xterm 256-colour palette.
    case indexed256

    public var description: String {
        switch self {
        case .mono: return "mono"
        case .basic: return "8 colours"
        case .indexed256: return "256 colours"
        }
    }
}
