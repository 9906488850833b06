import Testing
@testable import PolicyIndex

@Suite struct TextNormalizerTests {
    /// On ASCII, reading as UTF-8 (which copies runs of printable bytes whole)
    /// and as Windows-1252 (byte by byte) must agree, line ends and dropped
    /// controls included.
    @Test func asciiRunsMatchByteByByteNormalising() {
        var rng = SplitMix(seed: 3)
        let alphabet: [UInt8] = Array("ab Z.~".utf8) + [0x0D, 0x0A, 0x0B, 0x0C, 0x00, 0x09, 0x7F, 0x20]
        for _ in 0..<500 {
            let bytes = (0..<Int(rng.next() % 60)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let utf8 = bytes.withUnsafeBufferPointer { TextNormalizer.normalizeUTF8($0) }
            let cp1252 = bytes.withUnsafeBufferPointer { TextNormalizer.normalizeWindows1252($0) }
            #expect(utf8 == cp1252, "\(bytes)")
        }
        let crlf = Array("one\r\ntwo\rthree\u{0C}four".utf8).withUnsafeBufferPointer { TextNormalizer.normalizeUTF8($0) }
        #expect(String(decoding: crlf, as: UTF8.self) == "one\ntwo\nthree\nfour")
    }

    @Test func runsStopAtOtherCharacters() {
        let text = "caf\u{E9} a\u{A0}b\u{AD}c \u{201C}q\u{201D} end"
        let out = Array(text.utf8).withUnsafeBufferPointer { TextNormalizer.normalizeUTF8($0) }
        #expect(String(decoding: out, as: UTF8.self) == "caf\u{E9} a bc \u{201C}q\u{201D} end")
    }
}
