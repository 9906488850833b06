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

    /// Prints `name  value` lines with the values aligned.
    static func printPairs(_ pairs: [(String, String)]) {
        let width = pairs.map { $0.0.count }.max() ?? 0
        var out = ""
        for (k, v) in pairs { out += singleLine(k).padding(toLength: width, withPad: " ", startingAt: 0) + "  " + singleLine(v) + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// At most `max` characters, with `…` where text was cut (at the start when `keepEnd`).
    static func clip(_ s: String, _ max: Int, keepEnd: Bool = false) -> String {
        guard s.count > max, max > 1 else { return s }
        return keepEnd ? "…" + s.suffix(max - 1) : s.prefix(max - 1) + "…"
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}

/// What polex needs to know about the terminal on stdout.
enum Terminal {
    static var isTTY: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns of the terminal, from the tty or `COLUMNS`, else 100.
    static var columns: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 100
    }
}
