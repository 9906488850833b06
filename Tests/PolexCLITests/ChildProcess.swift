import Foundation

/// Starts programs with posix_spawn and waits for them with `wait4`, which also
/// reports the child's peak resident set size. Not Foundation's Process: it gives
/// neither a deadline nor the child's resource usage.
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How a child ended.
    struct Outcome {
        /// The exit status when it exited normally, 128 + signal otherwise (as a shell reports).
        var status: Int32
        /// `ru_maxrss` of the child alone (Linux reports kilobytes).
        var peakRSSBytes: Int
    }

    /// Starts `argv` with stdin, stdout and stderr opened on the given paths and every
    /// other descriptor closed. The test runner's threads block and ignore signals; the
    /// child starts with none blocked and default actions.
    static func start(
        _ argv: [String], stdin: String = "/dev/null", stdout: String, stderr: String = "/dev/null",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = spawnCloseFrom(&actions, 3)
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cArgs, &cEnv)
        guard rc == 0 else { throw Failure(description: "cannot start \(argv[0]): error \(rc)") }
        return pid
    }

    /// Waits for the child; returns nil if it is still running at the deadline, after
    /// killing it (a hang guard: the caller fails the test, the run goes on).
    static func wait(_ pid: pid_t, deadline: Duration? = nil) -> Outcome? {
        let clock = ContinuousClock()
        let end = deadline.map { clock.now + $0 }
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let r = wait4(pid, &status, end == nil ? 0 : WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { return nil }
            if let end, clock.now >= end {
                kill(pid, SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                return nil
            }
            // Polling keeps the deadline without a second thread; 20 ms is far below
            // anything measured here.
            if r == 0 { Thread.sleep(forTimeInterval: 0.02) }
        }
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: code, peakRSSBytes: Int(usage.ru_maxrss) * 1024)
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which the Glibc module
/// does not export: the child closes every descriptor from `from` on before it runs.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func spawnCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

extension Polex {
    /// What a bounded run of polex gave: nil outcome if it hit the deadline.
    struct BoundedResult {
        var outcome: ChildProcess.Outcome?
        var stdout: String
        var stderr: String
        var status: Int32? { outcome?.status }
    }

    /// Runs polex with output to files (no pipe can fill up), a deadline that kills it,
    /// and its peak RSS. `meanwhile` runs while polex does (the other core has work too).
    static func runBounded(_ args: [String], deadline: Duration, meanwhile: () throws -> Void = {}) throws -> BoundedResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polex-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdout").path
        let err = dir.appendingPathComponent("stderr").path
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        let clock = ContinuousClock()
        let started = clock.now
        let pid = try ChildProcess.start([binary.path] + args, stdout: out, stderr: err, environment: env)
        var outcome: ChildProcess.Outcome?
        // Reaped whatever `meanwhile` does; the deadline counts from the start.
        defer { if outcome == nil { _ = ChildProcess.wait(pid, deadline: .zero) } }
        try meanwhile()
        outcome = ChildProcess.wait(pid, deadline: deadline - (clock.now - started))
        func read(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return BoundedResult(outcome: outcome, stdout: read(out), stderr: read(err))
    }
}
