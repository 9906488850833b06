import ArgumentParser
import Foundation
import PolicyIndex

/// What the actor subcommands share: finding an actor from an argument, and
/// the JSON shapes of actors and sentences.
enum ActorArgument {
    /// The actor named by id, display name or alias (any case), or a usage error
    /// that lists the nearest names.
    static func resolve(_ query: String, in analysis: ActorAnalysis) throws -> ActorRef {
        if let r = analysis.actor(named: query) { return r }
        let near = analysis.suggestions(for: query).map { r in
            let a = analysis.actor(r)
            return a.name == a.id ? a.id : "\(a.name) (\(a.id))"
        }
        let hint = near.isEmpty ? "; `polex actors` lists them" : "; did you mean: \(near.joined(separator: ", "))?"
        throw ValidationError("no actor named \"\(Output.singleLine(query))\"\(hint)")
    }
}

/// An actor as it appears inside other JSON records.
struct ActorRefJSON: Encodable {
    var id: String
    var name: String
    var kind: String
    init(_ a: Actor) {
        id = a.id
        name = a.name
        kind = a.kind.rawValue
    }
}

extension Workspace {
    /// The sentence's text on one line, safe to print.
    func sentenceLine(_ id: SentenceID) -> String {
        Output.singleLine(String(text(of: id))).trimmingCharacters(in: .whitespaces)
    }

    /// A keyword-in-context line for `span`, with the span in brackets.
    func keywordInContext(_ span: TextSpan, sentence: SentenceID, width: Int = 90) -> String {
        let doc = document(sentence.document)
        let within = doc.sentence(sentence)?.span
        return doc.snippet(around: span, width: width, marks: [span], within: within).marked()
    }
}
