import ArgumentParser
import Foundation
import PolicyIndex
import TextUI

/// `polex bench`: opens a corpus once, then times each query of a file on the
/// built index, so query latency is measured apart from loading and indexing
/// (scripts/bench-compare puts these figures beside SQLite FTS5's).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time queries on an already built index (for benchmarks).",
        discussion: """
            Reads one query per line from --queries (blank lines and lines starting with # are \
            skipped), runs each once to warm up and then --repeat times, and prints the median, \
            minimum and maximum in milliseconds, with the time taken to open the corpus and the \
            process's peak resident memory.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "File of queries, one per line.", completion: .file())
    var queries: String

    @Option(help: "Timed runs of each query.")
    var `repeat` = 21

    @Option(help: "Hits asked for per query, as a ranked top-N.")
    var limit = 10

    @Flag(help: "Also time the explorer: its model, the first frame, each pane, keystrokes, a filter change.")
    var frames = false

    @Option(help: "Screen size for --frames, as WIDTHxHEIGHT.")
    var size = "200x60"

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard screenSize != nil else { throw ValidationError("--size must look like 200x60") }
    }

    var screenSize: Size? {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        return Size(width: parts[0], height: parts[1])
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: queries) else {
            throw ValidationError("cannot read the query file \(queries)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }

        let clock = ContinuousClock()
        let start = clock.now
        let ws = try corpus.openWorkspace()
        let openSeconds = (clock.now - start).seconds
        // An already built index: nothing still being built beside the queries.
        ws.settle()

        var results: [QueryTiming] = []
        for q in lines {
            var hits = 0
            let timing = try Timing.measure(q, repeat: `repeat`) { hits = try ws.search(q, limit: limit).count }
            results.append(QueryTiming(query: q, hits: hits, timing: timing))
        }
        let frameReport = frames ? FrameBench.run(ws, size: screenSize!, repeat: `repeat`) : nil
        let report = BenchReport(
            documents: ws.documents.count, openSeconds: openSeconds, stages: ws.timings.stages,
            peakRSSBytes: ProcessMemory.peakResidentBytes, repeat: `repeat`, limit: limit, queries: results,
            explorer: frameReport)
        if json {
            try Output.printJSON(report)
        } else {
            let summary = "opened \(report.documents) documents in \(String(format: "%.3f", openSeconds)) s; "
                + "peak RSS \(report.peakRSSBytes / 1_048_576) MiB\n"
            FileHandle.standardOutput.write(Data(summary.utf8))
            Output.printTable(
                header: ["QUERY", "HITS", "MEDIAN MS", "MIN MS", "MAX MS"],
                rows: results.map { [$0.query, String($0.hits)] + $0.timing.columns })
            if let f = frameReport {
                let line = String(format: "explorer at %dx%d: model %.3f s, first frame %.1f ms\n", f.width, f.height, f.modelSeconds, f.firstFrameMs)
                FileHandle.standardOutput.write(Data(line.utf8))
                Output.printTable(header: ["FRAME", "MEDIAN MS", "MIN MS", "MAX MS"], rows: f.frames.map { [$0.name] + $0.columns })
            }
        }
    }
}

/// What `polex bench --json` prints.
struct BenchReport: Encodable {
    var documents: Int
    var openSeconds: Double
    var stages: [StageTimings.Stage]
    var peakRSSBytes: Int
    var `repeat`: Int
    var limit: Int
    var queries: [QueryTiming]
    var explorer: FrameReport?
}

/// The timings of one query over repeated runs.
struct QueryTiming: Encodable {
    var query: String
    var hits: Int
    var timing: Timing

    enum CodingKeys: String, CodingKey { case query, hits, medianMs, minMs, maxMs }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(hits, forKey: .hits)
        try c.encode(timing.medianMs, forKey: .medianMs)
        try c.encode(timing.minMs, forKey: .minMs)
        try c.encode(timing.maxMs, forKey: .maxMs)
    }
}

/// Median, minimum and maximum of repeated runs of one operation, in milliseconds.
struct Timing: Encodable {
    var name: String
    var medianMs: Double
    var minMs: Double
    var maxMs: Double

    /// Runs `body` once unmeasured (first-touch costs belong to no single run), then `repeat` times.
    static func measure(_ name: String, repeat n: Int, _ body: () throws -> Void) rethrows -> Timing {
        let clock = ContinuousClock()
        try body()
        var ms: [Double] = []
        ms.reserveCapacity(n)
        for _ in 0..<n {
            let t = clock.now
            try body()
            ms.append((clock.now - t).seconds * 1000)
        }
        ms.sort()
        return Timing(name: name, medianMs: ms[ms.count / 2], minMs: ms[0], maxMs: ms[ms.count - 1])
    }

    var columns: [String] { [medianMs, minMs, maxMs].map { String(format: "%.3f", $0) } }
}

enum ProcessMemory {
    /// Peak resident set size of this process so far (getrusage reports KiB on Linux, bytes on macOS).
    static var peakResidentBytes: Int {
        var usage = rusage()
        #if os(Linux)
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
            return Int(usage.ru_maxrss) * 1024
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
            return Int(usage.ru_maxrss)
        #endif
    }
}
