import ArgumentParser
import Foundation

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore", abstract: "Open the terminal explorer (the default).")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        throw ValidationError("the terminal explorer is not available yet; use the subcommands (polex --help)")
    }
}
