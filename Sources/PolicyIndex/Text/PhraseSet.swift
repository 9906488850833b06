/// Lower-case phrases looked for together in one pass over a text, instead of
/// one search per phrase: the boilerplate rules ask for any of 10–30 phrases in
/// every short paragraph.
struct PhraseSet: Sendable, ExpressibleByArrayLiteral {
    private let phrases: [[UInt8]]
    /// For each first byte, the phrases that start with it.
    private let byFirstByte: [[Int]]

    init(_ list: [String]) {
        phrases = list.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var buckets = [[Int]](repeating: [], count: 256)
        for (i, p) in phrases.enumerated() { buckets[Int(p[0])].append(i) }
        byFirstByte = buckets
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    /// True when any phrase occurs in `text` (byte for byte).
    func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { t in
            for i in t.indices {
                for k in byFirstByte[Int(t[i])] where startsWith(t, at: i, phrases[k]) { return true }
            }
            return false
        }
    }

    private func startsWith(_ t: UnsafeBufferPointer<UInt8>, at i: Int, _ p: [UInt8]) -> Bool {
        guard i + p.count <= t.count else { return false }
        for j in 1..<p.count where t[i + j] != p[j] { return false }
        return true
    }
}
