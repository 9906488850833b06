import Testing

@testable import TextUI

/// Every widget, drawn into every small area (including empty and off-canvas ones):
/// nothing crashes and nothing is drawn outside the area it was given.
@Suite struct TinyAreaTests {
    typealias Widget = @Sendable (Rect, inout Canvas) -> Void

    static let widgets: [(String, Widget)] = [
        ("panel", { r, c in Panel(title: "Articles 한국", focused: true, theme: .colors8, rightTitle: "3/40").draw(in: r, on: &c) }),
        ("list", { r, c in
            ListView(count: 50, selected: 30, offset: 0, theme: .mono).draw(in: r, on: &c) { i, row, canvas in
                canvas.put("row \(i) 😀", x: row.x, y: row.y, clip: row)
            }
        }),
        ("wrapped", { r, c in
            WrappedText("한국어 long words\u{1B}[2J and more", width: max(1, r.width)).draw(in: r, on: &c, firstLine: 0)
        }),
        ("status", { r, c in StatusBar(left: [Segment("corpus 한국")], right: [Segment("? help")], style: .reverse).draw(in: r, on: &c) }),
        ("input", { r, c in TextInputView(prompt: "/", state: TextInputState("한국 query"), theme: .mono, suffix: "3 hits").draw(in: r, on: &c) }),
        ("tone", { r, c in ToneBar(tone: -7, theme: .colors8).draw(in: r, on: &c) }),
        ("matrix", { r, c in
            MatrixView(labels: ["China", "한국"], values: [[nil, 2], [-1, nil]], theme: .colors8).draw(in: r, on: &c)
        }),
        ("scrollbar", { r, c in ScrollBar.draw(in: r, first: 10, visible: 5, count: 100, theme: .mono, on: &c) }),
    ]

    static let areas: [Rect] = {
        var out: [Rect] = []
        for w in 0...5 { for h in 0...3 { out.append(Rect(x: 2, y: 1, width: w, height: h)) } }
        out += [Rect(x: -3, y: -2, width: 6, height: 4), Rect(x: 8, y: 4, width: 10, height: 5), Rect(x: 20, y: 20, width: 3, height: 3)]
        return out
    }()

    @Test(arguments: widgets.indices)
    func staysInsideItsArea(_ index: Int) {
        let (name, draw) = Self.widgets[index]
        for area in Self.areas {
            var canvas = Canvas(size: Size(width: 10, height: 6))
            canvas.fill(canvas.bounds, with: Cell("~"))
            draw(area, &canvas)
            for y in 0..<canvas.height {
                for x in 0..<canvas.width where !area.contains(x: x, y: y) {
                    #expect(canvas[x, y] == Cell("~"), "\(name) drew at (\(x), \(y)) outside \(area)")
                }
            }
        }
    }
}
