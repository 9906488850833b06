import Explorer
import Foundation

/// Where the explorer keeps the reading position: `<corpus>/.polex/session.json`
/// for a single folder, the user's cache folder for the bundled corpus and for
/// files or several roots. Article files are never touched; a folder that
/// cannot be written is skipped quietly.
struct SessionStore {
    let url: URL

    init(url: URL) { self.url = url }

    init?(paths: [String], bundled: Bool) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !bundled, paths.count == 1, fm.fileExists(atPath: paths[0], isDirectory: &isDir), isDir.boolValue {
            url = URL(fileURLWithPath: paths[0]).appendingPathComponent(".polex/session.json")
            return
        }
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        let key = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.sorted().joined(separator: "\n")
        url = URL(fileURLWithPath: cache).appendingPathComponent("polex/session-\(bundled ? "bundled" : Self.hash(key)).json")
    }

    /// FNV-1a, so the file name is stable across runs (Hasher is seeded per process).
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return String(h, radix: 16)
    }

    func load() -> Session? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Session.self, from: data)
    }

    func save(_ session: Session) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(session) else { return }
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            // A read-only corpus folder is normal: the session is simply not kept.
        }
    }
}
