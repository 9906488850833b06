import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one file into documents: bytes → decoded text → the format's reader →
/// shared assembly. Every failure becomes one `LoadIssue` naming the file.
enum ArticleFile {
    struct Outcome: Sendable {
        var documents: [Document] = []
        var issues: [LoadIssue] = []
    }

    static func load(_ file: SourceFile, options: LoaderOptions) -> Outcome {
        switch readBytes(file.fullPath, limit: options.maxFileBytes) {
        case .success(let bytes): return parse(bytes, file: file, options: options)
        case .failure(let problem):
            return Outcome(issues: [LoadIssue(path: file.fullPath, severity: .skipped, reason: problem.reason)])
        }
    }

    /// Everything after reading: decoding, the format's reader, assembly.
    static func parse(_ raw: [UInt8], file: SourceFile, options: LoaderOptions) -> Outcome {
        var outcome = Outcome()
        func skip(_ reason: String) -> Outcome {
            outcome.issues.append(LoadIssue(path: file.fullPath, severity: .skipped, reason: reason))
            return outcome
        }
        if raw.isEmpty { return skip("empty file") }
        let decoded: TextDecoder.Decoded
        switch TextDecoder.decode(raw) {
        case .success(let d): decoded = d
        case .failure(let rejection): return skip(rejection.description)
        }
        var warnings = decoded.warning.map { [$0] } ?? []
        if file.format == .jsonl {
            let (docs, issues) = decoded.bytes.withUnsafeBufferPointer {
                JSONLinesReader.read($0, path: file.fullPath, displayPath: file.displayPath, cleaning: options.detectBoilerplate)
            }
            outcome.documents = docs
            outcome.issues = issues
            if docs.isEmpty, issues.isEmpty { return skip("no articles (every line is blank)") }
        } else {
            var draft = ArticleDraft(path: file.displayPath, format: file.format, byteCount: raw.count, capacity: decoded.bytes.count)
            decoded.bytes.withUnsafeBufferPointer { t in
                switch file.format {
                case .markdown: MarkdownReader.read(t, into: &draft)
                case .html: HTMLReader.read(t, into: &draft)
                case .text, .jsonl: PlainTextReader.read(t, into: &draft)
                }
            }
            warnings += draft.warnings
            if draft.body.isEmpty {
                return skip(warnings.isEmpty ? "no text" : "no text (\(warnings.joined(separator: "; ")))")
            }
            outcome.documents = [draft.assemble(cleaning: options.detectBoilerplate)]
        }
        if !warnings.isEmpty {
            outcome.issues.insert(LoadIssue(path: file.fullPath, severity: .warning, reason: warnings.joined(separator: "; ")), at: 0)
        }
        return outcome
    }

    struct ReadProblem: Error {
        var reason: String
    }

    /// The whole file. Opened non-blocking and checked again after opening, so a
    /// named pipe or device swapped in after the walk cannot hang the loader.
    static func readBytes(_ path: String, limit: Int) -> Result<[UInt8], ReadProblem> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadProblem(reason: "cannot open: \(CorpusWalker.errnoText())")) }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0 else { return .failure(ReadProblem(reason: "cannot read: \(CorpusWalker.errnoText())")) }
        guard s.st_mode & S_IFMT == S_IFREG else { return .failure(ReadProblem(reason: "not a regular file")) }
        let size = Int(s.st_size)
        if size > limit {
            return .failure(ReadProblem(reason: "larger than \(limit >> 20) MB (\(size >> 20) MB); raise the limit to read it"))
        }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        var failure: String?
        bytes.withUnsafeMutableBytes { buf in
            while true {
                if filled == buf.count { break }
                let n = read(fd, buf.baseAddress! + filled, buf.count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot read: \(CorpusWalker.errnoText())"
                    return
                }
                if n == 0 { break }
                filled += n
            }
        }
        if let failure { return .failure(ReadProblem(reason: failure)) }
        if filled > size {
            // The file grew while being read; read the rest within the limit.
            while filled < limit {
                var chunk = [UInt8](repeating: 0, count: 65536)
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n <= 0 { break }
                bytes.append(contentsOf: chunk[0..<n])
                filled += n
            }
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }
}
