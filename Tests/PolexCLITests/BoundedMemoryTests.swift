import Foundation
import Testing

/// The three large hostile corpora through `polex stats --json`, with the child's peak
/// resident set size (from `wait4`) held under a bound: a baseline (polex on the good
/// documents alone: runtime, bundled dictionaries) plus a multiple of the input.
///
/// Measured on 2026-11-22 (debug build): the baseline is 32 MB; 100 MB on one line
/// peaks at 442 MB (baseline + 4.1 × input: the bytes read, the decoded text, the
/// tokens and postings of 1.15 M words, the sentence table); the 1 MB word at 33 MB;
/// 10,000 tiny files (0.3 MB in all) at 50 MB, about 1.8 KB per document.
/// The bound allows 7 × the input and, for many files, 4 KB per file, and 32 MB of
/// slack: far from today's figures, yet a stage that copied the whole corpus each
/// (4 stages: 400 MB more on the 100 MB file), a per-sentence copy of the rest of a
/// long text (hundreds of MB for the 1 MB word) or a read buffer kept per file
/// (64 KB × 10,000 = 640 MB) goes over it.
///
/// Under AddressSanitizer or ThreadSanitizer (`scripts/sanitize` sets their options)
/// shadow memory and the allocator's quarantine dominate RSS, so there the runs are
/// checked but the bound is not.
@Suite struct BoundedMemoryTests {
    typealias Corpus = CorpusCommandTests.Corpus
    static let multiple = 7
    static let perFile = 4 << 10
    static let slack = 32 << 20

    static var sanitized: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["ASAN_OPTIONS"] != nil || env["TSAN_OPTIONS"] != nil
    }

    /// Peak RSS of `polex stats --json` on the good documents alone.
    static func baseline() throws -> Int {
        let c = try Corpus(files: HostileCorpusTests.good)
        let r = try HostileCorpusTests.stats(c, expecting: 2, lines: [])
        return try #require(r.outcome).peakRSSBytes
    }

    func expectBounded(_ r: Polex.BoundedResult, input: Int, files: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let peak = try #require(r.outcome, sourceLocation: sourceLocation).peakRSSBytes
        let base = try Self.baseline()
        let bound = base + Self.multiple * input + files * Self.perFile + Self.slack
        if !Self.sanitized {
            #expect(peak < bound, "peak RSS \(peak >> 20) MB, bound \(bound >> 20) MB (baseline \(base >> 20) MB)", sourceLocation: sourceLocation)
        }
        #expect(peak > 0, sourceLocation: sourceLocation)
    }

    /// 100 MB without a line break: sentences of about 900 bytes, each opening with a
    /// capitalised word the text never writes in lower case (name discovery once looked
    /// such words up by scanning every token: quadratic, a hang at this size).
    @Test func hundredMegabytesOnOneLine() throws {
        let c = try Corpus(files: HostileCorpusTests.good)
        let sentence = Array(("Zorvath " + Array(repeating: String(repeating: "q", count: 99), count: 9).joined(separator: " ") + ". ").utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(100 << 20)
        while bytes.count + sentence.count <= 100 << 20 { bytes += sentence }
        bytes += [UInt8](repeating: 0x71, count: (100 << 20) - bytes.count)
        try c.put("huge.txt", bytes)
        bytes = []
        let r = try HostileCorpusTests.stats(c, expecting: 3, lines: []) {
            try HostileCorpusTests.expectExplorerDraws(c, documents: 3)
        }
        try expectBounded(r, input: 100 << 20)
    }

    @Test func oneMegabyteWord() throws {
        let c = try Corpus(files: HostileCorpusTests.good)
        try c.put("word.txt", [UInt8](repeating: 0x78, count: 1 << 20))
        let r = try HostileCorpusTests.stats(c, expecting: 3, lines: []) {
            try HostileCorpusTests.expectExplorerDraws(c, documents: 3)
        }
        try expectBounded(r, input: 1 << 20)
    }

    @Test func tenThousandTinyFiles() throws {
        let c = try Corpus(files: HostileCorpusTests.good)
        var input = 0
        for i in 0..<10_000 {
            let text = Array("Note \(i) Has A Title\n\nBody \(i).".utf8)
            input += text.count
            try c.put(String(format: "d%02d/f%05d.txt", i / 500, i), text)
        }
        let r = try HostileCorpusTests.stats(c, expecting: 10_002, lines: []) {
            try HostileCorpusTests.expectExplorerDraws(c, documents: 10_002)
        }
        try expectBounded(r, input: input, files: 10_000)
    }
}
