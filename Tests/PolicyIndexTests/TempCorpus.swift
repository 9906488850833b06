import Foundation
import Testing

@testable import PolicyIndex

/// A folder of test files under the system's temporary directory, removed when
/// the value goes away.
final class TempCorpus {
    let root: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/polex-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        // Undo permission changes first so removal cannot fail half-way.
        if let e = FileManager.default.enumerator(atPath: root) {
            for case let p as String in e { chmod(root + "/" + p, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes a file (creating folders) and returns its full path.
    @discardableResult
    func write(_ relative: String, _ text: String) -> String { write(relative, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let path = root + "/" + relative
        let dir = (path as NSString).deletingLastPathComponent
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func folder(_ relative: String) -> String {
        let path = root + "/" + relative
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func link(_ relative: String, to target: String) {
        let path = root + "/" + relative
        try! FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Loads the whole folder (or the given paths) with default options.
    /// Every document that loads must also be structurally sound.
    func load(_ paths: [String]? = nil, options: LoaderOptions = LoaderOptions()) throws -> LoadResult {
        let result = try CorpusLoader(options: options).load(paths: paths ?? [root])
        for d in result.documents where d.text.utf8.count <= 10 << 20 {
            #expect(d.structuralProblems() == [], "\(d.path)")
        }
        return result
    }
}

/// Loads one article from text written to a file of the given name.
func loadOne(_ name: String, _ text: String) throws -> Document {
    let corpus = TempCorpus()
    corpus.write(name, text)
    let result = try corpus.load()
    guard let doc = result.documents.first else { throw LoadError.noDocuments([name]) }
    return doc
}

extension Document {
    /// Paragraph texts, for assertions.
    var paragraphTexts: [String] { paragraphs.map { String(text($0.span)) } }
    var sentenceTexts: [String] { sentences.map { String(text($0.span)) } }
    func paragraph(containing needle: String) -> Paragraph? {
        paragraphs.first { text($0.span).contains(needle) }
    }
    /// A readable dump for failure messages.
    var dump: String {
        paragraphs.map { p in
            "[\(p.kind.rawValue)\(p.boilerplate.map { " " + $0.rawValue } ?? "")] \(text(p.span))"
        }.joined(separator: "\n")
    }
}
