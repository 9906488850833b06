import Explorer
import Foundation
import PolicyIndex

/// The corpus every micro-benchmark reads: 1,000 generated articles (about 5 MB),
/// made once by scripts/gen-corpus under the git-ignored bench-out/ folder and then reused.
enum Fixture {
    static let articles = 1000

    /// The package root: three folders above this file (Benchmarks/Benchmarks/PolexBenchmarks).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let corpusPath = root + "/bench-out/micro-\(articles)"
    static let dataPath = root + "/data"

    /// Generates the corpus when it is missing (same seed, same bytes, so reuse is safe).
    static func ensureCorpus() {
        let stamp = corpusPath + "/part-000"
        if FileManager.default.fileExists(atPath: stamp) { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root + "/scripts/gen-corpus", "--articles", "\(articles)", "--jobs", "1", "--out", corpusPath]
        // The benchmark runner preloads its malloc interposer; a forked Python must not inherit it.
        p.environment = ProcessInfo.processInfo.environment.filter { $0.key != "LD_PRELOAD" }
        p.standardOutput = FileHandle.nullDevice
        do {
            try p.run()
            p.waitUntilExit()
        } catch {
            fatalError("cannot run scripts/gen-corpus: \(error)")
        }
        guard p.terminationStatus == 0 else { fatalError("scripts/gen-corpus failed (\(p.terminationStatus))") }
    }

    static let options = WorkspaceOptions(dataDirectory: dataPath)

    /// Loaded once; documents are values, so every benchmark reads the same ones.
    static let documents: [Document] = {
        ensureCorpus()
        do { return try CorpusLoader(options: options.loader).load(paths: [corpusPath]).documents } catch {
            fatalError("cannot load \(corpusPath): \(error)")
        }
    }()

    static let workspace: Workspace = {
        ensureCorpus()
        do { return try Workspace.open(paths: [corpusPath], options: options) } catch {
            fatalError("cannot open \(corpusPath): \(error)")
        }
    }()

    static let totalBytes = documents.reduce(0) { $0 + $1.text.utf8.count }
}

extension Fixture {
    static let explorer = ExplorerModel(workspace: workspace)
}
