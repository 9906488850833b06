import ArgumentParser
import Foundation
import PolicyIndex

struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docs", abstract: "(not available yet)")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        throw ValidationError("polex docs is not available yet")
    }
}
