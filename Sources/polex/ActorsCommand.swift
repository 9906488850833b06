import ArgumentParser
import Foundation
import PolicyIndex

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actors", abstract: "(not available yet)")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        throw ValidationError("polex actors is not available yet")
    }
}
