/// A style over a range of the source text, in UTF-8 byte offsets (as `TextSpan` in
/// the model). Later spans are laid over earlier ones (`Style.over`), so a search hit
/// inside a mention keeps the mention's colour where the hit sets none.
public struct StyledSpan: Hashable, Sendable {
    public var range: Range<Int>
    public var style: Style
    public init(utf8 range: Range<Int>, style: Style) {
        self.range = range
        self.style = style
    }

    /// A span given in Character offsets of `text`, converted to UTF-8 offsets.
    public init(characters range: Range<Int>, in text: some StringProtocol, style: Style) {
        var lower = 0
        var upper = 0
        var pos = 0
        var i = 0
        for c in text {
            if i == range.lowerBound { lower = pos }
            if i == range.upperBound { break }
            pos += c.utf8.count
            i += 1
        }
        upper = pos
        if range.lowerBound >= i { lower = pos }
        self.init(utf8: lower..<max(lower, upper), style: style)
    }
}

/// A piece of one wrapped line in one style.
public struct StyledRun: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// Display columns of `text` (as `Canvas.put` will draw it).
    public var width: Int
    /// Where `text` came from in the source, in UTF-8 offsets.
    public var source: Range<Int>
}

public struct WrappedLine: Hashable, Sendable {
    public var runs: [StyledRun]
    public var width: Int
    /// The part of the source this line shows (UTF-8 offsets); empty for a blank line.
    public var source: Range<Int>
    public var text: String { runs.map(\.text).joined() }
}

/// Word-wrapped styled text. Breaks at spaces and between wide (CJK) characters, hard
/// breaks at newlines (a blank line stays blank), breaks words longer than a line,
/// drops the spaces where a line was broken, and measures by display width. It keeps
/// the source offsets of every line, so the reader can scroll to a sentence.
public struct WrappedText: Hashable, Sendable {
    public let width: Int
    public let lines: [WrappedLine]

    /// Wraps `text` to `width` columns. Offsets — of `spans` and of everything this reports —
    /// are UTF-8 offsets in source coordinates, where the first character of `text` is at
    /// `sourceOffset`: a paragraph can be wrapped on its own with the document's spans.
    public init(_ text: some StringProtocol, spans: [StyledSpan] = [], width: Int, style: Style = .plain, sourceOffset: Int = 0) {
        self.width = max(1, width)
        var builder = WrapBuilder(width: self.width, keepsRuns: true)
        var styles = SpanCursor(spans: spans, base: style)
        Self.feed(text, sourceOffset: sourceOffset, into: &builder) { styles.style(at: $0) }
        lines = builder.lines
    }

    /// Where each line of `WrappedText(text, width:, sourceOffset:)` starts and ends in the
    /// source, without building the lines' text: the same breaks at a fraction of the cost,
    /// for callers that draw from the source themselves (the reader wraps whole documents,
    /// some of them a single 100 MB line). Printable ASCII is measured byte by byte.
    public static func lineSources(_ text: some StringProtocol, width: Int, sourceOffset: Int = 0) -> [Range<Int>] {
        var builder = WrapBuilder(width: max(1, width), keepsRuns: false)
        if !feedASCII(text, sourceOffset: sourceOffset, into: &builder) {
            feed(text, sourceOffset: sourceOffset, into: &builder) { _ in .plain }
        }
        return builder.sources
    }

    /// The wrapping rules, one Character at a time.
    private static func feed(
        _ text: some StringProtocol, sourceOffset: Int, into builder: inout WrapBuilder, style: (Int) -> Style
    ) {
        var pos = sourceOffset
        var endsWithNewline = false
        for ch in text {
            let size = ch.utf8.count
            defer { pos += size }
            endsWithNewline = ch.isNewline
            if ch.isNewline {
                builder.flushWord()
                builder.endLine(hard: true, at: pos + size)
                continue
            }
            let isSpace = ch == " " || ch == "\t"
            let glyph = WrapBuilder.Glyph(
                character: ch, style: style(pos), start: pos, size: size, width: CharacterWidth.columns(ch), isSpace: isSpace)
            if isSpace || (ch.isWhitespace && glyph.width <= 1) {
                builder.flushWord()
                builder.addSpace(glyph)
            } else if glyph.width == 2 {
                builder.flushWord()  // CJK text breaks between any two characters
                builder.addWord([glyph])
            } else {
                builder.word.append(glyph)
            }
        }
        builder.flushWord()
        if !endsWithNewline { builder.endLine(hard: true, at: pos) }
    }

    /// The same rules on bytes, for text of printable ASCII, tabs and line feeds only (every
    /// byte one Character of one column), taking each word whole. Returns false, having fed
    /// nothing, for any other text.
    private static func feedASCII(_ text: some StringProtocol, sourceOffset: Int, into builder: inout WrapBuilder) -> Bool {
        let fed = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where !((b >= 0x20 && b < 0x7F) || b == 0x09 || b == 0x0A) { return false }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A {
                    builder.endLine(hard: true, at: sourceOffset + i + 1)
                    i += 1
                } else if b == 0x20 || b == 0x09 {
                    builder.addSpace(WrapBuilder.Glyph(character: " ", style: .plain, start: sourceOffset + i, size: 1, width: 1, isSpace: true))
                    i += 1
                } else {
                    var j = i + 1
                    while j < bytes.count, bytes[j] > 0x20 { j += 1 }
                    builder.addNarrowWord(start: sourceOffset + i, length: j - i)
                    i = j
                }
            }
            if bytes.last != 0x0A { builder.endLine(hard: true, at: sourceOffset + bytes.count) }
            return true
        }
        return fed ?? false
    }

    public var lineCount: Int { lines.count }

    /// The line and column where the source offset `offset` is shown (an offset inside a
    /// dropped space maps to the end of its line). Nil when there are no lines.
    public func location(ofUTF8Offset offset: Int) -> (line: Int, column: Int)? {
        guard !lines.isEmpty else { return nil }
        var lo = 0
        var hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].source.lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 0
        for run in lines[lo].runs {
            if offset >= run.source.upperBound {
                column += run.width
                continue
            }
            if offset <= run.source.lowerBound { break }
            var pos = run.source.lowerBound
            for c in run.text {
                if pos >= offset { break }
                column += CharacterWidth.columns(c)
                pos += c.utf8.count
            }
            break
        }
        return (lo, column)
    }

    /// Draws lines from `firstLine` into `area`, one line a row, clipped to it.
    public func draw(in area: Rect, on canvas: inout Canvas, firstLine: Int = 0) {
        guard !area.isEmpty else { return }
        for row in 0..<area.height {
            let i = firstLine + row
            guard i >= 0, i < lines.count else { continue }
            var x = area.x
            for run in lines[i].runs {
                x = canvas.put(run.text, x: x, y: area.y + row, style: run.style, clip: area)
            }
        }
    }
}

/// Finds the style at increasing source positions without rescanning every span:
/// spans enter an active set when reached and leave it when passed.
struct SpanCursor {
    private let spans: [StyledSpan]
    /// Indices of `spans` by start offset (stable, so layering follows the given order).
    private let byStart: [Int]
    private let base: Style
    private var nextStart = 0
    private var active: [Int] = []
    /// The next offset at which the style may change.
    private var nextChange = Int.min
    private var current: Style

    init(spans: [StyledSpan], base: Style) {
        self.spans = spans
        byStart = spans.indices.filter { !spans[$0].range.isEmpty }.sorted {
            (spans[$0].range.lowerBound, $0) < (spans[$1].range.lowerBound, $1)
        }
        self.base = base
        current = base
    }

    mutating func style(at pos: Int) -> Style {
        guard pos >= nextChange else { return current }
        active.removeAll { spans[$0].range.upperBound <= pos }
        while nextStart < byStart.count, spans[byStart[nextStart]].range.lowerBound <= pos {
            let i = byStart[nextStart]
            if spans[i].range.upperBound > pos { active.append(i) }
            nextStart += 1
        }
        active.sort()
        var s = base
        for i in active { s = spans[i].style.over(s) }
        current = s
        var change = Int.max
        if nextStart < byStart.count { change = spans[byStart[nextStart]].range.lowerBound }
        for i in active { change = min(change, spans[i].range.upperBound) }
        nextChange = change
        return s
    }
}

/// The greedy line filling behind `WrappedText`.
struct WrapBuilder {
    struct Glyph {
        var character: Character
        var style: Style
        var start: Int
        var size: Int
        var width: Int
        /// A space or tab: dropped at the end of a line that breaks after it.
        var isSpace: Bool
    }

    let width: Int
    /// False when only the lines' source ranges are wanted (`WrappedText.lineSources`).
    let keepsRuns: Bool
    var lines: [WrappedLine] = []
    /// The source range of every line, when `keepsRuns` is false (else in `lines`).
    var sources: [Range<Int>] = []
    var word: [Glyph] = []
    private var runs: [StyledRun] = []
    private var lineWidth = 0
    private var lineStart: Int?
    private var lineEnd = 0
    /// True right after a soft break: leading spaces are dropped there.
    private var afterSoftBreak = false
    /// Glyphs on the current line, and how many of them at its end are spaces.
    private var lineGlyphs = 0
    private var trailingSpaces = 0

    init(width: Int, keepsRuns: Bool) {
        self.width = width
        self.keepsRuns = keepsRuns
    }

    mutating func flushWord() {
        guard !word.isEmpty else { return }
        addWord(word)
        word.removeAll(keepingCapacity: true)
    }

    mutating func addWord(_ glyphs: [Glyph]) {
        let w = glyphs.reduce(0) { $0 + $1.width }
        if lineWidth > 0, lineWidth + w > width {
            trimTrailingSpaces()
            endLine(hard: false, at: glyphs[0].start)
        }
        for g in glyphs {
            if lineWidth > 0, lineWidth + g.width > width { endLine(hard: false, at: g.start) }
            append(g)
        }
    }

    /// `addWord` for `length` glyphs of one byte and one column each, starting at
    /// source offset `start`, taken a line's worth at a time (ranges only).
    mutating func addNarrowWord(start: Int, length: Int) {
        precondition(!keepsRuns, "narrow words carry no text")
        if lineWidth > 0, lineWidth + length > width {
            trimTrailingSpaces()
            endLine(hard: false, at: start)
        }
        var at = start
        var remaining = length
        while remaining > 0 {
            if lineWidth > 0, lineWidth >= width { endLine(hard: false, at: at) }
            let take = min(remaining, width - lineWidth)
            if lineStart == nil { lineStart = at }
            lineGlyphs += take
            trailingSpaces = 0
            lineWidth += take
            lineEnd = at + take
            afterSoftBreak = false
            at += take
            remaining -= take
        }
    }

    mutating func addSpace(_ g: Glyph) {
        if afterSoftBreak && lineWidth == 0 { return }
        if lineWidth + g.width > width {
            endLine(hard: false, at: g.start + g.size)
            return
        }
        append(g)
    }

    private mutating func append(_ g: Glyph) {
        if lineStart == nil { lineStart = g.start }
        lineGlyphs += 1
        trailingSpaces = g.isSpace ? trailingSpaces + 1 : 0
        if keepsRuns { appendToRuns(g) }
        lineWidth += g.width
        lineEnd = g.start + g.size
        afterSoftBreak = false
    }

    private mutating func appendToRuns(_ g: Glyph) {
        if var last = runs.last, last.style == g.style, last.source.upperBound == g.start {
            last.text.append(g.character)
            last.width += g.width
            last.source = last.source.lowerBound..<(g.start + g.size)
            runs[runs.count - 1] = last
        } else {
            runs.append(StyledRun(text: String(g.character), style: g.style, width: g.width, source: g.start..<(g.start + g.size)))
        }
    }

    private mutating func trimTrailingSpaces() {
        lineWidth -= trailingSpaces
        lineGlyphs -= trailingSpaces
        trailingSpaces = 0
        while var last = runs.last, let c = last.text.last, c == " " || c == "\t" {
            last.text.removeLast()
            last.width -= 1
            last.source = last.source.lowerBound..<(last.source.upperBound - 1)
            if last.text.isEmpty { runs.removeLast() } else { runs[runs.count - 1] = last }
        }
    }

    /// Ends the current line; `at` is the source offset where the next line begins.
    mutating func endLine(hard: Bool, at next: Int) {
        let start = lineStart ?? min(lineEnd, next)
        let source = start..<max(start, lineGlyphs == 0 ? start : lineEnd)
        if keepsRuns {
            lines.append(WrappedLine(runs: runs, width: lineWidth, source: source))
        } else {
            sources.append(source)
        }
        runs.removeAll(keepingCapacity: true)
        lineGlyphs = 0
        trailingSpaces = 0
        lineWidth = 0
        lineStart = nil
        lineEnd = next
        afterSoftBreak = !hard
    }
}
