/// The semantic palette: views ask for "selection" or "a person mention", never for a
/// colour, so one switch moves the whole screen between 256 colours, 8 and monochrome.
public struct Theme: Hashable, Sendable {
    public var text: Style
    /// Borders and titles of the focused pane, and of the others.
    public var focusBorder: Style
    public var border: Style
    public var focusTitle: Style
    public var title: Style
    /// The selected row in the focused pane, and in a pane without focus.
    public var selection: Style
    public var inactiveSelection: Style
    public var dim: Style
    /// Actor mentions by kind.
    public var country: Style
    public var person: Style
    public var organization: Style
    public var topic: Style
    public var date: Style
    /// Search hits, and the sentence a jump landed on.
    public var hit: Style
    public var target: Style
    /// Bylines, navigation text and other boilerplate around an article.
    public var boilerplate: Style
    public var statusBar: Style
    public var statusKey: Style
    public var error: Style
    /// Bars: conflict (negative tone), cooperation (positive), neutral amounts.
    public var conflict: Style
    public var cooperation: Style
    public var bar: Style
    /// Link numbers (`[12]`) that can be followed by typing them.
    public var link: Style
    public var depth: ColorDepth

    public static func forDepth(_ depth: ColorDepth) -> Theme {
        switch depth {
        case .indexed256: return .colors256
        case .basic: return .colors8
        case .mono: return .mono
        }
    }

    public static let colors256 = Theme(
        text: .plain, focusBorder: Style(fg: .indexed(75), .bold), border: Style(fg: .indexed(244)),
        focusTitle: Style(fg: .indexed(75), .bold), title: Style(fg: .indexed(250)),
        selection: Style(fg: .indexed(231), bg: .indexed(25)), inactiveSelection: Style(bg: .indexed(238)),
        dim: Style(fg: .indexed(245)), country: Style(fg: .indexed(114)), person: Style(fg: .indexed(215)),
        organization: Style(fg: .indexed(141)), topic: Style(fg: .indexed(80)),
        date: Style(fg: .indexed(222), .underline), hit: Style(fg: .indexed(16), bg: .indexed(220)),
        target: Style(bg: .indexed(237), .bold), boilerplate: Style(fg: .indexed(242), .dim),
        statusBar: Style(fg: .indexed(252), bg: .indexed(236)), statusKey: Style(fg: .indexed(220), bg: .indexed(236), .bold),
        error: Style(fg: .indexed(203), .bold), conflict: Style(fg: .indexed(203)),
        cooperation: Style(fg: .indexed(114)), bar: Style(fg: .indexed(75)), link: Style(fg: .indexed(244)),
        depth: .indexed256)

    public static let colors8 = Theme(
        text: .plain, focusBorder: Style(fg: .cyan, .bold), border: .plain, focusTitle: Style(fg: .cyan, .bold),
        title: .plain, selection: Style(fg: .white, bg: .blue, .bold), inactiveSelection: Style(.reverse),
        dim: Style(.dim), country: Style(fg: .green), person: Style(fg: .yellow), organization: Style(fg: .magenta),
        topic: Style(fg: .cyan), date: Style(fg: .yellow, .underline), hit: Style(fg: .black, bg: .yellow),
        target: Style([.bold, .underline]), boilerplate: Style(.dim), statusBar: Style(fg: .black, bg: .white),
        statusKey: Style(fg: .blue, bg: .white, .bold), error: Style(fg: .red, .bold), conflict: Style(fg: .red),
        cooperation: Style(fg: .green), bar: Style(fg: .cyan), link: Style(.dim), depth: .basic)

    /// Attributes only: selection is reverse video, mentions are told apart by weight.
    public static let mono = Theme(
        text: .plain, focusBorder: .bold, border: .plain, focusTitle: Style([.bold, .reverse]), title: .bold,
        selection: .reverse, inactiveSelection: .underline, dim: .dim, country: .bold, person: .underline,
        organization: Style([.bold, .underline]), topic: Style(.italic), date: .underline,
        hit: Style([.reverse, .bold]), target: Style([.bold, .underline]), boilerplate: .dim, statusBar: .reverse,
        statusKey: Style([.reverse, .bold]), error: .bold, conflict: .plain, cooperation: .bold, bar: .plain,
        link: .dim, depth: .mono)
}
