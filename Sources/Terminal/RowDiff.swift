import TextUI

/// Which cells of a row changed between two canvases, as column ranges to rewrite.
/// Pure, so the "one changed line touches one line" promise is testable.
public enum RowDiff {
    /// Unchanged gaps shorter than this are rewritten rather than split into two runs:
    /// one `mvwaddnwstr` is cheaper than a cursor move plus another call.
    static let mergeGap = 4

    /// The runs of row `y` to write, within `width` columns. `old == nil` means all of it.
    /// A run never starts on the right half of a wide character nor ends on its left half.
    public static func changedRuns(_ new: Canvas, _ old: Canvas?, y: Int, width: Int) -> [Range<Int>] {
        guard width > 0 else { return [] }
        guard let old, old.size == new.size else { return [0..<width] }
        let base = y * new.width
        // Straight over the cell storage: this runs for every cell of every frame, and
        // the Canvas subscript's bounds checks and copies cost more than the comparison.
        return new.cells.withUnsafeBufferPointer { n in
            old.cells.withUnsafeBufferPointer { o in
                func same(_ x: Int) -> Bool {
                    n[base + x].style == o[base + x].style && n[base + x].text == o[base + x].text
                }
                var runs: [Range<Int>] = []
                var x = 0
                while x < width {
                    if same(x) {
                        x += 1
                        continue
                    }
                    var start = x
                    var end = x + 1
                    var gap = 0
                    var i = x + 1
                    while i < width {
                        if same(i) {
                            gap += 1
                            if gap >= mergeGap { break }
                        } else {
                            gap = 0
                            end = i + 1
                        }
                        i += 1
                    }
                    if start > 0, n[base + start].isContinuation { start -= 1 }
                    if end < width, n[base + end].isContinuation { end += 1 }
                    if let last = runs.last, last.upperBound >= start {
                        runs[runs.count - 1] = last.lowerBound..<max(end, last.upperBound)
                    } else {
                        runs.append(start..<end)
                    }
                    x = end
                }
                return runs
            }
        }
    }
}
