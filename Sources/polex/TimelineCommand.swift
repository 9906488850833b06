import ArgumentParser
import Foundation
import PolicyIndex

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "timeline", abstract: "(not available yet)")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        throw ValidationError("polex timeline is not available yet")
    }
}
