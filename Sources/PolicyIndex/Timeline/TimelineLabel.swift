/// The short line that stands for a dated sentence on the timeline: the clause
/// around the date, widened to neighbouring clauses while it is too short to
/// say anything, and cut around the date (as a keyword-in-context snippet) when
/// it is too long for one line.
enum TimelineLabel {
    /// Bytes a clause should have before it stands alone.
    static let minimum = 40
    /// Columns of the finished label.
    static let width = 80

    static func label(in document: Document, sentence: TextSpan, date: TextSpan) -> String {
        var text = document.text
        let clause = text.withUTF8 { clauseSpan($0, sentence: sentence.range, date: date.range) }
        return Snippet.around(date, in: document.text, width: width, within: clause).text
    }

    /// The clause around `date` inside `sentence`, grown rightwards (then leftwards) while short.
    static func clauseSpan(_ b: UnsafeBufferPointer<UInt8>, sentence: Range<Int>, date: Range<Int>) -> TextSpan {
        let s = max(0, sentence.lowerBound)..<min(b.count, max(sentence.lowerBound, sentence.upperBound))
        let a = min(max(date.lowerBound, s.lowerBound), s.upperBound)
        let z = min(max(date.upperBound, a), s.upperBound)
        var lo = start(b, s, before: a)
        var hi = end(b, s, from: z)
        while hi - lo < minimum {
            if hi < s.upperBound {
                hi = end(b, s, from: hi + 1)
            } else if lo > s.lowerBound {
                // Step back to the first byte of the break that ends at `lo`: searching from
                // inside a multi-byte dash or quote would find that same break again, forever.
                var k = lo - 1
                while k > s.lowerBound, b[k] & 0xC0 == 0x80 { k -= 1 }
                lo = min(lo - 1, start(b, s, before: k))
            } else {
                break
            }
        }
        // Leave out the sentence's own full stop and the spaces around the clause.
        while hi > lo, [0x20, 0x2E, 0x0A, 0x09].contains(b[hi - 1]) { hi -= 1 }
        while lo < hi, [0x20, 0x0A, 0x09].contains(b[lo]) { lo += 1 }
        return TextSpan(lo, max(lo, hi))
    }

    /// Length of the clause break at `i` (0 when none): `,` `;` `:` brackets,
    /// double quotes, dashes and line breaks; a comma between digits belongs to a number.
    static func breakLength(_ b: UnsafeBufferPointer<UInt8>, _ s: Range<Int>, _ i: Int) -> Int {
        switch b[i] {
        case 0x2C:
            let inNumber = i > s.lowerBound && i + 1 < s.upperBound && DateTokenizer.isDigit(b[i - 1]) && DateTokenizer.isDigit(b[i + 1])
            return inNumber ? 0 : 1
        case 0x3B, 0x3A, 0x28, 0x29, 0x22, 0x0A: return 1
        case 0xE2 where i + 2 < s.upperBound && b[i + 1] == 0x80 && [0x93, 0x94, 0x9C, 0x9D].contains(b[i + 2]):
            return 3
        default: return 0
        }
    }

    /// Start of the clause that ends at byte `i`: just after the last break that lies wholly
    /// before `i` (so that growing leftwards from a clause start always moves).
    static func start(_ b: UnsafeBufferPointer<UInt8>, _ s: Range<Int>, before i: Int) -> Int {
        var j = i - 1
        while j >= s.lowerBound {
            // Step back over a multi-byte break to its first byte.
            if b[j] & 0xC0 == 0x80 {
                j -= 1
                continue
            }
            let n = breakLength(b, s, j)
            if n > 0, j + n <= i { return j + n }
            j -= 1
        }
        return s.lowerBound
    }

    static func end(_ b: UnsafeBufferPointer<UInt8>, _ s: Range<Int>, from i: Int) -> Int {
        var j = i
        while j < s.upperBound {
            if breakLength(b, s, j) > 0 { return j }
            j += 1
        }
        return s.upperBound
    }
}

extension TimelineEntry {
    /// The clause around the date, short enough for one line. Cut from the
    /// document's text when asked rather than kept: only the rows on screen
    /// need one, and kept labels were 27 MB of a 10,000-article workspace.
    public func label(in document: Document) -> String {
        guard document.id == sentence.document, let s = document.sentence(sentence) else { return expression.text }
        return TimelineLabel.label(in: document, sentence: s.span, date: expression.span)
    }
}
