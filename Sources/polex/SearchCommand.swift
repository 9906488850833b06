import ArgumentParser
import Foundation
import PolicyIndex

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "(not available yet)")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        throw ValidationError("polex search is not available yet")
    }
}
