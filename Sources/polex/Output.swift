import Foundation

/// Shared output helpers: stable JSON for scripts, aligned columns for people.
enum Output {
    /// Encodes with sorted keys and pretty printing so the output is stable and diffable.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Prints rows as columns separated by two spaces; the last column is not padded.
    /// Cell text is made single-line and stripped of control characters first.
    static func printTable(header: [String], rows: [[String]]) {
        let clean = ([header] + rows).map { $0.map(singleLine) }
        var widths = Array(repeating: 0, count: header.count)
        for r in clean { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for r in clean {
            var line = ""
            for (i, c) in r.enumerated() {
                line += i == r.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) + "  "
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// Folds newlines and tabs to spaces and shows other control characters as `?`,
    /// so document text can never act on the user's terminal.
    static func singleLine(_ s: String) -> String {
        var r = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A, 0x0D, 0x09: r.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: r.append("?")
            default: r.append(u)
            }
        }
        return String(r)
    }
}
