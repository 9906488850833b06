import ArgumentParser
import Foundation
import PolicyIndex

/// The command line; `PolexMain` runs it.
struct Polex: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "polex",
        abstract: "Explore a folder of policy articles: actors, relations, timeline, evidence.",
        discussion: """
            With no subcommand, polex opens the terminal explorer on the given files and folders \
            (or on the bundled sample corpus). The subcommands answer the same questions for scripts.
            """,
        version: version,
        subcommands: [
            ExploreCommand.self, DocsCommand.self, SearchCommand.self, StatsCommand.self,
            ActorsCommand.self, MentionsCommand.self, RelationsCommand.self, QuotesCommand.self,
            TimelineCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self
    )
}
