/// Assembles a document's reading text paragraph by paragraph.
///
/// Every reader (plain text, Markdown, HTML, JSON Lines) feeds text through one
/// builder, so all formats share one shape: paragraphs separated by a blank line,
/// each paragraph on one line with runs of whitespace collapsed to a single space
/// and no leading or trailing space. Sentence spans and everything after them are
/// byte offsets into this text.
struct BodyBuilder {
    /// One paragraph as the reader saw it: its bytes, its kind, and a reason to
    /// treat it as page furniture when the reader already knows one (an HTML
    /// element classed `comments`, the masthead above a clipping's headline).
    struct Block: Sendable {
        var range: Range<Int>
        var kind: Paragraph.Kind
        var preset: BoilerplateReason?
    }

    private(set) var bytes: [UInt8] = []
    private(set) var blocks: [Block] = []
    private var start = -1
    private var kind: Paragraph.Kind = .body
    private var preset: BoilerplateReason?
    private var pendingSpace = false

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var isEmpty: Bool { blocks.isEmpty && start < 0 }
    var isOpen: Bool { start >= 0 }

    /// Ends the open paragraph (if any) and sets the kind of the next one. The
    /// paragraph itself starts lazily with its first visible byte, so empty
    /// elements leave no trace.
    mutating func begin(_ kind: Paragraph.Kind, preset: BoilerplateReason? = nil) {
        end()
        self.kind = kind
        self.preset = preset
    }

    /// Closes the open paragraph, trimming its trailing space.
    mutating func end() {
        if start >= 0 {
            blocks.append(Block(range: start..<bytes.count, kind: kind, preset: preset))
        }
        start = -1
        pendingSpace = false
        kind = .body
        preset = nil
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// Appends one byte of text; whitespace collapses.
    @inline(__always)
    mutating func append(_ b: UInt8) {
        if Self.isSpace(b) {
            if start >= 0 { pendingSpace = true }
            return
        }
        if start < 0 {
            if !bytes.isEmpty {
                bytes.append(0x0A)
                bytes.append(0x0A)
            }
            start = bytes.count
        } else if pendingSpace {
            bytes.append(0x20)
        }
        pendingSpace = false
        bytes.append(b)
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            // Copy runs of ordinary bytes in one go; only whitespace needs care.
            if !Self.isSpace(b), start >= 0, !pendingSpace {
                var j = i + 1
                while j < n, !Self.isSpace(text[j]) { j += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<j]))
                i = j
                continue
            }
            append(b)
            i += 1
        }
    }

    mutating func append(_ text: [UInt8]) { text.withUnsafeBufferPointer { append($0) } }

    mutating func append(_ text: String) {
        var s = text
        s.withUTF8 { append($0) }
    }

    /// A whole paragraph in one call.
    mutating func paragraph(_ kind: Paragraph.Kind, _ text: UnsafeBufferPointer<UInt8>, preset: BoilerplateReason? = nil) {
        begin(kind, preset: preset)
        append(text)
        end()
    }

    /// The finished text and its paragraphs.
    mutating func finish() -> (text: String, blocks: [Block]) {
        end()
        let text = String(copyingUTF8: bytes)
        bytes = []
        return (text, blocks)
    }
}
