import ArgumentParser
import Explorer
import Foundation
import Terminal
import TextUI

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore", abstract: "Open the terminal explorer (the default).",
        discussion: """
            Keys are listed by ? inside the explorer and in docs/keys.md. With --script and \
            --dump-screen the explorer runs headless: it replays a file of command names and keys \
            and prints the final screen as text.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .customLong("script"), help: "Replay a file of command names and keys, headless.", completion: .file())
    var script: String?

    @Option(name: .customLong("dump-screen"), help: "With --script: print the final screen of this size (e.g. 120x40).")
    var dumpScreen: String?

    @Flag(name: .customLong("timings"), help: "With --script: report load, first-frame and per-step times on stderr.")
    var timings = false

    @Flag(name: .customLong("no-session"), help: "Neither reopen the last reading position nor store it.")
    var noSession = false

    @Option(name: .customLong("colors"), help: "Colours: auto, 256, 8 or none (NO_COLOR also turns them off).")
    var colors: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, c256 = "256", c8 = "8", none
    }

    func validate() throws {
        if let d = dumpScreen, Size(d) == nil { throw ValidationError("--dump-screen wants WIDTHxHEIGHT, such as 120x40") }
        if dumpScreen != nil, script == nil { throw ValidationError("--dump-screen needs --script FILE (use an empty file for the first screen)") }
        for p in corpus.paths where !FileManager.default.fileExists(atPath: p) {
            throw ValidationError("no such file or folder: \(p)")
        }
    }

    func run() throws {
        if let script {
            try ScriptReplay.run(script: script, size: dumpScreen.flatMap(Size.init) ?? Size(width: 120, height: 40), corpus: corpus, timings: timings)
            return
        }
        guard TerminalScreen.isInteractive else {
            Stderr.print(
                """
                polex: the explorer needs a terminal (stdin and stdout are not both a TTY).
                For scripts use a subcommand: polex search QUERY, polex actors, polex relations, \
                polex timeline, polex docs, polex stats (polex --help lists them all), or render a \
                screen with polex --script FILE --dump-screen 120x40.
                """)
            throw ExitCode(2)
        }
        var options = TerminalScreen.Options()
        switch colors {
        case .auto, .c256: options.maxColorDepth = .indexed256
        case .c8: options.maxColorDepth = .basic
        case .none: options.maxColorDepth = .mono
        }
        let status = ExplorerLoop(corpus: corpus, sessions: noSession ? nil : SessionStore(paths: corpus.resolvedPaths, bundled: corpus.paths.isEmpty)).run(options: options)
        if status != 0 { throw ExitCode(status) }
    }
}
