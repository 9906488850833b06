import Testing

@testable import PolicyIndex

/// Text made by copying and then validating must be the text
/// `String(decoding:as:)` makes, repairs of broken sequences included.
struct StringCopyingUTF8Tests {
    @Test func sameTextAsDecodingForValidAndBrokenBytes() {
        let cases: [[UInt8]] = [
            [],
            Array("plain ASCII text".utf8),
            Array("Seoul’s “alliance” — 한미 동맹 ✓".utf8),
            [0x61, 0xFF, 0x62],  // a byte that never starts a sequence
            [0xE2, 0x80],  // a sequence cut short at the end
            [0xC0, 0xAF],  // an overlong slash
            [0xED, 0xA0, 0x80],  // a surrogate
            Array(String(repeating: "x", count: 5_000).utf8) + [0xF0, 0x9F, 0x98],
        ]
        for bytes in cases {
            let copied = String(copyingUTF8: bytes)
            let decoded = String(decoding: bytes, as: UTF8.self)
            #expect(copied == decoded)
            #expect(Array(copied.utf8) == Array(decoded.utf8), "\(bytes.prefix(8))")
        }
    }
}
