/// The editable line behind `/` search and `:` quick-jump. Pure state and editing.
public struct TextInputState: Hashable, Sendable {
    public var text: String
    /// Cursor position in Characters, 0 … text.count.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public enum Outcome: Hashable, Sendable {
        /// The text changed (re-run an incremental search).
        case edited
        /// Only the cursor moved.
        case moved
        /// Enter: act on the text.
        case submitted
        /// Esc, C-c, C-g: close the line.
        case cancelled
        /// A key the line does not use.
        case ignored
    }

    /// Applies one key the way shells and less do: arrows, Home/End, C-a/C-e, Backspace,
    /// Delete, C-u (to start), C-k (to end), C-w (word before).
    public mutating func handle(_ key: Key) -> Outcome {
        cursor = min(max(0, cursor), text.count)
        switch key {
        case .char(let c):
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else {
                return .ignored
            }
            text.insert(c, at: index(cursor))
            cursor += 1
            return .edited
        case .enter: return .submitted
        case .escape, .ctrl("c"), .ctrl("g"): return .cancelled
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .ignored }
            text.remove(at: index(cursor - 1))
            cursor -= 1
            return .edited
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return .ignored }
            text.remove(at: index(cursor))
            return .edited
        case .left, .ctrl("b"):
            guard cursor > 0 else { return .ignored }
            cursor -= 1
            return .moved
        case .right, .ctrl("f"):
            guard cursor < text.count else { return .ignored }
            cursor += 1
            return .moved
        case .home, .ctrl("a"):
            cursor = 0
            return .moved
        case .end, .ctrl("e"):
            cursor = text.count
            return .moved
        case .ctrl("u"):
            text.removeSubrange(text.startIndex..<index(cursor))
            cursor = 0
            return .edited
        case .ctrl("k"):
            text.removeSubrange(index(cursor)..<text.endIndex)
            return .edited
        case .ctrl("w"):
            var start = cursor
            let chars = Array(text)
            while start > 0, chars[start - 1] == " " { start -= 1 }
            while start > 0, chars[start - 1] != " " { start -= 1 }
            guard start < cursor else { return .ignored }
            text.removeSubrange(index(start)..<index(cursor))
            cursor = start
            return .edited
        default:
            return .ignored
        }
    }

    private func index(_ i: Int) -> String.Index { text.index(text.startIndex, offsetBy: min(max(0, i), text.count)) }
}

/// Draws a prompt and the input with its cursor as a reverse-video cell (the hardware
/// cursor stays hidden); scrolls sideways so the cursor is always in view.
public struct TextInputView: Sendable {
    public var prompt: String
    public var state: TextInputState
    public var theme: Theme
    /// Shown dimmed after the text (a hint, a match count).
    public var suffix: String

    public init(prompt: String, state: TextInputState, theme: Theme, suffix: String = "") {
        self.prompt = prompt
        self.state = state
        self.theme = theme
        self.suffix = suffix
    }

    public func draw(in area: Rect, on canvas: inout Canvas) {
        guard area.width > 0, area.height > 0 else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        canvas.fill(row, with: Cell(" ", style: theme.text))
        let x0 = canvas.put(TextFit.truncate(prompt, width: max(0, area.width / 2)), x: row.x, y: row.y, style: theme.focusTitle, clip: row)
        let room = row.maxX - x0 - 1  // one column for the cursor past the end
        guard room > 0 else { return }
        let chars = Array(state.text)
        let cursor = min(max(0, state.cursor), chars.count)
        // Leftmost character shown: as far left as keeps the cursor visible.
        var first = 0
        var widthToCursor = chars[0..<cursor].reduce(0) { $0 + CharacterWidth.columns($1) }
        while widthToCursor > room, first < cursor {
            widthToCursor -= CharacterWidth.columns(chars[first])
            first += 1
        }
        var x = x0
        var cursorX = x0
        for i in first..<chars.count {
            if i == cursor { cursorX = x }
            let next = canvas.put(String(chars[i]), x: x, y: row.y, style: theme.text, clip: row)
            if next > row.maxX { break }
            x = next
        }
        if cursor >= chars.count {
            cursorX = x
            if !suffix.isEmpty { canvas.put(" " + suffix, x: x + 1, y: row.y, style: theme.dim, clip: row) }
        }
        canvas.restyle(Rect(x: cursorX, y: row.y, width: max(1, cursor < chars.count ? CharacterWidth.columns(chars[cursor]) : 1), height: 1)) {
            $0 = $0.with(.reverse)
        }
    }
}
