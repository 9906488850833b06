import Foundation
import Testing

@testable import PolicyIndex

/// Every stored field of a value, as text: structs, enums, optionals, tuples
/// and collections are walked with `Mirror`, so a field added to a model type
/// later is compared too without this code knowing its name. Dictionaries and
/// sets are printed in sorted order.
enum StructuralDump {
    static func of(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first {
                out += "some("
                write(child.value, into: &out)
                out += ")"
            } else {
                out += "nil"
            }
        case .dictionary, .set:
            let parts = mirror.children.map { of($0.value) }.sorted()
            out += "{" + parts.joined(separator: ",") + "}"
        case .collection, .tuple:
            out += "["
            for c in mirror.children {
                if let l = c.label, mirror.displayStyle == .tuple { out += l + ":" }
                write(c.value, into: &out)
                out += ","
            }
            out += "]"
        case .enum:
            out += "\(type(of: value)).\(mirror.children.first?.label ?? String(describing: value))"
            for c in mirror.children {
                out += "("
                write(c.value, into: &out)
                out += ")"
            }
        case .struct, .class:
            out += "\(type(of: value)){"
            for c in mirror.children {
                out += (c.label ?? "_") + "="
                write(c.value, into: &out)
                out += ";"
            }
            out += "}"
        default:
            out += String(reflecting: value)
        }
    }
}

enum SnapshotFixtures {
    /// The repository's `data/` folder.
    static var dataDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data").path
    }

    static var bundledCorpus: String { dataDirectory + "/corpus" }

    static func options(_ mode: SnapshotMode = .never, version: String = "polex test") -> WorkspaceOptions {
        WorkspaceOptions(dataDirectory: dataDirectory, snapshot: SnapshotPolicy(mode: mode, programVersion: version))
    }

    /// A small corpus made here: Markdown with front matter, plain text with a
    /// dateline, HTML, JSON Lines, CRLF line ends, boilerplate, quotes,
    /// relation cues, dates of many forms and one unreadable file.
    static func write(into corpus: TempCorpus, articles: Int = 24) {
        let speakers = ["Moon Jae-in", "the Japanese foreign ministry", "Yoon Suk-yeol", "Chinese officials", "Lena Marsh"]
        let places = ["Seoul", "Tokyo", "Beijing", "Washington", "Pyongyang", "the U.S.", "South Korea"]
        let cues = ["held talks with", "criticised", "signed an accord with", "did not condemn", "may impose sanctions on", "praised"]
        let dates = ["on March 3, 2021", "in early 2020", "in the 1990s", "last Tuesday", "on 12 November 2020", "from 2019 to 2025", "in summer 2018"]
        for i in 0..<articles {
            let a = places[i % places.count]
            let b = places[(i * 3 + 1) % places.count]
            let speaker = speakers[i % speakers.count]
            var body: [String] = []
            for k in 0..<4 {
                let cue = cues[(i + k) % cues.count]
                let date = dates[(i * 2 + k) % dates.count]
                body.append("\(a) \(cue) \(b) \(date), according to reporters who followed the exchange closely.")
                body.append("“We expect the partners to keep their word on the harbour plan,” \(speaker) said.")
                body.append("Officials from \(b) said that the ministry would answer within weeks.")
            }
            let text = body.joined(separator: " ")
            switch i % 5 {
            case 0, 1:
                let tags = i % 2 == 0 ? "tags: [trade, ports]\n" : ""
                corpus.write(
                    "md/article-\(i).md",
                    "---\ntitle: Harbour report \(i)\ndate: 2021-0\(1 + i % 9)-1\(i % 10)\nsource: Coastal Ledger\nauthor: R. Vale\n\(tags)desk: east\n---\n\n# Harbour report \(i)\n\n\(text)\n\nShare this article\nFacebook | Twitter | Email\n"
                )
            case 2:
                corpus.write("txt/wire-\(i).txt", "SEOUL, Nov. \(1 + i % 27) (Wire) -- \(text)\r\n\r\nRelated: Older story on ports\r\n")
            case 3:
                corpus.write(
                    "html/page-\(i).html",
                    "<html><head><title>Page \(i)</title><meta name=\"date\" content=\"2019-05-0\(1 + i % 9)\"></head><body><p>\(text)</p><p>Cookies help us deliver our services.</p></body></html>"
                )
            default:
                let line = #"{"title":"Feed \#(i)","date":"2018-10-2\#(i % 10)","text":"\#(text.replacingOccurrences(of: "“", with: "\\\"").replacingOccurrences(of: "”", with: "\\\""))"}"#
                corpus.write("feed/items-\(i).jsonl", line + "\n" + line.replacingOccurrences(of: "Feed", with: "Second feed") + "\n{broken\n")
            }
        }
        corpus.write("bin/scan.txt", bytes: [0x50, 0x00, 0x01, 0x02, 0x00])
    }
}

/// Compares two workspaces field by field and through queries.
enum WorkspaceComparison {
    static func expectEqual(_ a: Workspace, _ b: Workspace, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.documents.count == b.documents.count, sourceLocation: sourceLocation)
        #expect(StructuralDump.of(a.documents) == StructuralDump.of(b.documents), "documents", sourceLocation: sourceLocation)
        #expect(StructuralDump.of(a.issues) == StructuralDump.of(b.issues), "issues", sourceLocation: sourceLocation)
        #expect(StructuralDump.of(a.actors) == StructuralDump.of(b.actors), "actors", sourceLocation: sourceLocation)
        #expect(StructuralDump.of(a.timeline) == StructuralDump.of(b.timeline), "timeline", sourceLocation: sourceLocation)
        #expect(a.roots == b.roots, sourceLocation: sourceLocation)
        expectEqual(a.textIndex, b.textIndex, sourceLocation: sourceLocation)
        for q in queries(a) {
            let x = try? a.searchResults(q, limit: 50)
            let y = try? b.searchResults(q, limit: 50)
            #expect(x?.hits == y?.hits, "query \(q)", sourceLocation: sourceLocation)
            #expect(x?.totalDocuments == y?.totalDocuments, "query \(q)", sourceLocation: sourceLocation)
        }
    }

    /// Words, a phrase, a prefix, filters and every actor id the workspace knows.
    static func queries(_ ws: Workspace) -> [String] {
        var q = ["harbour", "\"harbour plan\"", "harb*", "talks OR accord", "ports -sanctions", "source:ledger", "after:2020", "before:2020-06"]
        q += ws.actors.actors.prefix(40).map { "actor:\"\($0.id)\"" }
        q += ["alliance", "\"cost sharing\"", "korea*", "actor:kr sanctions"]
        return q
    }

    static func expectEqual(_ a: TextIndex, _ b: TextIndex, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.segments.count == b.segments.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.segments, b.segments) {
            #expect(x.firstDoc == y.firstDoc && x.docCount == y.docCount, sourceLocation: sourceLocation)
            #expect(x.terms.storage.arena == y.terms.storage.arena, sourceLocation: sourceLocation)
            #expect(x.terms.storage.starts == y.terms.storage.starts, sourceLocation: sourceLocation)
            #expect(x.terms.storage.hashes == y.terms.storage.hashes, sourceLocation: sourceLocation)
            #expect(x.terms.storage.slots == y.terms.storage.slots, sourceLocation: sourceLocation)
            #expect(x.docOffsets == y.docOffsets && x.posOffsets == y.posOffsets, sourceLocation: sourceLocation)
            #expect(Array(x.docStream.bytes) == Array(y.docStream.bytes), sourceLocation: sourceLocation)
            #expect(Array(x.posStream.bytes) == Array(y.posStream.bytes), sourceLocation: sourceLocation)
            #expect(x.docFrequency == y.docFrequency, sourceLocation: sourceLocation)
        }
        #expect(a.lengthAll == b.lengthAll && a.lengthContent == b.lengthContent, sourceLocation: sourceLocation)
        #expect(a.sentenceStarts == b.sentenceStarts && a.sentenceBase == b.sentenceBase, sourceLocation: sourceLocation)
        #expect(a.tokenCount == b.tokenCount && a.contentTokenCount == b.contentTokenCount, sourceLocation: sourceLocation)
        #expect(a.averageLengthAll == b.averageLengthAll && a.averageLengthContent == b.averageLengthContent, sourceLocation: sourceLocation)
        #expect(a.distinctTerms == b.distinctTerms, sourceLocation: sourceLocation)
        #expect(a.memoryFootprint == b.memoryFootprint, sourceLocation: sourceLocation)
    }
}

extension WorkspaceCoding {
    /// The payload as one array, as the file holds it after the header and key.
    /// Made by the same parts as the file, each into a writer that keeps its bytes.
    static func encode(_ ws: Workspace) -> [UInt8] {
        parts(ws).flatMap { part in
            var w = SnapshotWriter()
            part(&w)
            return w.bytes
        }
    }
}
