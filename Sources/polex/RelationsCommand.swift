import ArgumentParser
import Foundation
import PolicyIndex

struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "relations", abstract: "(not available yet)")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        throw ValidationError("polex relations is not available yet")
    }
}
