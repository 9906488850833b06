import Testing
@testable import PolicyIndex

@Suite struct PhraseSetTests {
    /// Byte-for-byte search of one phrase, the plain way.
    static func naive(_ text: String, _ phrase: String) -> Bool {
        let t = Array(text.utf8)
        let p = Array(phrase.utf8)
        guard !p.isEmpty, p.count <= t.count else { return false }
        return (0...(t.count - p.count)).contains { i in t[i..<(i + p.count)].elementsEqual(p) }
    }

    @Test func findsPhrasesAnywhereIncludingTheEdges() {
        let set: PhraseSet = ["share this", "subscribe", "©", "x"]
        #expect(set.occurs(in: "Please subscribe"))
        #expect(set.occurs(in: "subscribe now"))
        #expect(set.occurs(in: "share this story"))
        #expect(set.occurs(in: "All rights ©"))
        #expect(set.occurs(in: "tax"))
        #expect(set.occurs(in: "x"))
        #expect(!set.occurs(in: "share thi"))
        #expect(!set.occurs(in: "subscrib"))
        #expect(!set.occurs(in: ""))
        #expect(!PhraseSet(["about"]).occurs(in: "abou"))
    }

    /// Random texts over a small alphabet (with a two-byte letter), so phrases
    /// meet often and fail late, compared with one plain search per phrase.
    @Test func agreesWithAPlainSearchPerPhrase() {
        var rng = SplitMix(seed: 7)
        let alphabet: [String] = ["a", "b", "c", " ", "é", "d"]
        func word(_ n: Int) -> String { (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined() }
        var found = 0
        for _ in 0..<400 {
            let phrases = (0..<Int(rng.next() % 5)).map { _ in word(1 + Int(rng.next() % 4)) }
            let text = word(Int(rng.next() % 40))
            let expected = phrases.contains { Self.naive(text, $0) }
            #expect(PhraseSet(phrases).occurs(in: text) == expected, "\(phrases) in \(text)")
            if expected { found += 1 }
        }
        // Both answers must be common, or the comparison proves little.
        #expect(found > 100 && found < 300)
    }
}
