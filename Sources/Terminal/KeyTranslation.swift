import CNcursesw
import TextUI

/// Turns what `wget_wch` returns into the app's key vocabulary. Pure, so tests can
/// check every mapping without a terminal. `KEY_RESIZE` and `KEY_MOUSE` need the
/// screen and are handled by `TerminalScreen`.
public enum KeyTranslation {
    /// `code` is the wide character or key code; `isKeyCode` is true when `wget_wch`
    /// returned `KEY_CODE_YES`. Nil for keys the app has no name for.
    public static func key(code: UInt32, isKeyCode: Bool) -> Key? {
        isKeyCode ? functionKey(Int32(bitPattern: code)) : character(code)
    }

    static func character(_ v: UInt32) -> Key? {
        switch v {
        case 13, 10: return .enter  // \r with nonl; \n from terminals that send it
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace  // DEL from most terminals, ^H from some
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 28...31: return .ctrl(Character(Unicode.Scalar(v + 64)!))  // \ ] ^ _
        case 0x80..<0xA0: return nil  // C1 controls are never keys
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .char(Character(s))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_PPAGE, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_SNEXT: return .pageDown
        case KEY_HOME, KEY_SHOME, KEY_A1: return .home
        case KEY_END, KEY_SEND, KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC, KEY_SDC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        default:
            let f0 = polex_key_f(0)
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }
}
