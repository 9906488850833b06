import Foundation

/// Finds the bundled `data/` folder: beside the executable's package checkout
/// (for `swift run`), or named by `POLEX_DATA`.
enum BundledData {
    static var root: String {
        if let env = ProcessInfo.processInfo.environment["POLEX_DATA"], !env.isEmpty { return env }
        // The package root is three levels above this source file at build time.
        let source = URL(fileURLWithPath: #filePath)
        let fromSource = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data").path
        if FileManager.default.fileExists(atPath: fromSource) { return fromSource }
        // Fall back to a data folder beside the binary's package (`.build/debug/polex` → package root).
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("data").path
            if FileManager.default.fileExists(atPath: candidate + "/corpus") { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return fromSource
    }
    static var corpusPath: String { root + "/corpus" }
    static var actorsPath: String { root + "/actors.yaml" }
    static var relationsPath: String { root + "/relations.yaml" }
}
