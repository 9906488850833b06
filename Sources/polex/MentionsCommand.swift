import ArgumentParser
import Foundation
import PolicyIndex

struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mentions", abstract: "(not available yet)")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        throw ValidationError("polex mentions is not available yet")
    }
}
