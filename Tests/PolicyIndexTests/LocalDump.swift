import Foundation
import Testing
@testable import PolicyIndex

@Test func localDump() throws {
    guard let path = ProcessInfo.processInfo.environment["POLEX_DUMP"] else { return }
    let r = try CorpusLoader().load(paths: path.split(separator: ":").map(String.init))
    for d in r.documents {
        print("=== \(d.id) \(d.path) line=\(d.line.map(String.init) ?? "-") TITLE: \(d.title) | AUTHOR: \(d.author ?? "-") | SOURCE: \(d.source ?? "-") | DATE: \(d.date.map { "\($0.date.iso) \($0.origin.rawValue)" } ?? "-") | tags \(d.tags) extra \(d.extra.keys.sorted())")
        if ProcessInfo.processInfo.environment["POLEX_DUMP_SENT"] != nil {
            for s in d.sentenceTexts { print("  S: \(s)") }
        } else {
            for p in d.paragraphs { print("  [\(p.kind.rawValue)\(p.boilerplate.map { " " + $0.rawValue } ?? "")] \(d.text(p.span).prefix(110))") }
        }
    }
    for i in r.issues { print("ISSUE \(i)") }
}
