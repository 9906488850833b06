import Testing
@testable import PolicyIndex

@Suite struct PackedKeySetTests {
    /// Random inserts and look-ups, with 0, near neighbours and repeats, must
    /// agree with `Set<UInt64>` through several growths.
    @Test func agreesWithASetThroughGrowth() {
        var rng = SplitMix(seed: 11)
        var plain = Set<UInt64>()
        var packed = PackedKeySet()
        for step in 0..<5_000 {
            let r = rng.next()
            // Small keys, a packed pair, full-width hashes and 0 itself.
            let key: UInt64 = switch r % 4 {
            case 0: r >> 54
            case 1: (r >> 40) << 32 | (r & 7)
            case 2: r
            default: step % 97 == 0 ? 0 : r >> 60
            }
            if r & (1 << 20) == 0 {
                #expect(packed.insert(key) == plain.insert(key).inserted, "insert \(key)")
            } else {
                #expect(packed.contains(key) == plain.contains(key), "contains \(key)")
            }
            #expect(packed.count == plain.count)
        }
        #expect(plain.count > 1_000)
        for k in plain { #expect(packed.contains(k)) }
        #expect(!PackedKeySet().contains(0))
        #expect(PackedKeySet([0, 5]).contains(0))
    }

    @Test func wordListsFindTheirWordsOnly() {
        let list = ByteText.hashes(["said", "told", "added"])
        #expect(list.count == 3)
        #expect(list.contains(ByteText.hash("told")))
        #expect(list.contains(ByteText.hash("Told")))
        #expect(!list.contains(ByteText.hash("tolled")))
    }
}
