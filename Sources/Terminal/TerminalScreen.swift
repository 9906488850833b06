import CNcursesw
import TextUI

/// Placeholder for the ncurses session (see the Terminal work).
public enum TerminalInfo {
    public static var ncursesVersion: String { String(cString: curses_version()) }
}
