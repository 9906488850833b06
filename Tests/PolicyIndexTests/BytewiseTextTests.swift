import Testing
@testable import PolicyIndex

@Suite struct BytewiseTextTests {
    static func mix(_ s: String) -> UInt64 { Array(s.utf8).withUnsafeBufferPointer { BytewiseText.mix($0) } }

    @Test func equalBytesMixEqualAndKeysFindThem() {
        var seen: [BytewiseText: Int] = [:]
        let texts = (0..<300).map { n in String(repeating: "ab", count: n % 23) + "·" + String(n) }
        for (i, t) in texts.enumerated() { seen[BytewiseText(t)] = i }
        // Made again from the bytes: another String, the same key.
        for (i, t) in texts.enumerated() { #expect(seen[BytewiseText(String(decoding: Array(t.utf8), as: UTF8.self))] == i) }
        #expect(seen.count == texts.count)
        #expect(Self.mix("share this") == Self.mix(String("xshare this".dropFirst())))
    }

    /// Every length from 0 to 40 and a change in any one byte give another
    /// word: the eight-byte steps and the tail both count.
    @Test func everyByteAndTheLengthCount() {
        var words = Set<UInt64>()
        var count = 0
        for length in 0...40 {
            let base = Array(repeating: UInt8(ascii: "a"), count: length)
            for at in -1..<length {
                var bytes = base
                if at >= 0 { bytes[at] = UInt8(ascii: "b") }
                words.insert(bytes.withUnsafeBufferPointer { BytewiseText.mix($0) })
                count += 1
            }
        }
        #expect(words.count == count)
    }
}
