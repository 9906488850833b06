import CNcursesw
import TextUI

/// Turns an ncurses mouse report into the app's mouse vocabulary.
public enum MouseTranslation {
    /// `buttons` is `MEVENT.bstate`. Nil for reports the app does not use (motion, other buttons).
    public static func event(x: Int, y: Int, buttons b: UInt64) -> MouseEvent? {
        func has(_ m: mmask_t) -> Bool { b & UInt64(m) != 0 }
        let kind: MouseEvent.Kind
        if has(polex_BUTTON4_PRESSED) {
            kind = .wheelUp
        } else if has(polex_BUTTON5_PRESSED) {
            kind = .wheelDown
        } else if has(polex_BUTTON1_DOUBLE_CLICKED) {
            kind = .doubleClick
        } else if has(polex_BUTTON1_PRESSED) || has(polex_BUTTON1_CLICKED) {
            kind = .press
        } else if has(polex_BUTTON1_RELEASED) {
            kind = .release
        } else {
            return nil
        }
        return MouseEvent(kind: kind, x: x, y: y)
    }
}
