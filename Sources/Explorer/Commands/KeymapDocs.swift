import TextUI

extension Keymap {
    /// Bindings grouped by context, in table order, for help and docs.
    public var groups: [(context: KeyContext, bindings: [KeyBinding])] {
        KeyContext.allCases.compactMap { c in
            let list = bindings.filter { $0.contexts.contains(c) && !$0.keys.isEmpty }
            return list.isEmpty ? nil : (c, list)
        }
    }

    /// `docs/keys.md`, generated; a test fails when the committed file differs.
    public var markdown: String {
        var out = """
            # Keys of the polex explorer

            Generated from the key table in `Sources/Explorer/Commands/Keymap.swift`; do not edit by hand
            (`swift test` fails when this file is stale; run it with `POLEX_WRITE_KEYS=1` to rewrite it).

            Every command has a long name. Replay scripts (`polex --script FILE --dump-screen 120x40`)
            use these names, one a line; `key NAME…` presses keys, `type TEXT` types text, `resize WxH`
            resizes. Keys can be changed in `~/.config/polex/keys.conf` with lines such as
            `go-forward = C-n L`.

            """
        for (context, list) in groups {
            out += "\n## \(context.title)\n\n| keys | command | what it does |\n| --- | --- | --- |\n"
            for b in list {
                let keys = b.keys.map { "`\($0.description == "`" ? "``" : $0.description)`" }.joined(separator: " ")
                out += "| \(keys) | `\(b.command.name)` | \(b.help) |\n"
            }
        }
        out += """

            ## Typing modes

            - After `/`: type the query, Enter searches, Esc cancels, Backspace deletes.
            - After `#`: type digits, Enter follows that evidence number, Esc cancels.
            - In quick jump: type to narrow the list, Up/Down (or C-j/C-k) choose, Enter goes, Esc closes.
            - After `m` or `'`: a letter names the mark.

            ## Mouse

            A click focuses the pane under the pointer and selects the row (in the reader: the sentence,
            and the mention under the pointer becomes the current link); a double click follows; the wheel
            scrolls the pane under the pointer.

            """
        return out
    }

    /// The help overlay's rows: a heading per context, then one row a binding.
    public var helpRows: [(keys: String, name: String, help: String)] {
        var rows: [(String, String, String)] = []
        for (context, list) in groups {
            if !rows.isEmpty { rows.append(("", "", "")) }
            rows.append((context.title, "", ""))
            for b in list { rows.append((b.keys.map(\.description).joined(separator: " "), b.command.name, b.help)) }
        }
        return rows
    }
}
