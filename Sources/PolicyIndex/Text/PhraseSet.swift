/// Lower-case phrases looked for together in one pass over a text, instead of
/// one search per phrase: the boilerplate rules ask for any of 10–30 phrases in
/// every short paragraph.
struct PhraseSet: Sendable, ExpressibleByArrayLiteral {
    private let phrases: [[UInt8]]
    /// For each first byte, the phrases that start with it.
    private let byFirstByte: [[Int]]
    /// One bit for each pair of bytes that some phrase starts with (a phrase of
    /// one byte sets every pair it starts). Most places in a text start no
    /// phrase's pair, so one table look-up passes them by.
    private let startPairs: [UInt64]

    init(_ list: [String]) {
        phrases = list.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var buckets = [[Int]](repeating: [], count: 256)
        var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        for (i, p) in phrases.enumerated() {
            buckets[Int(p[0])].append(i)
            let seconds = p.count > 1 ? [p[1]] : (0...255).map(UInt8.init)
            for b in seconds {
                let key = Int(p[0]) << 8 | Int(b)
                pairs[key >> 6] |= 1 << UInt64(key & 63)
            }
        }
        byFirstByte = buckets
        startPairs = pairs
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    /// True when any phrase occurs in `text` (byte for byte).
    func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { t in
            startPairs.withUnsafeBufferPointer { pairs in
                guard !t.isEmpty else { return false }
                for i in 0..<(t.count - 1) {
                    let key = Int(t[i]) << 8 | Int(t[i + 1])
                    guard pairs[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                    if startsAny(t, at: i) { return true }
                }
                // The last byte can only start a phrase of one byte.
                return startsAny(t, at: t.count - 1)
            }
        }
    }

    private func startsAny(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        for k in byFirstByte[Int(t[i])] where startsWith(t, at: i, phrases[k]) { return true }
        return false
    }

    private func startsWith(_ t: UnsafeBufferPointer<UInt8>, at i: Int, _ p: [UInt8]) -> Bool {
        guard i + p.count <= t.count else { return false }
        for j in 1..<p.count where t[i + j] != p[j] { return false }
        return true
    }
}
