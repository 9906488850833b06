import Foundation

public struct LoaderOptions: Sendable {
    /// Files larger than this are skipped with a reason rather than read.
    public var maxFileBytes: Int
    /// Mark page furniture (comment forms, related links…) as boilerplate.
    public var detectBoilerplate: Bool
    /// Read files on all cores. Output order does not depend on it.
    public var parallel: Bool

    public init(maxFileBytes: Int = 512 << 20, detectBoilerplate: Bool = true, parallel: Bool = true) {
        self.maxFileBytes = maxFileBytes
        self.detectBoilerplate = detectBoilerplate
        self.parallel = parallel
    }
}

public struct LoadResult: Sendable {
    public var documents: [Document]
    /// One entry per skipped or degraded file (per broken line for JSON Lines), in load order.
    public var issues: [LoadIssue]
    /// Files that yielded no document.
    public var skippedFiles: Int { Set(issues.filter { $0.severity == .skipped && $0.line == nil }.map(\.path)).count }
}

public enum LoadError: Error, CustomStringConvertible {
    case pathNotFound(String)
    /// Nothing loaded; the issues say why (each file skipped, with its reason).
    case noDocuments([String], issues: [LoadIssue] = [])
    public var description: String {
        switch self {
        case .pathNotFound(let p): return "no such file or folder: \(p)"
        case .noDocuments(let ps, let issues):
            let head = "no readable documents in \(ps.joined(separator: ", "))"
            guard !issues.isEmpty else { return head }
            let shown = issues.prefix(5).map { "\n  \($0)" }.joined()
            return head + shown + (issues.count > 5 ? "\n  … and \(issues.count - 5) more" : "")
        }
    }
}

/// Reads files and folders into documents.
///
/// The walk (`CorpusWalker`) fixes the order; files are then read, decoded,
/// cleaned and split in parallel, in chunks, and documents are numbered in walk
/// order, so the same corpus always gets the same ids. Each skipped or
/// degraded file yields one `LoadIssue`; only a missing path or a corpus
/// without a single document is an error.
public struct CorpusLoader: Sendable {
    public var options: LoaderOptions
    public init(options: LoaderOptions = LoaderOptions()) { self.options = options }

    /// Files per unit of parallel work: small enough to balance uneven files over
    /// the cores, large enough that scheduling costs nothing.
    static let chunkSize = 8

    /// `progress`, when given, hears how many files are read, from the reading threads.
    public func load(paths: [String], progress: LoadProgressHandler? = nil) throws(LoadError) -> LoadResult {
        var walker = CorpusWalker()
        for p in paths { try walker.add(root: p) }
        let files = walker.files
        let chunks = (files.count + Self.chunkSize - 1) / Self.chunkSize
        let options = self.options
        let counter = ProgressCounter(stage: .reading, total: files.count, handler: progress)
        var outcomes = ParallelSlots.map(chunks, parallel: options.parallel, threads: .readingFiles) { c in
            let range = (c * Self.chunkSize)..<min(files.count, (c + 1) * Self.chunkSize)
            defer { counter.add(range.count) }
            return range.map { ArticleFile.load(files[$0], options: options) }
        }
        var documents: [Document] = []
        var issues = walker.issues
        for chunk in outcomes {
            for outcome in chunk ?? [] {
                for d in outcome.documents { documents.append(d.numbered(DocumentID(documents.count))) }
                issues += outcome.issues
            }
        }
        outcomes = []
        // Issues in path order, however the walk and the reading interleaved them; one
        // file's issues keep the order its reader gave them (lines, then a summary).
        issues = issues.enumerated().sorted { a, b in
            if a.element.path != b.element.path { return a.element.path.utf8.lexicographicallyPrecedes(b.element.path.utf8) }
            return a.offset < b.offset
        }.map(\.element)
        if documents.isEmpty { throw LoadError.noDocuments(paths, issues: issues) }
        return LoadResult(documents: documents, issues: issues)
    }

    /// Reads one article (or, for JSON Lines, one feed) from bytes in memory, as
    /// if it were a file of that format at `path`: for text that does not come
    /// from the file system, and for fuzzing the readers. Documents are numbered
    /// from 0.
    public func parse(_ bytes: [UInt8], format: Document.Format, path: String = "input") -> LoadResult {
        let outcome = ArticleFile.parse(bytes, file: SourceFile(fullPath: path, displayPath: path, format: format), options: options)
        let documents = outcome.documents.enumerated().map { $0.element.numbered(DocumentID($0.offset)) }
        return LoadResult(documents: documents, issues: outcome.issues)
    }
}

extension Document {
    /// The same document under its final id, with its sentence ids to match.
    func numbered(_ id: DocumentID) -> Document {
        var sentences = self.sentences
        for i in sentences.indices { sentences[i].id = SentenceID(document: id, index: i) }
        return Document(
            id: id, path: path, line: line, format: format, title: title, source: source, author: author, url: url,
            date: date, tags: tags, extra: extra, text: text, paragraphs: paragraphs, sentences: sentences,
            byteCount: byteCount)
    }
}
