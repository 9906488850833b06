import Foundation
import Testing

/// The real binary, run twice on a copy of the bundled corpus: the second
/// start reads the snapshot the first wrote and reports the same figures.
@Suite struct SnapshotCommandTests {
    final class CorpusCopy {
        let root: URL
        var path: String { root.path }
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("polex-snapshot-\(UUID().uuidString)")
            let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("data/corpus")
            try FileManager.default.copyItem(at: bundled, to: root)
            // A copy of a working tree may carry the bundled corpus's own snapshot folder.
            try? FileManager.default.removeItem(at: root.appendingPathComponent(".polex"))
        }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    static func stats(_ args: [String]) throws -> (json: [String: Any], stderr: String) {
        let r = try Polex.run(["stats", "--json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
        return (json, r.stderr)
    }

    /// The figures that describe the corpus (not the run).
    static func figures(_ json: [String: Any]) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in json where !["timings", "totalSeconds", "peakRSSBytes", "snapshot", "snapshotDetail"].contains(k) {
            out[k] = "\(v)"
        }
        return out
    }

    @Test func secondRunLoadsTheSnapshotWithTheSameFigures() throws {
        let corpus = try CorpusCopy()
        let first = try Self.stats(["--snapshot", "always", corpus.path])
        #expect(first.json["snapshot"] as? String == "written")
        #expect(FileManager.default.fileExists(atPath: corpus.path + "/.polex/index.snapshot"))
        let second = try Self.stats([corpus.path])
        #expect(second.json["snapshot"] as? String == "loaded")
        let timings = second.json["timings"] as? [String: Double] ?? [:]
        #expect(timings["snapshot"] != nil && timings["load"] == nil)
        #expect((first.json["documents"] as? Int ?? 0) > 20)
        #expect(Self.figures(first.json) == Self.figures(second.json))
        // Skipped files are reported on both runs, from the snapshot too.
        #expect(first.stderr == second.stderr)

        // Search output is the same from the snapshot as from a build.
        let fromSnapshot = try Polex.run(["search", "--json", "talks", corpus.path])
        let fromBuild = try Polex.run(["search", "--json", "--snapshot", "never", "talks", corpus.path])
        #expect(fromSnapshot.status == 0 && fromSnapshot.stdout == fromBuild.stdout)
    }

    @Test func aChangedFileIsNamedOnStderrAndRebuilt() throws {
        let corpus = try CorpusCopy()
        _ = try Self.stats(["--snapshot", "always", corpus.path])
        let note = corpus.path + "/wire/zz-late-note.txt"
        try "SEOUL, March 3 (Wire) -- Envoys met again on Tuesday to discuss the harbour plan.\n".write(
            toFile: note, atomically: true, encoding: .utf8)
        let rebuilt = try Self.stats([corpus.path])
        #expect(rebuilt.json["snapshot"] as? String == "rebuilt")
        #expect(rebuilt.stderr.contains("polex: index snapshot out of date (1 file added); rebuilding\n"))
        let loaded = try Self.stats([corpus.path])
        #expect(loaded.json["snapshot"] as? String == "loaded")
        #expect(!loaded.stderr.contains("snapshot"))
        #expect(Self.figures(rebuilt.json) == Self.figures(loaded.json))
    }

    @Test func neverAndTheBundledCorpusWriteNothing() throws {
        let corpus = try CorpusCopy()
        let never = try Self.stats(["--snapshot", "never", corpus.path])
        #expect(never.json["snapshot"] as? String == "none")
        #expect(!FileManager.default.fileExists(atPath: corpus.path + "/.polex"))
        let bundled = try Self.stats([])
        #expect(bundled.json["snapshot"] as? String == "none")
        let bad = try Polex.run(["stats", "--snapshot", "sometimes"])
        #expect(bad.status == 64)
    }
}
