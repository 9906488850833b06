/// A grid of cells that views draw into. It prints as text, so every screen is a
/// value that tests can compare; the terminal layer copies it to the screen.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, already sanitised; "" for the right half of a wide character.
    public var text: String
    public var style: Style
    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public static let blank = Cell()
    /// True for the second column of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}

public struct Canvas: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }
    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && y >= 0 && x < width && y < height) ? cells[y * width + x] : .blank }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), clipped to `clip` (default: the whole canvas).
    /// This is the one place text enters a Canvas, so sanitising lives here: every
    /// cluster is reduced to screen cells by `CharacterWidth.forEachCell` (controls,
    /// ESC, bidi overrides become visible placeholders; nothing can move the cursor).
    /// A wide character that does not fit is replaced by a space. Returns the column
    /// after the text, or the first column past the clip when the text was cut there.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return x + CharacterWidth.columns(text) }
        var col = x
        for ch in text {
            // Past the clip nothing more is drawn; stopping keeps a long line clipped to a
            // narrow pane as cheap as the part that shows.
            if col >= area.maxX { break }
            if let a = ch.asciiValue, a >= 0x20, a < 0x7F {
                if col >= area.x {
                    repairWide(at: col, y: y)
                    cells[y * width + col] = Cell(String(ch), style: style)
                }
                col += 1
                continue
            }
            CharacterWidth.forEachCell(of: ch) { cell, w in
                col = putCell(cell, width: w, x: col, y: y, style: style, area: area)
            }
        }
        return col
    }

    private mutating func putCell(_ text: String, width w: Int, x col: Int, y: Int, style: Style, area: Rect) -> Int {
        if col >= area.x, col + w <= area.maxX {
            repairWide(at: col, y: y)
            self[col, y] = Cell(text, style: style)
            if w == 2 {
                repairWide(at: col + 1, y: y)
                self[col + 1, y] = Cell("", style: style)
            }
        } else if col >= area.x, col < area.maxX {
            self[col, y] = Cell(" ", style: style)  // half a wide char would not fit
        } else if col < area.x, col + w > area.x {
            self[area.x, y] = Cell(" ", style: style)  // its right half pokes into the clip
        }
        return col + w
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func repairWide(at x: Int, y: Int) {
        let c = self[x, y]
        if c.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y] = cell } }
    }

    /// Applies a style change to every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                var c = self[x, y]
                change(&c.style)
                self[x, y] = c
            }
        }
    }

    /// Copies another canvas in at (x, y).
    public mutating func blit(_ other: Canvas, x: Int, y: Int) {
        for oy in 0..<other.height { for ox in 0..<other.width { self[x + ox, y + oy] = other[ox, oy] } }
    }

    /// The text of one row, without styles, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    public var lines: [String] { (0..<height).map(line) }

    /// The whole canvas as text, one row a line.
    public var text: String { lines.joined(separator: "\n") }

    /// Finds the first occurrence of `needle` on a row; returns its column.
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            var cols: [Int] = []
            var s = ""
            for x in 0..<width where !self[x, y].isContinuation {
                cols.append(x)
                s += self[x, y].text
            }
            if let r = s.firstRange(of: needle) {
                return (cols[s.distance(from: s.startIndex, to: r.lowerBound)], y)
            }
        }
        return nil
    }
}
