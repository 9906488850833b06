import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a command and waits for it with posix_spawn and waitpid. Foundation's
/// Process can miss the exit of a child that ends within milliseconds (the tmux
/// client does), and then `waitUntilExit` never returns; waitpid cannot miss it.
/// The child also starts with no signals blocked (see below).
enum Spawn {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `args` (found on PATH) with stdout captured through a file; returns status and output.
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(getpid())-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Test threads block most signals and a spawned child inherits that mask: the
        // program under test would never see SIGINT, SIGTERM or SIGWINCH. Start it clean.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let rc = posix_spawnp(&pid, args[0], &actions, &attr, &argv, environ)
        guard rc == 0 else { throw Failure(description: "cannot start \(args[0]): \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // Exit status when the child exited normally, else 128 + signal.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}

/// The explorer in a tmux server of its own: keys in, screen text out. Every
/// wait polls the screen until a condition holds or a deadline passes.
final class ScreenSession {
    let socket: String
    private let pidFile: String

    init(polex arguments: [String], width: Int, height: Int, environment: [String: String]) throws {
        socket = "polex-ex-\(getpid())-\(UUID().uuidString.prefix(8))"
        pidFile = FileManager.default.temporaryDirectory.appendingPathComponent(socket + ".pid").path
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "interactive=no"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = ([Polex.binary.path] + arguments).map(Self.quote).joined(separator: " ")
        let inner = "echo $$ > \(Self.quote(pidFile)); exec env \(assignments) \(command)"
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh -c \(Self.quote(inner)); echo EXIT=$?; sleep 30"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        unlink(pidFile)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let r = try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + args)
        guard r.status == 0 else { throw Spawn.Failure(description: "tmux \(args.joined(separator: " ")) failed: \(r.status)") }
        return r.output
    }

    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", "0"] + names) }
    func literal(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }
    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"]) }
    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"]) }

    /// A left click at zero-based (x, y), as an X10 mouse report (press, then release).
    func click(x: Int, y: Int) throws {
        for button in [0, 3] {
            let bytes = [button + 32, x + 33, y + 33].map { Character(Unicode.Scalar(UInt8(min($0, 255)))) }
            try literal("\u{1B}[M" + String(bytes))
        }
    }

    func flag(_ format: String) throws -> Bool {
        try tmux(["display-message", "-p", "-t", "0", format]).contains("1")
    }
    var alternateScreenOn: Bool { get throws { try flag("#{alternate_on}") } }
    var mouseReportingOn: Bool { get throws { try flag("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}") } }

    /// Signals the program itself (the shell `exec`s it, so the pid it wrote is the program's).
    func signal(_ sig: Int32) throws {
        let text = (try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""
        guard let p = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(p, sig) == 0 else {
            throw Spawn.Failure(description: "cannot signal the program")
        }
    }

    @discardableResult
    func waitUntil(timeout: Duration = .seconds(20), _ what: String, _ ok: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while true {
            screen = (try? capture()) ?? ""
            if ok(screen) { return screen }
            if clock.now >= deadline { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Spawn.Failure(description: "timed out waiting for \(what); the screen was:\n\(screen)")
    }

    @discardableResult
    func waitFor(_ text: String) throws -> String { try waitUntil("\"\(text)\"") { $0.contains(text) } }

    func waitForExit() throws -> Int {
        let screen = try waitUntil("the program to exit") { $0.contains("EXIT=") }
        let r = screen.range(of: "EXIT=")!
        return Int(screen[r.upperBound...].prefix { $0.isNumber }) ?? -1
    }
}
