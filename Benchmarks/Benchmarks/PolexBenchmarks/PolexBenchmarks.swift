import Benchmark
import Explorer
import Foundation
import PolicyIndex
import TextUI

/// Each stage benchmark works on the whole 1,000-article fixture (about 5 MB) per
/// iteration; queries and frames run on one workspace built beforehand.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 25)

    Benchmark("load files") { benchmark in
        Fixture.ensureCorpus()
        benchmark.startMeasurement()
        blackHole(try CorpusLoader(options: Fixture.options.loader).load(paths: [Fixture.corpusPath]).documents.count)
    }

    Benchmark("tokenise") { benchmark in
        let docs = Fixture.documents
        benchmark.startMeasurement()
        var tokens = 0
        for d in docs {
            var text = d.text
            text.withUTF8 { buf in Tokenizer.forEachToken(in: buf, range: 0..<buf.count) { _, _ in tokens += 1 } }
        }
        blackHole(tokens)
    }

    Benchmark("split sentences") { benchmark in
        let docs = Fixture.documents
        benchmark.startMeasurement()
        var ranges: [Range<Int>] = []
        for d in docs {
            var text = d.text
            text.withUTF8 { buf in
                for p in d.paragraphs { SentenceSplitter.split(buf, p.span.range, into: &ranges) }
            }
        }
        blackHole(ranges.count)
    }

    Benchmark("index build") { benchmark in
        let docs = Fixture.documents
        benchmark.startMeasurement()
        blackHole(TextIndex(documents: docs))
    }

    Benchmark("actor recognition and relations") { benchmark in
        let docs = Fixture.documents
        let dict = ActorDictionary.load(bundled: Fixture.dataPath + "/actors.yaml", files: [], corpusRoots: [])
        let cues = RelationCues.load(path: Fixture.dataPath + "/relations.yaml")
        benchmark.startMeasurement()
        blackHole(ActorAnalyzer(dictionary: dict.dictionary, cues: cues.cues).analyze(docs))
    }

    Benchmark("date extraction") { benchmark in
        let docs = Fixture.documents
        let tagger = TemporalTagger()
        benchmark.startMeasurement()
        var found = 0
        for d in docs { found += tagger.expressions(in: d).count }
        blackHole(found)
    }

    Benchmark("timeline (dates, labels, grouping)") { benchmark in
        let ws = Fixture.workspace
        benchmark.startMeasurement()
        blackHole(Timeline(documents: ws.documents, actors: ws.actors))
    }

    Benchmark("workspace open, everything") { benchmark in
        Fixture.ensureCorpus()
        benchmark.startMeasurement()
        blackHole(try Workspace.open(paths: [Fixture.corpusPath], options: Fixture.options))
    }

    let fast = Benchmark.Configuration(timeUnits: .microseconds, maxIterations: 500)
    for (name, query) in [
        ("term", "alliance"), ("rare term", "reluctant"), ("phrase", "\"joint exercise\""),
        ("two terms", "missile peninsula"), ("actor filter", "actor:us"), ("term with actor filter", "alliance actor:kr"),
    ] {
        Benchmark("query \(name): \(query)", configuration: fast) { benchmark in
            let ws = Fixture.workspace
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try ws.search(query, limit: 10)) }
        }
    }

    Benchmark("explorer model") { benchmark in
        let ws = Fixture.workspace
        benchmark.startMeasurement()
        blackHole(ExplorerModel(workspace: ws))
    }

    for (pane, focus) in [("articles", Command.focusPane1), ("actors", .focusPane2), ("timeline", .focusPane3)] {
        Benchmark("frame 200x60: \(pane)", configuration: fast) { benchmark in
            let model = Fixture.explorer
            var s = App.initialState(size: Size(width: 200, height: 60), model: model)
            _ = App.update(&s, command: focus, model: model)
            _ = App.view(s, model: model)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(App.view(s, model: model)) }
        }
    }
}
