import PolicyIndex
import TextUI

/// Names the explorer's views use, mapped onto TextUI's semantic palette so
/// that the 256-colour, 8-colour and monochrome themes all apply.
extension Theme {
    func kind(_ k: ActorKind) -> Style {
        switch k {
        case .country: country
        case .person: person
        case .organization: organization
        case .topic: topic
        }
    }
    var borderFocused: Style { focusBorder }
    var titleFocused: Style { focusTitle }
    var selectionUnfocused: Style { inactiveSelection }
    var heading: Style { text.with(.bold) }
    var meta: Style { dim }
    var searchHit: Style { hit }
    /// The highlighted sentence of the reader.
    var sentence: Style { target }
    /// The current link (mention) in the reader.
    var linkCursor: Style { Style([.reverse, .bold]) }
    var status: Style { statusBar }
    var statusAccent: Style { statusKey }
    var message: Style { statusKey.bg(.default) }
    var number: Style { link }
    var neutral: Style { dim }
    var barSelected: Style { statusKey.bg(.default).with(.bold) }
}
