import Testing
@testable import PolicyIndex

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("The Blue House said", ["the", "blue", "house", "said"]),
        ("Growth was 13.9% in 2,000 towns", ["growth", "was", "13.9", "in", "2000", "towns"]),
        ("Moon Jae-in met the US–ROK group", ["moon", "jae", "in", "met", "the", "us", "rok", "group"]),
        ("Korea's envoy didn't say", ["korea", "envoy", "didnt", "say"]),
        ("Korea’s envoy (curly)", ["korea", "envoy", "curly"]),
        ("the U.S. and the U.N. agreed", ["the", "us", "and", "the", "un", "agreed"]),
        ("Québec, São Paulo, Łódź, Straße", ["quebec", "sao", "paulo", "lodz", "strasse"]),
        ("ÆSIR Œuvre", ["aesir", "oeuvre"]),
        ("문재인 대통령 met", ["문재인", "대통령", "met"]),
        ("МОСКВА and ΑΘΗΝΑ", ["москва", "and", "αθηνα"]),
        ("ＡＢＣ１２", ["abc12"]),
        ("end. Next, sentence… “quoted” — dash", ["end", "next", "sentence", "quoted", "dash"]),
        ("emoji 🙂 between", ["emoji", "between"]),
        ("e\u{301}lan", ["elan"]),
        ("countries' votes", ["countries", "votes"]),
        ("", []),
        ("  ,,, —— ", []),
    ])
    func termsOf(input: String, expected: [String]) {
        #expect(Tokenizer.terms(in: input) == expected)
    }

    /// A modifier-letter apostrophe (U+02BC) or a right single quote that starts no
    /// word consumed nothing and the scanner asked again from the same place: endless
    /// recursion, a stack overflow (found by FuzzQuery, as every query is tokenised).
    @Test func apostrophesThatStartNoWordAreSkipped() {
        #expect(Tokenizer.terms(in: "\u{2BC} \u{2BC}x \u{2019} talks") == ["x", "talks"])
        #expect(Tokenizer.terms(in: "\u{2BC}") == [])
    }

    /// Runs of tokens with nothing to index (combining marks alone, stray
    /// apostrophes) must not grow the stack: half a million of them in a row.
    @Test func longRunsOfEmptyTokensDoNotGrowTheStack() {
        let run = String(repeating: "\u{2BC} \u{301} ", count: 250_000) + "end"
        #expect(Tokenizer.terms(in: run) == ["end"])
    }

    @Test func spansPointAtTheOriginalBytes() {
        let text = "Seoul’s Moon Jae-in, 2,000 U.S. troops"
        let toks = Tokenizer.tokens(in: text)
        let bytes = Array(text.utf8)
        let shown = toks.map { String(decoding: bytes[$0.span], as: UTF8.self) }
        #expect(shown == ["Seoul", "Moon", "Jae", "in", "2,000", "U.S", "troops"])
    }

    @Test func overlongTokensAreCut() {
        let long = String(repeating: "x", count: 500)
        let toks = Tokenizer.tokens(in: "a \(long) b")
        #expect(toks.count == 3)
        #expect(toks[1].term.utf8.count == Tokenizer.maxTermBytes)
        #expect(toks[1].span == 2..<502)
    }

    @Test func malformedBytesDoNotCrash() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x80, 0x20, 0x63, 0xF0, 0x9F]
        var terms: [String] = []
        bytes.withUnsafeBufferPointer { buf in
            Tokenizer.forEachToken(in: buf, range: 0..<buf.count) { t, _ in terms.append(String(decoding: t, as: UTF8.self)) }
        }
        #expect(terms == ["a", "b", "c"])
    }

    @Test func rangeLimitsTheScan() {
        var terms: [String] = []
        let text = Array("alpha beta gamma".utf8)
        text.withUnsafeBufferPointer { buf in
            Tokenizer.forEachToken(in: buf, range: 6..<10) { t, _ in terms.append(String(decoding: t, as: UTF8.self)) }
        }
        #expect(terms == ["beta"])
    }
}
