import Foundation
import Testing
import TextUI

@testable import Explorer

struct KeymapTests {
    @Test func everyCommandHasAKey() {
        for c in Command.allCases {
            #expect(!Keymap.standard.keys(for: c).isEmpty, "\(c.name) has no key")
        }
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for b in Keymap.standard.bindings where b.contexts.contains(context) {
                for k in b.keys {
                    #expect(seen[k] == nil || seen[k] == b.command, "\(k) is bound to both \(seen[k]!.name) and \(b.command.name) in \(context)")
                    seen[k] = b.command
                }
            }
        }
    }

    @Test func forwardIsNotCtrlI() {
        // Terminals send Ctrl-I as Tab, which moves focus.
        #expect(!Keymap.standard.keys(for: .goForward).contains(.ctrl("i")))
        #expect(Keymap.standard.command(for: .tab, in: .global) == .focusNextPane)
    }

    @Test func keyNamesRoundTrip() {
        for b in Keymap.standard.bindings {
            for k in b.keys { #expect(Key(name: k.description) == k, "\(k)") }
        }
    }

    @Test func overridesMoveKeys() {
        var map = Keymap.standard
        let problems = map.apply(overrides: "# mine\ngo-forward = C-f\nno-such = x\nquit = \n")
        #expect(problems.count == 2)
        #expect(map.command(for: .ctrl("f"), in: .global) == .goForward)
        #expect(!map.keys(for: .pageDown).contains(.ctrl("f")))
    }

    /// docs/keys.md is generated from the table; run with POLEX_WRITE_KEYS=1 to rewrite it.
    @Test func keysDocumentIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
        let expected = Keymap.standard.markdown
        if ProcessInfo.processInfo.environment["POLEX_WRITE_KEYS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "docs/keys.md is stale: run POLEX_WRITE_KEYS=1 swift test --filter keysDocumentIsCurrent")
    }

    @Test func scriptsNameCommandsAndKeys() throws {
        let steps = try Script.parse("""
            # a comment
            focus-pane-2
            search alliance   # with text
            key j Enter C-o
            type ab
            resize 80x24
            click 3 4
            G
            """)
        #expect(steps.first == .command(.focusPane2))
        #expect(steps.contains(.event(.key(.ctrl("o")))))
        #expect(steps.contains(.event(.resize(Size(width: 80, height: 24)))))
        #expect(steps.contains(.event(.mouse(MouseEvent(kind: .press, x: 3, y: 4)))))
        #expect(steps.last == .event(.key(.char("G"))))
        #expect(throws: ScriptError.self) { try Script.parse("fly-away") }
        do {
            _ = try Script.parse("j\nresize big")
        } catch let e as ScriptError {
            #expect(e.line == 2)
        }
    }

    @Test func replayedScriptMatchesDirectCommands() throws {
        let model = Fixture.model
        var a = App.initialState(size: Size(width: 120, height: 40), model: model)
        Script.run(try Script.parse("focus-pane-2\nfollow-link\nfollow-link\nfollow-number 1"), state: &a, model: model)
        var b = App.initialState(size: Size(width: 120, height: 40), model: model)
        for c: Command in [.focusPane2, .followLink, .followLink] { App.update(&b, command: c, model: model) }
        App.update(&b, command: .followNumber, model: model)
        App.update(&b, event: .key(.char("1")), model: model)
        App.update(&b, event: .key(.enter), model: model)
        #expect(App.view(a, model: model) == App.view(b, model: model))
        #expect(a.section == .reader)
    }
}
