import Testing

@testable import PolicyIndex

@Suite struct ByteSearchTests {
    @Test(arguments: [
        (" | ", "home | news | sport | weather", 3),
        (" | ", "no separators here", 0),
        ("aa", "aaaa", 2),  // non-overlapping, as components(separatedBy:) counted
        (" • ", "one • two • three", 2),
        ("copyright", "copyright 2021 polex press", 1),
        ("longer than the text", "short", 0),
        ("é", "café, résumé", 3),
    ])
    func countsNonOverlappingOccurrences(_ needle: String, _ haystack: String, _ expected: Int) {
        #expect(ByteSearch.count(needle, in: haystack) == expected)
    }

    @Test func stopsAtTheLimit() {
        #expect(ByteSearch.count("a", in: "aaaa", upTo: 1) == 1)
    }

    @Test func emptyNeedleIsNeverFound() {
        #expect(ByteSearch.count("", in: "anything") == 0)
    }
}
