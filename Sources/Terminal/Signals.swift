#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CNcursesw
import Synchronization

/// Signal handling that is safe to do in a handler: the handlers only store numbers
/// into atomics, and the loop (`TerminalScreen.nextEvent`, `pendingSignal`) acts on them.
/// The crash handler is the exception: it must put the terminal back before the
/// process dies, so it calls `endwin`, gives stderr back, and re-raises the signal to
/// the handler that was there before (the Swift runtime's backtracer).
enum Signals {
    /// The last SIGINT/SIGTERM/SIGHUP received, 0 for none.
    static let quit = Atomic<Int32>(0)
    /// Set by SIGTSTP: the loop suspends (restores the terminal and stops).
    static let stop = Atomic<Bool>(false)
    /// Set by SIGCONT: the screen must be repainted whole.
    static let continued = Atomic<Bool>(false)
    /// True while curses owns the terminal, so the crash handler knows to restore it.
    static let cursesActive = Atomic<Bool>(false)
    /// The descriptor that stderr was before it went to the log file, -1 when not redirected.
    static let savedStderr = Atomic<Int32>(-1)

    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE]

    /// The actions in place before ours, indexed by signal number, to restore on close
    /// and for the crash handler to re-raise into. Allocated once and never freed, so
    /// a handler can read it without touching Swift-managed memory.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()
    nonisolated(unsafe) static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        quit.store(0, ordering: .relaxed)
        stop.store(false, ordering: .relaxed)
        continued.store(false, ordering: .relaxed)
        for s in quitSignals { set(s, handler: onQuitSignal) }
        set(SIGTSTP, handler: onStopSignal)
        set(SIGCONT, handler: onContinueSignal)
        for s in crashSignals { setCrash(s) }
    }

    static func uninstall() {
        guard installed else { return }
        installed = false
        // Crash signals go back to the runtime's backtracer. The others go back to their
        // defaults, not to what was there before: that was ncurses' own handlers, which
        // would act on a screen that no longer exists.
        for s in crashSignals { sigaction(s, previous + Int(s), nil) }
        for s in quitSignals + [SIGTSTP, SIGCONT] { signal(s, SIG_DFL) }
    }

    /// The crash handler takes siginfo and context so it can hand both to the previous
    /// handler; it runs on the alternate signal stack if the runtime set one up.
    private static func setCrash(_ sig: Int32) {
        var sa = sigaction()
        #if canImport(Glibc)
            sa.__sigaction_handler.sa_sigaction = onCrashSignal
        #else
            sa.__sigaction_u.__sa_sigaction = onCrashSignal
        #endif
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigaction(sig, &sa, previous + Int(sig))
    }

    private static func set(_ sig: Int32, handler: @convention(c) (Int32) -> Void) {
        var sa = sigaction()
        #if canImport(Glibc)
            sa.__sigaction_handler.sa_handler = handler
        #else
            sa.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&sa.sa_mask)
        // No SA_RESTART: a signal interrupts the input wait so the loop sees it at once.
        sa.sa_flags = 0
        sigaction(sig, &sa, previous + Int(sig))
    }
}

private func onQuitSignal(_ sig: Int32) { Signals.quit.store(sig, ordering: .relaxed) }
private func onStopSignal(_ sig: Int32) { Signals.stop.store(true, ordering: .relaxed) }
private func onContinueSignal(_ sig: Int32) { Signals.continued.store(true, ordering: .relaxed) }

/// Restores the terminal, then lets the previous handler (the Swift backtracer) report
/// the crash, then dies by the signal. The last step matters when the signal was sent
/// with kill rather than raised by a fault: the backtracer then returns, and without
/// it the process would carry on with curses already closed.
private func onCrashSignal(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if Signals.cursesActive.exchange(false, ordering: .relaxed) {
        endwin()
    }
    let fd = Signals.savedStderr.exchange(-1, ordering: .relaxed)
    if fd >= 0 { dup2(fd, 2) }
    let prev = Signals.previous + Int(sig)
    sigaction(sig, prev, nil)
    #if canImport(Glibc)
        if prev.pointee.sa_flags & SA_SIGINFO != 0, let act = prev.pointee.__sigaction_handler.sa_sigaction {
            act(sig, info, context)
        } else if let act = prev.pointee.__sigaction_handler.sa_handler, unsafeBitCast(act, to: Int.self) > 1 {
            act(sig)  // not SIG_DFL (0) or SIG_IGN (1)
        }
    #endif
    signal(sig, SIG_DFL)
    raise(sig)
}
