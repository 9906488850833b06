public enum Alignment: Hashable, Sendable { case left, right, center }

/// Fitting text into a number of columns by display width (not by characters: a
/// Hangul syllable takes two columns, a combining accent none).
public enum TextFit {
    /// `s` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ s: some StringProtocol, width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if CharacterWidth.columns(s) <= width { return String(s) }
        let room = width - CharacterWidth.columns(ellipsis)
        var out = ""
        var used = 0
        for c in s {
            let w = CharacterWidth.columns(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        return room >= 0 ? out + String(ellipsis) : ""
    }

    /// `s` truncated and then padded with spaces to exactly `width` columns.
    public static func pad(_ s: some StringProtocol, width: Int, align: Alignment = .left) -> String {
        let t = truncate(s, width: width)
        let gap = max(0, width - CharacterWidth.columns(t))
        switch align {
        case .left: return t + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + t
        case .center:
            return String(repeating: " ", count: gap / 2) + t + String(repeating: " ", count: gap - gap / 2)
        }
    }
}
