import Foundation
import Testing

@testable import polex

/// The streamed JSON must be byte for byte what `Output.printJSON` prints for
/// the whole object: scripts may diff outputs, and docs/cli.md shows them.
@Suite struct JSONStreamWriterTests {
    struct Item: Encodable {
        var name: String
        var tags: [String]
        var nested: [String: [Int]]
    }

    struct Head: Encodable {
        var alpha: Int
        var middle: [String]
        var zulu: String?
    }

    static func streamed(_ head: Head, key: String, _ items: [Item]) throws -> String {
        var out = Data()
        try JSONStreamWriter.print(head, array: key, items) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    static func whole(_ value: some Encodable) throws -> String {
        String(decoding: Output.escapingInvisibleControls(try Output.encoder().encode(value)), as: UTF8.self) + "\n"
    }

    static let items = [
        Item(name: "one/two", tags: [], nested: ["k": [], "a": [1, 2]]),
        Item(name: "line\nbreak \u{9B}31m and \u{202E}", tags: ["x", "y"], nested: [:]),
        Item(name: "  \"  quoted", tags: ["  \"deep\" : 1,"], nested: ["z": [3]]),
    ]

    /// Every place the array can take among the head's keys, with no, one and several elements.
    @Test(arguments: ["items", "aaa", "middle2", "zzz"], [0, 1, 3])
    func matchesTheWholeEncoding(key: String, count: Int) throws {
        let head = Head(alpha: 7, middle: ["m"], zulu: "end")
        let elements = Array(Self.items.prefix(count))
        let streamed = try Self.streamed(head, key: key, elements)
        // Build the same object whole, with the array under `key`.
        var object: [String: AnyEncodable] = [
            "alpha": AnyEncodable(head.alpha), "middle": AnyEncodable(head.middle), "zulu": AnyEncodable(head.zulu),
        ]
        object[key] = AnyEncodable(elements)
        #expect(streamed == (try Self.whole(object)))
    }

    @Test func anEmptyHeadHoldsOnlyTheArray() throws {
        struct Empty: Encodable {}
        var out = Data()
        try JSONStreamWriter.print(Empty(), array: "items", Self.items) { out.append($0) }
        #expect(String(decoding: out, as: UTF8.self) == (try Self.whole(["items": Self.items])))
    }

    struct AnyEncodable: Encodable {
        let encode: (Encoder) throws -> Void
        init(_ value: some Encodable) { encode = value.encode }
        func encode(to encoder: Encoder) throws { try encode(encoder) }
    }
}
