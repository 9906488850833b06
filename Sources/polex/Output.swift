import Foundation

/// Shared output helpers: stable JSON for scripts, aligned columns for people.
enum Output {
    /// Encodes with sorted keys and pretty printing so the output is stable and diffable.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let data = escapingInvisibleControls(try encoder().encode(value))
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// The encoder of every JSON output (`JSONStreamWriter` too).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The key order of `.sortedKeys` (case-insensitive, numbers by value).
    static func sortsBefore(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.caseInsensitive, .numeric]) == .orderedAscending
    }

    /// JSONEncoder escapes C0 controls (ESC becomes `\u001b`) but writes C1 controls
    /// and bidi overrides raw, and a terminal showing the JSON may act on them
    /// (U+009B is CSI). They can only occur inside JSON strings, so escaping them
    /// there keeps the JSON equal in meaning.
    static func escapingInvisibleControls(_ json: Data) -> Data {
        let bytes = [UInt8](json)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func escape(_ scalar: UInt32) { out += Array(String(format: "\\u%04x", scalar).utf8) }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                escape(UInt32(bytes[i + 1]))  // U+0080...U+009F
                i += 2
            } else if b == 0xE2, i + 2 < bytes.count,
                (bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]))
                    || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))
            {
                escape(0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))  // U+202A...U+2069
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return Data(out)
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
