import Foundation
import Testing

/// Runs a program in a detached tmux server of its own, types into it and reads its
/// screen back. Every wait polls the screen until a condition holds or a deadline
/// passes (programs take variable time to draw; a fixed sleep is either slow or flaky).
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A socket name unique to this process and session, so parallel tests never share a server.
    let socket: String
    /// Where the program's process id is written (the shell `exec`s the program).
    private let pidFile: String
    private let directory: URL
    private nonisolated(unsafe) static var counter = 0
    private static let lock = NSLock()

    /// Starts `command` (a shell command line) in a `width`×`height` window. After the
    /// command ends, the pane prints `EXIT=<status>` and stays for 30 s so it can be read.
    /// `serverOptions` are global tmux options set before the program starts (`set-clipboard on`).
    init(
        command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:],
        serverOptions: [String: String] = [:]
    ) throws {
        let n = Self.lock.withLock {
            Self.counter += 1
            return Self.counter
        }
        socket = "polex-\(getpid())-\(n)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pidFile = directory.appendingPathComponent("pid").path
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "interactive=no"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // `exec` keeps the pid written by the inner shell the program's own.
        // NO_COLOR and locale overrides leak in from test runners (and from other tests in
        // the same process); a test that wants one passes it.
        let unset = ["NO_COLOR", "LC_ALL", "LC_CTYPE"].filter { environment[$0] == nil }.map { "-u \($0) " }.joined()
        let inner = "echo $$ > \(Self.quote(pidFile)); exec env \(unset)\(assignments) \(command)"
        let line = "sh -c \(Self.quote(inner)); echo EXIT=$?; sleep 30"
        var args = ["start-server"]
        for (k, v) in serverOptions.sorted(by: { $0.key < $1.key }) { args += [";", "set-option", "-g", k, v] }
        try run(args + [";", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", line])
    }

    /// Starts the built `polex` with `arguments`.
    convenience init(
        polex arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
        serverOptions: [String: String] = [:]
    ) throws {
        // URL(fileURLWithPath:) already made the path absolute.
        let command = ([Polex.binary.path] + arguments).map(Self.quote).joined(separator: " ")
        try self.init(
            command: command, width: width, height: height, environment: environment, serverOptions: serverOptions)
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux command against this session's server; returns its stdout.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        let output = directory.appendingPathComponent("out").path
        let status = try Self.spawn(["tmux", "-L", socket, "-f", "/dev/null"] + args, stdout: output)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(args.joined(separator: " ")) failed with status \(status)")
        }
        return text
    }

    /// Runs a program with stdout to a file and every other descriptor closed, and waits
    /// for it. Not Foundation's Process: the tmux server that `new-session` forks would
    /// inherit the descriptor Process watches for the child's exit, so it never returns.
    static func spawn(_ argv: [String], stdout: String) throws -> Int32 {
        let pid = try ChildProcess.start(argv, stdout: stdout)
        guard let outcome = ChildProcess.wait(pid) else { throw Failure(description: "lost \(argv[0])") }
        return outcome.status
    }

    /// Presses keys by tmux name: `"j"`, `"Enter"`, `"C-c"`, `"BTab"`, `"Escape"`, `"F1"`.
    func sendKeys(_ keys: String...) throws { try sendKeys(keys) }

    func sendKeys(_ keys: [String]) throws { try run(["send-keys", "-t", "0"] + keys) }

    /// Types text byte for byte (`send-keys -l`), e.g. an X10 mouse report `ESC [ M b x y`.
    func sendLiteral(_ text: String) throws { try run(["send-keys", "-t", "0", "-l", text]) }

    /// A left click (press and release) at zero-based column `x`, row `y`, encoded the
    /// way the program asked for: SGR (`ESC [ < b ; x ; y M`) when it turned mode 1006 on,
    /// as ncurses does for tmux-256color, else X10 (`ESC [ M b x y`).
    func click(x: Int, y: Int) throws {
        let sgr = try format("mouse_sgr_flag") == "1"
        try sendLiteral(Self.mouseReport(button: 0, x: x, y: y, sgr: sgr))
        try sendLiteral(Self.mouseReport(button: 0, x: x, y: y, sgr: sgr, release: true))
    }

    /// A wheel step up or down at (x, y).
    func wheel(up: Bool, x: Int, y: Int) throws {
        try sendLiteral(Self.mouseReport(button: up ? 64 : 65, x: x, y: y, sgr: try format("mouse_sgr_flag") == "1"))
    }

    /// A mouse report for `button` (0 left, 64/65 wheel) at zero-based (x, y).
    static func mouseReport(button: Int, x: Int, y: Int, sgr: Bool, release: Bool = false) -> String {
        if sgr { return "\u{1B}[<\(button);\(x + 1);\(y + 1)\(release ? "m" : "M")" }
        // X10: button, column and row each plus 32, 1-based; release is button 3.
        let bytes = [(release ? 3 : button) + 32, x + 33, y + 33].map { Character(Unicode.Scalar(UInt8(min($0, 255)))) }
        return "\u{1B}[M" + String(bytes)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text, one row a line.
    func capture() throws -> String { try run(["capture-pane", "-p", "-t", "0"]) }

    /// The screen with SGR escape sequences, to check colours and attributes.
    func captureStyled() throws -> String { try run(["capture-pane", "-p", "-e", "-t", "0"]) }

    /// A format variable of the pane, e.g. `pane_title`.
    func format(_ variable: String) throws -> String {
        try run(["display-message", "-p", "-t", "0", "#{\(variable)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True while the program's process exists (and has not been reaped).
    func programAlive() throws -> Bool { kill(try programPID(), 0) == 0 }

    /// True while the program is in the alternate screen.
    func alternateScreenOn() throws -> Bool {
        try run(["display-message", "-p", "-t", "0", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Whether the pane asks for mouse reports (any mode).
    func mouseReportingOn() throws -> Bool {
        let flags = try run([
            "display-message", "-p", "-t", "0", "#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}",
        ])
        return flags.contains("1")
    }

    /// The window size tmux holds, "WxH".
    func paneSize() throws -> String {
        try run(["display-message", "-p", "-t", "0", "#{pane_width}x#{pane_height}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program's process id (written by the shell that exec'd it).
    func programPID(timeout: Duration = .seconds(10)) throws -> pid_t {
        var pid: pid_t = 0
        try waitUntil(timeout: timeout, "the program wrote its pid") { _ in
            let text = (try? String(contentsOfFile: self.pidFile, encoding: .utf8)) ?? ""
            pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            return pid > 0
        }
        return pid
    }

    /// Sends a signal to the program (not to tmux or the shell around it).
    func signal(_ sig: Int32) throws {
        let pid = try programPID()
        guard kill(pid, sig) == 0 else { throw Failure(description: "kill(\(pid), \(sig)) failed") }
    }

    /// Waits until the screen satisfies `predicate`; returns that screen. Polls about every 20 ms.
    @discardableResult
    func waitUntil(timeout: Duration = .seconds(10), _ what: String, _ predicate: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while true {
            screen = (try? capture()) ?? ""
            if predicate(screen) { return screen }
            if clock.now >= deadline { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Waits for the program to end; returns its exit status (from the `EXIT=` line).
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int {
        let screen = try waitUntil(timeout: timeout, "the program to exit") { $0.contains("EXIT=") }
        guard let range = screen.range(of: "EXIT="),
            let status = Int(screen[range.upperBound...].prefix { $0.isNumber })
        else { throw Failure(description: "no exit status on screen:\n\(screen)") }
        return status
    }
}

/// Checks of the harness itself with a plain shell program, so a failure in an
/// end-to-end test points at polex rather than at the harness.
@Suite(.serialized) struct TmuxHarnessTests {
    @Test func typesReadsAndReportsTheExitStatus() throws {
        let tmux = try TmuxSession(command: "sh -c 'read line; echo got:$line; exit 3'", width: 60, height: 10)
        try tmux.sendLiteral("hello")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("got:hello")
        #expect(try tmux.waitForExit() == 3)
        #expect(try tmux.alternateScreenOn() == false)
    }

    @Test func resizesAndSeesTheAlternateScreen() throws {
        // tput smcup enters the alternate screen; the shell then waits for a line.
        let tmux = try TmuxSession(command: "sh -c 'tput smcup; echo inside; read x; tput rmcup; echo outside'", width: 50, height: 10)
        try tmux.waitFor("inside")
        #expect(try tmux.alternateScreenOn())
        try tmux.resize(width: 70, height: 12)
        #expect(try tmux.paneSize() == "70x12")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("outside")
        #expect(try tmux.alternateScreenOn() == false)
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func signalsReachTheProgramNotTheShell() throws {
        let tmux = try TmuxSession(command: "sleep 20", width: 40, height: 5)
        try tmux.signal(SIGTERM)
        #expect(try tmux.waitForExit() == 128 + Int(SIGTERM))
    }

    @Test func mouseReportsInBothEncodings() {
        #expect(TmuxSession.mouseReport(button: 0, x: 0, y: 0, sgr: false) == "\u{1B}[M !!")
        #expect(TmuxSession.mouseReport(button: 0, x: 0, y: 0, sgr: false, release: true) == "\u{1B}[M#!!")
        #expect(TmuxSession.mouseReport(button: 64, x: 9, y: 4, sgr: false) == "\u{1B}[M`*%")
        #expect(TmuxSession.mouseReport(button: 0, x: 59, y: 4, sgr: true) == "\u{1B}[<0;60;5M")
        #expect(TmuxSession.mouseReport(button: 0, x: 59, y: 4, sgr: true, release: true) == "\u{1B}[<0;60;5m")
    }
}
