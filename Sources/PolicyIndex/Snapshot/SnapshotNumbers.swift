/// Checked conversions for numbers read from a snapshot. A stored number is
/// only a claim: `Int(_:)` of a damaged `UInt64` traps, a negative id indexes
/// before an array, and `lo..<hi` with `lo > hi` traps. Each helper either
/// returns a value that is safe to index or slice with, or throws.
enum SnapshotNumbers {
    /// `v` as an `Int` in `0...limit` (a count, or an offset that may equal the end).
    @inline(__always)
    static func offset<T: BinaryInteger>(_ v: T, upTo limit: Int, _ what: @autoclosure () -> String) throws(SnapshotProblem) -> Int {
        guard v >= 0, let i = Int(exactly: v), i <= limit else { throw .corrupt("\(what()) out of range") }
        return i
    }

    /// `v` as an index in `0..<limit`.
    @inline(__always)
    static func index<T: BinaryInteger>(_ v: T, below limit: Int, _ what: @autoclosure () -> String) throws(SnapshotProblem) -> Int {
        guard v >= 0, let i = Int(exactly: v), i < limit else { throw .corrupt("\(what()) out of range") }
        return i
    }

    /// `lo..<hi` when `0 <= lo <= hi <= limit`.
    @inline(__always)
    static func range<T: BinaryInteger>(_ lo: T, _ hi: T, within limit: Int, _ what: @autoclosure () -> String) throws(SnapshotProblem)
        -> Range<Int>
    {
        let end = try offset(hi, upTo: limit, what())
        let start = try offset(lo, upTo: end, what())
        return start..<end
    }

    /// `a + b`, or a corrupt-snapshot error where it would overflow.
    @inline(__always)
    static func sum(_ a: Int, _ b: Int, _ what: @autoclosure () -> String) throws(SnapshotProblem) -> Int {
        let (s, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .corrupt("\(what()) overflows") }
        return s
    }

    /// A finite tone: views turn tones into cell counts with `Int(_:)`, which traps on NaN and infinity.
    @inline(__always)
    static func tone(_ t: Double) throws(SnapshotProblem) -> Double {
        guard t.isFinite, abs(t) <= 1e6 else { throw .corrupt("tone out of range") }
        return t
    }

    /// Day numbers an interval may hold: those of `PartialDateRecord.years`
    /// and a little more, so calendar arithmetic on them cannot overflow.
    static let days: ClosedRange<Int64> = -400_000_000...400_000_000
}
