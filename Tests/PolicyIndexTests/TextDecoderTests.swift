import Testing

@testable import PolicyIndex

@Suite struct TextDecoderTests {
    /// DEL and C0 controls count towards "binary", except the ones text uses
    /// (tab, line feed, carriage return, form feed, escape); a NUL decides at once.
    @Test func binarySniffingCountsTheRightControls() {
        func reason(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBufferPointer { TextDecoder.binaryReason($0) } }
        #expect(reason([UInt8](repeating: 0x7F, count: 20) + Array("abc".utf8)) == "20 control bytes in the first 23")
        #expect(reason([UInt8]([0x09, 0x0A, 0x0D, 0x0C, 0x1B]).flatMap { [UInt8](repeating: $0, count: 10) } + Array("abcdef".utf8)) == nil)
        #expect(reason(Array("caf\u{E9} plain text, long enough to be sniffed".utf8) + [0x00]) == "NUL bytes")
        #expect(reason([0x01, 0x02] + Array("a line of ordinary words, long enough".utf8)) == nil)
    }

    func decoded(_ bytes: [UInt8]) throws -> (String, TextDecoder.Decoded) {
        let d = try TextDecoder.decode(bytes).get()
        return (String(decoding: d.bytes, as: UTF8.self), d)
    }

    @Test func plainUTF8IsUnchanged() throws {
        let (s, d) = try decoded(Array("Seoul – “talks” resume — US–ROK".utf8))
        #expect(s == "Seoul – “talks” resume — US–ROK")
        #expect(d.encoding == .utf8)
        #expect(d.warning == nil)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let (s, _) = try decoded([0xEF, 0xBB, 0xBF] + Array("Hello".utf8))
        #expect(s == "Hello")
    }

    @Test func lineEndsBecomeNewlines() throws {
        let (s, _) = try decoded(Array("a\r\nb\rc\nd\r\n\r\ne".utf8))
        #expect(s == "a\nb\nc\nd\n\ne")
    }

    @Test func invisibleAndFixedSpacesAreNormalised() throws {
        // NBSP, soft hyphen, zero-width space, narrow NBSP, word joiner, stray BOM.
        let (s, _) = try decoded(Array("a\u{00A0}b co\u{00AD}operate zero\u{200B}width 5\u{202F}km x\u{2060}y\u{FEFF}z".utf8))
        #expect(s == "a b cooperate zerowidth 5 km xyz")
    }

    @Test func joinersInEmojiAndScriptsStay() throws {
        let family = "👩\u{200D}👩\u{200D}👧"
        let (s, _) = try decoded(Array(family.utf8))
        #expect(s == family)
    }

    @Test func utf16LittleAndBigEndianWithBOM() throws {
        let text = "Café – 서울\r\nnext"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let (a, da) = try decoded(le)
        let (b, db) = try decoded(be)
        #expect(a == "Café – 서울\nnext")
        #expect(b == a)
        #expect(da.encoding == .utf16LE)
        #expect(db.encoding == .utf16BE)
    }

    @Test func utf16WithoutBOMIsRecognisedByItsNULPattern() throws {
        let text = "Plain words saved by an old editor"
        let le: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (s, d) = try decoded(le)
        #expect(s == text)
        #expect(d.encoding == .utf16LE)
    }

    @Test func brokenSurrogatesAreReplaced() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]
        let (s, d) = try decoded(bytes)
        #expect(s == "A\u{FFFD}B")
        #expect(d.warning != nil)
    }

    @Test func windows1252FallbackWithWarning() throws {
        // "Caf\xE9 \x93quoted\x94 \x96 dash" in Windows-1252.
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x96, 0x20, 0xA0, 0xAD] + Array("x".utf8)
        let (s, d) = try decoded(bytes)
        #expect(s == "Café “quoted” –  x")
        #expect(d.encoding == .windows1252)
        #expect(d.warning?.contains("Windows-1252") == true)
    }

    @Test func mostlyUTF8WithAStrayByteKeepsUTF8() throws {
        let bytes = Array("서울 서울 서울 서울 café".utf8) + [0xFF] + Array(" end".utf8)
        let (s, d) = try decoded(bytes)
        #expect(s == "서울 서울 서울 서울 café\u{FFFD} end")
        #expect(d.encoding == .utf8)
        #expect(d.warning?.contains("1 invalid UTF-8 byte") == true)
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() throws {
        // C0 80 (overlong NUL) and ED A0 80 (a surrogate) are not UTF-8.
        let (_, d) = try decoded(Array("ab".utf8) + [0xC0, 0x80, 0xED, 0xA0, 0x80])
        #expect(d.encoding == .windows1252)
    }

    @Test(arguments: [
        [UInt8]([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]),
        Array("text with a NUL\u{0}inside".utf8),
        [UInt8](repeating: 0x01, count: 40) + Array("abc".utf8),
    ])
    func binaryIsRejected(_ bytes: [UInt8]) {
        guard case .failure(.binary) = TextDecoder.decode(bytes) else {
            Issue.record("expected a binary rejection")
            return
        }
    }

    @Test func escapeSequencesAreNotBinary() throws {
        let (s, _) = try decoded(Array("colour \u{1B}[31mred\u{1B}[0m text".utf8))
        #expect(s.contains("\u{1B}[31m"))
    }

    @Test func nulBeyondTheSniffWindowIsDropped() throws {
        let text = String(repeating: "word ", count: 20_000)
        let (s, _) = try decoded(Array(text.utf8) + [0] + Array("tail".utf8))
        #expect(s.hasSuffix("word tail"))
    }
}
