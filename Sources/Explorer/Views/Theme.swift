import PolicyIndex
import TextUI

/// Semantic styles of the explorer. `mono` keeps every distinction with
/// attributes alone, for `NO_COLOR` and terminals without colours.
public struct Theme: Hashable, Sendable {
    public var border: Style
    public var borderFocused: Style
    public var title: Style
    public var titleFocused: Style
    public var selection: Style
    public var selectionUnfocused: Style
    public var dim: Style
    public var heading: Style
    public var meta: Style
    public var date: Style
    public var searchHit: Style
    public var sentence: Style
    public var link: Style
    public var status: Style
    public var statusAccent: Style
    public var message: Style
    public var number: Style
    public var conflict: Style
    public var cooperation: Style
    public var neutral: Style
    public var bar: Style
    public var barSelected: Style
    public var kinds: [ActorKind: Style]

    public func kind(_ k: ActorKind) -> Style { kinds[k] ?? .plain }

    public static let color = Theme(
        border: Style(fg: .brightBlack), borderFocused: Style(fg: .cyan),
        title: Style(.bold), titleFocused: Style(fg: .cyan, [.bold]),
        selection: Style(fg: .black, bg: .cyan), selectionUnfocused: Style(bg: .brightBlack),
        dim: Style(.dim), heading: Style(.bold), meta: Style(fg: .brightBlack),
        date: Style(fg: .blue, [.underline]), searchHit: Style(fg: .black, bg: .yellow),
        sentence: Style(bg: .indexed(236)), link: Style([.reverse, .bold]),
        status: Style(fg: .white, bg: .blue), statusAccent: Style(fg: .brightYellow, bg: .blue, [.bold]),
        message: Style(fg: .yellow), number: Style(fg: .brightBlack),
        conflict: Style(fg: .red), cooperation: Style(fg: .green), neutral: Style(fg: .brightBlack),
        bar: Style(fg: .cyan), barSelected: Style(fg: .brightYellow, [.bold]),
        kinds: [
            .country: Style(fg: .cyan), .person: Style(fg: .yellow), .organization: Style(fg: .green),
            .topic: Style(fg: .magenta),
        ])

    public static let mono = Theme(
        border: .plain, borderFocused: .bold, title: .plain, titleFocused: Style([.bold, .reverse]),
        selection: .reverse, selectionUnfocused: .underline, dim: .dim, heading: .bold, meta: .dim,
        date: .underline, searchHit: Style([.reverse, .bold]), sentence: .bold, link: Style([.reverse, .underline]),
        status: .reverse, statusAccent: Style([.reverse, .bold]), message: .bold, number: .dim,
        conflict: .bold, cooperation: .plain, neutral: .dim, bar: .plain, barSelected: .bold,
        kinds: [.country: .bold, .person: .underline, .organization: .bold, .topic: .italicStyle])
}

extension Style {
    static let italicStyle = Style([.italic])
}
