import ArgumentParser
import Foundation
import PolicyIndex

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

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
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

        var results: [QueryTiming] = []
        for q in lines {
            results.append(try QueryTiming.measure(q, repeat: `repeat`) { try ws.textIndex.search(q, limit: limit).count })
        }
        let report = BenchReport(
            documents: ws.documents.count, openSeconds: openSeconds, stages: ws.timings.stages,
            peakRSSBytes: ProcessMemory.peakResidentBytes, repeat: `repeat`, limit: limit, queries: results)
        if json {
            try Output.printJSON(report)
        } else {
            let summary = "opened \(report.documents) documents in \(String(format: "%.3f", openSeconds)) s; "
                + "peak RSS \(report.peakRSSBytes / 1_048_576) MiB\n"
            FileHandle.standardOutput.write(Data(summary.utf8))
            Output.printTable(
                header: ["QUERY", "HITS", "MEDIAN MS", "MIN MS", "MAX MS"],
                rows: results.map {
                    [$0.query, String($0.hits)] + [$0.medianMs, $0.minMs, $0.maxMs].map { String(format: "%.3f", $0) }
                })
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
}

/// The timings of one query over repeated runs.
struct QueryTiming: Encodable {
    var query: String
    var hits: Int
    var medianMs: Double
    var minMs: Double
    var maxMs: Double

    /// Runs `body` once unmeasured (first-touch costs belong to no query), then `repeat` times.
    static func measure(_ query: String, repeat n: Int, _ body: () throws -> Int) throws -> QueryTiming {
        let clock = ContinuousClock()
        let hits = try body()
        var ms: [Double] = []
        ms.reserveCapacity(n)
        for _ in 0..<n {
            let t = clock.now
            _ = try body()
            ms.append((clock.now - t).seconds * 1000)
        }
        ms.sort()
        return QueryTiming(query: query, hits: hits, medianMs: ms[ms.count / 2], minMs: ms[0], maxMs: ms[ms.count - 1])
    }
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
