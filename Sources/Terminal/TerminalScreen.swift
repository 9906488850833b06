#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CNcursesw
import TextUI

public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The ncurses session: sets the terminal up, copies Canvases to it (only what changed),
/// reads keys, mouse and resizes, and puts the terminal back however the program ends.
///
/// One at a time, used from one thread. Typical loop:
/// ```
/// let screen = try TerminalScreen()
/// defer { screen.close() }
/// while screen.pendingSignal == nil {
///     screen.draw(view(state, screen.size))
///     if let event = screen.nextEvent() { ... }
/// }
/// ```
public final class TerminalScreen {
    public struct Options: Sendable {
        /// Terminal type; nil reads `$TERM`.
        public var termType: String?
        /// Catch SIGINT/SIGTERM/SIGHUP/SIGTSTP/SIGCONT and crash signals.
        public var handleSignals = true
        /// Send stderr to a log file while the screen is open.
        public var redirectStderr = true
        /// Report mouse clicks and the wheel.
        public var mouse = true
        /// Honour `NO_COLOR` and the terminal's colours; `.mono` forces monochrome.
        public var maxColorDepth: ColorDepth = .indexed256
        public init() {}
    }

    /// How many colours are used; pick the theme with `Theme.forDepth(colorDepth)`.
    public let colorDepth: ColorDepth
    /// False when the locale is not UTF-8: non-ASCII text is then drawn as `?` placeholders.
    public let isUTF8: Bool
    /// Things the user should know about how the terminal is driven (shown in the status bar).
    public private(set) var notices: [String] = []
    /// Where stderr went while the screen was open; shown after `close()` if anything was written.
    public var stderrLogPath: String? { log?.path }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let options: Options
    private let colors: ColorPairs
    private var previous: Canvas?
    /// Rows and runs the last `draw` wrote (tests check that drawing stays incremental).
    private(set) var lastDrawRows = 0
    private(set) var lastDrawRuns = 0
    private var currentTimeout: Int32 = -2
    private var closed = false
    private var log: StderrLog?
    private let outputFile: UnsafeMutablePointer<FILE>?
    private let inputFile: UnsafeMutablePointer<FILE>?

    nonisolated(unsafe) private static var open = false

    /// Opens the terminal on stdin/stdout. Throws when there is no usable terminal
    /// (TERM unset or unknown, TERM=dumb, another screen already open).
    public convenience init(options: Options = Options()) throws {
        try self.init(options: options, output: polex_stdout(), input: polex_stdin())
    }

    /// Opens the terminal on the given streams (tests pass /dev/null for a headless screen).
    init(options: Options, output: UnsafeMutablePointer<FILE>?, input: UnsafeMutablePointer<FILE>?) throws {
        guard !Self.open else { throw TerminalError(description: "a terminal screen is already open") }
        self.options = options
        outputFile = output
        inputFile = input
        // The order matters (see docs in ARCHITECTURE): locale before curses so wide
        // characters work; the ESC delay before the screen exists so it takes effect.
        setlocale(LC_ALL, "")
        let codeset = String(cString: polex_codeset())
        isUTF8 = codeset.uppercased().filter { $0 != "-" } == "UTF8"
        set_escdelay(25)
        let term = options.termType ?? (getenv("TERM").map { String(cString: $0) } ?? "")
        if term.isEmpty { throw TerminalError(description: "TERM is not set, so the terminal cannot be drawn on") }
        if term == "dumb" { throw TerminalError(description: "TERM=dumb cannot show a full-screen explorer") }
        // newterm rather than initscr: initscr exits the process when the terminal is unknown.
        guard let scr = newterm(term, output, input) else {
            throw TerminalError(description: "the terminal type '\(term)' is not known to ncurses")
        }
        set_term(scr)
        guard let win = polex_stdscr() else {
            endwin()
            delscreen(scr)
            throw TerminalError(description: "ncurses did not create a screen")
        }
        screen = scr
        window = win
        Self.open = true
        Signals.cursesActive.store(true, ordering: .relaxed)
        cbreak()
        noecho()
        keypad(win, true)
        nonl()
        intrflush(win, false)
        curs_set(0)
        wtimeout(win, 250)
        currentTimeout = 250

        var depth = ColorDepth.mono
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        if has_colors(), noColor.isEmpty, options.maxColorDepth != .mono {
            start_color()
            use_default_colors()
            depth = polex_colors() >= 256 && options.maxColorDepth == .indexed256 ? .indexed256 : .basic
        }
        colorDepth = depth
        colors = ColorPairs(depth: depth)
        if options.mouse {
            mousemask(polex_ALL_MOUSE_EVENTS, nil)
            mouseinterval(0)
        }
        if !isUTF8 {
            notices.append("locale is \(codeset), not UTF-8: non-ASCII text is shown as ?")
        }
        if options.handleSignals { Signals.install() }
        if options.redirectStderr { log = StderrLog() }
    }

    deinit { close() }

    /// The terminal's size now.
    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// SIGINT, SIGTERM or SIGHUP if one arrived: the loop should `close()` and exit with
    /// `128 + signal`.
    public var pendingSignal: Int32? {
        let s = Signals.quit.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Copies `canvas` to the terminal, writing only the runs of cells that differ from
    /// the last canvas drawn. A canvas of another size (after a resize) repaints all.
    public func draw(_ canvas: Canvas) {
        guard !closed else { return }
        let screenSize = size
        var old = previous
        if old?.size != canvas.size {
            werase(window)
            old = nil
        }
        let rows = min(canvas.height, screenSize.height)
        let cols = min(canvas.width, screenSize.width)
        lastDrawRows = 0
        lastDrawRuns = 0
        for y in 0..<rows {
            let runs = RowDiff.changedRuns(canvas, old, y: y, width: cols)
            if !runs.isEmpty { lastDrawRows += 1 }
            for run in runs {
                write(canvas, y: y, from: run.lowerBound, to: run.upperBound, screenWidth: screenSize.width)
                lastDrawRuns += 1
            }
        }
        wrefresh(window)
        previous = canvas
    }

    /// Forgets what is on the screen, so the next `draw` repaints everything.
    public func invalidate() {
        previous = nil
        clearok(polex_curscr(), true)
    }

    /// Writes cells [from, to) of row y, one `mvwaddnwstr` per run of equal style.
    private func write(_ canvas: Canvas, y: Int, from: Int, to: Int, screenWidth: Int) {
        var x = from
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(to - from + 8)
        while x < to {
            let style = canvas[x, y].style
            let start = x
            buffer.removeAll(keepingCapacity: true)
            while x < to, canvas[x, y].style == style {
                let cell = canvas[x, y]
                let wide = x + 1 < canvas.width && canvas[x + 1, y].isContinuation
                if cell.isContinuation {
                    if !isUTF8 { buffer.append(wchar_t(32)) }
                } else if wide && x + 1 >= screenWidth {
                    buffer.append(wchar_t(32))  // half a wide character would not fit
                } else if isUTF8 {
                    for s in cell.text.unicodeScalars { buffer.append(wchar_t(bitPattern: s.value)) }
                } else {
                    buffer.append(wchar_t(ASCIIFallback.character(for: cell.text)))
                }
                x += 1
            }
            let (attr, pair) = colors.attributes(for: style)
            wattr_set(window, attr, pair, nil)
            buffer.append(0)
            _ = mvwaddnwstr(window, Int32(y), Int32(start), buffer, Int32(buffer.count - 1))
        }
        wattr_set(window, attr_t(polex_A_NORMAL), 0, nil)
    }

    /// Waits up to `timeout` for a key, click or resize. Nil on timeout, on a signal
    /// (check `pendingSignal`) and for keys the app has no name for. SIGTSTP suspends
    /// here and, once continued, returns `.resize` so the app redraws.
    public func nextEvent(timeout: Duration = .milliseconds(250)) -> InputEvent? {
        guard !closed else { return nil }
        if let resumed = handleStopAndContinue() { return resumed }
        let ms = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        if ms != currentTimeout {
            wtimeout(window, ms)
            currentTimeout = ms
        }
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == ERR { return handleStopAndContinue() }
        if r == KEY_CODE_YES {
            switch Int32(bitPattern: ch) {
            case KEY_RESIZE:
                invalidate()
                return .resize(size)
            case KEY_MOUSE:
                var ev = MEVENT()
                guard getmouse(&ev) == OK else { return nil }
                return MouseTranslation.event(x: Int(ev.x), y: Int(ev.y), buttons: UInt64(ev.bstate)).map(InputEvent.mouse)
            default:
                return KeyTranslation.key(code: UInt32(ch), isKeyCode: true).map(InputEvent.key)
            }
        }
        return KeyTranslation.key(code: UInt32(ch), isKeyCode: false).map(InputEvent.key)
    }

    /// Events already waiting — typed ahead, pasted, or queued while the last frame was
    /// built — without waiting, at most `limit`. A loop that applies them all and then
    /// draws once keeps up with key repeat and pastes however slow a frame is.
    public func pendingEvents(limit: Int = 256) -> [InputEvent] {
        var events: [InputEvent] = []
        while events.count < limit, pendingSignal == nil, let e = nextEvent(timeout: .zero) { events.append(e) }
        return events
    }

    private func handleStopAndContinue() -> InputEvent? {
        if Signals.stop.exchange(false, ordering: .relaxed) {
            suspend()
            return .resize(size)
        }
        if Signals.continued.exchange(false, ordering: .relaxed) {
            // Stopped from outside (SIGSTOP) and continued: a job-control shell may have
            // reset the tty meanwhile, so put curses' modes back before repainting.
            reset_prog_mode()
            invalidate()
            return .resize(size)
        }
        return nil
    }

    /// Gives the terminal back and stops the process (as Ctrl-Z does); on `fg` the
    /// screen is repainted at the next `draw`.
    public func suspend() {
        guard !closed else { return }
        endwin()
        Signals.cursesActive.store(false, ordering: .relaxed)
        kill(getpid(), SIGSTOP)
        // Continued: curses restores its terminal modes on the next refresh.
        Signals.cursesActive.store(true, ordering: .relaxed)
        Signals.continued.store(false, ordering: .relaxed)
        wrefresh(window)
        invalidate()
    }

    /// Restores the terminal: clears the screen (tmux otherwise keeps leftovers of a
    /// grown window), leaves the alternate screen, turns mouse reporting off, gives
    /// stderr back and prints what was logged there. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        werase(window)
        wrefresh(window)
        if options.mouse { mousemask(0, nil) }
        endwin()
        Signals.cursesActive.store(false, ordering: .relaxed)
        delscreen(screen)
        Self.open = false
        if options.handleSignals { Signals.uninstall() }
        if let log {
            let logged = log.restore()
            if !logged.isEmpty {
                let text = "polex: messages written while the screen was open (also in \(log.path)):\n"
                    + (logged.hasSuffix("\n") ? logged : logged + "\n")
                var bytes = Array(text.utf8)
                _ = Glibc.write(2, &bytes, bytes.count)
            }
        }
        log = nil
    }

    /// The text ncurses holds for row `y` (tests read the screen back with this).
    func screenRow(_ y: Int) -> String {
        var buf = [wchar_t](repeating: 0, count: 4 * Int(getmaxx(window)) + 1)
        let n = mvwinnwstr(window, Int32(y), 0, &buf, Int32(buf.count - 1))
        guard n > 0 else { return "" }
        var s = ""
        for w in buf.prefix(Int(n)) where w != 0 {
            if let u = Unicode.Scalar(UInt32(bitPattern: w)) { s.unicodeScalars.append(u) }
        }
        return s
    }

    /// The characters ncurses holds in the cell at (x, y).
    func screenCell(x: Int, y: Int) -> String {
        var cc = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cc) == OK else { return "" }
        var wch = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cc, &wch, &attrs, &pair, nil) == OK else { return "" }
        var s = ""
        for w in wch where w != 0 {
            if let u = Unicode.Scalar(UInt32(bitPattern: w)) { s.unicodeScalars.append(u) }
        }
        return s
    }

    /// Resizes the headless screen (tests).
    func resize(to size: Size) {
        resizeterm(Int32(size.height), Int32(size.width))
        invalidate()
    }
}

extension TerminalScreen {
    /// True when both stdin and stdout are terminals: only then may the explorer draw.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// The conventional exit status after a fatal signal.
    public static func exitStatus(forSignal sig: Int32) -> Int32 { 128 + sig }
}

public enum TerminalInfo {
    /// The linked ncurses, e.g. "ncurses 6.4.20221231".
    public static var ncursesVersion: String { String(cString: curses_version()) }
}
