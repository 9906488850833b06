import Foundation

public struct LoaderOptions: Sendable {
    public init() {}
}

public struct LoadResult: Sendable {
    public var documents: [Document]
    public var issues: [LoadIssue]
}

public enum LoadError: Error, CustomStringConvertible {
    case pathNotFound(String)
    case noDocuments([String])
    public var description: String {
        switch self {
        case .pathNotFound(let p): return "no such file or folder: \(p)"
        case .noDocuments(let ps): return "no readable documents in \(ps.joined(separator: ", "))"
        }
    }
}

/// Reads files and folders into documents. (Placeholder: plain text only, whole file one paragraph.)
public struct CorpusLoader: Sendable {
    public var options: LoaderOptions
    public init(options: LoaderOptions = LoaderOptions()) { self.options = options }

    public func load(paths: [String]) throws -> LoadResult {
        var docs: [Document] = []
        var issues: [LoadIssue] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw LoadError.pathNotFound(p) }
            let files = isDir.boolValue ? ((try? fm.subpathsOfDirectory(atPath: p)) ?? []).sorted().map { p + "/" + $0 } : [p]
            for f in files where f.hasSuffix(".txt") || f.hasSuffix(".md") {
                guard let s = try? String(contentsOfFile: f, encoding: .utf8) else {
                    issues.append(LoadIssue(path: f, severity: .skipped, reason: "not UTF-8"))
                    continue
                }
                let id = DocumentID(docs.count)
                let n = s.utf8.count
                docs.append(Document(
                    id: id, path: f, format: .text, title: String(s.prefix { $0 != "\n" }), text: s,
                    paragraphs: [Paragraph(span: TextSpan(0, n), sentences: 0..<1)],
                    sentences: [Sentence(id: SentenceID(document: id, index: 0), span: TextSpan(0, n), paragraph: 0)],
                    byteCount: n))
            }
        }
        if docs.isEmpty { throw LoadError.noDocuments(paths) }
        return LoadResult(documents: docs, issues: issues)
    }
}
