extension Document {
    /// What is wrong with this document's structure, if anything: spans outside
    /// the text or off character boundaries, paragraphs out of order, sentence ids
    /// or flags that do not match their paragraph, an unreadable title. Every
    /// cross-reference in polex relies on these; tests and fuzz targets check them.
    public func structuralProblems() -> [String] {
        var problems: [String] = []
        let bytes = Array(text.utf8)
        func boundary(_ i: Int32) -> Bool { i == bytes.count || (Int(i) < bytes.count && bytes[Int(i)] & 0xC0 != 0x80) }
        if title.isEmpty || title.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) {
            problems.append("title is empty or has control characters")
        }
        var lastEnd: Int32 = 0
        var nextSentence = 0
        for (p, para) in paragraphs.enumerated() {
            if para.span.start < lastEnd || para.span.end > bytes.count || para.span.length <= 0 {
                problems.append("paragraph \(p) span \(para.span.range) out of order or outside the text")
            }
            if !boundary(para.span.start) || !boundary(para.span.end) { problems.append("paragraph \(p) splits a character") }
            lastEnd = para.span.end
            if para.sentences.lowerBound != nextSentence { problems.append("paragraph \(p) sentences do not follow on") }
            nextSentence = para.sentences.upperBound
            for s in para.sentences where s < sentences.count {
                let sentence = sentences[s]
                if !para.span.contains(sentence.span) || sentence.span.length <= 0 {
                    problems.append("sentence \(s) lies outside paragraph \(p)")
                }
                if !boundary(sentence.span.start) || !boundary(sentence.span.end) { problems.append("sentence \(s) splits a character") }
                if sentence.paragraph != p { problems.append("sentence \(s) names paragraph \(sentence.paragraph), not \(p)") }
                if sentence.id != SentenceID(document: id, index: s) { problems.append("sentence \(s) has id \(sentence.id)") }
                if sentence.isBoilerplate != para.isBoilerplate { problems.append("sentence \(s) boilerplate flag differs from its paragraph") }
                if sentence.span.length > SentenceSplitter.maxSentenceBytes { problems.append("sentence \(s) is longer than the limit") }
            }
        }
        if nextSentence != sentences.count { problems.append("\(sentences.count - nextSentence) sentences belong to no paragraph") }
        return problems
    }
}

/// Properties that must hold for any input whatsoever; the fuzz targets under
/// `Fuzz/` and the replay of their findings in the tests both check them.
public enum ParserInvariants {
    /// Problems after reading `bytes` as one file of `format`.
    public static func article(_ bytes: [UInt8], format: Document.Format) -> [String] {
        let result = CorpusLoader().parse(bytes, format: format, path: "input")
        if result.documents.isEmpty && result.issues.isEmpty { return ["input yielded neither a document nor an issue"] }
        return result.documents.flatMap { $0.structuralProblems() }
    }

    /// Problems after splitting `bytes` (decoded leniently) into sentences.
    public static func sentences(_ bytes: [UInt8]) -> [String] {
        var text = String(decoding: bytes, as: UTF8.self)
        var ranges: [Range<Int>] = []
        var problems: [String] = []
        text.withUTF8 { t in
            SentenceSplitter.split(t, 0..<t.count, into: &ranges)
            var last = 0
            for r in ranges {
                if r.lowerBound < last || r.upperBound > t.count || r.isEmpty { problems.append("range \(r) after \(last)") }
                if r.count > SentenceSplitter.maxSentenceBytes { problems.append("range \(r) longer than the limit") }
                if r.upperBound < t.count, t[r.upperBound] & 0xC0 == 0x80 { problems.append("range \(r) splits a character") }
                if r.lowerBound < t.count, t[r.lowerBound] & 0xC0 == 0x80 { problems.append("range \(r) starts inside a character") }
                last = r.upperBound
            }
        }
        return problems
    }
}
