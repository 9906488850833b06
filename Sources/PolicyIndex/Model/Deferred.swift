import Foundation

/// A value computed once, on another thread from the moment it is started.
/// Reading it waits only if the computation has not finished yet; reading it
/// before anyone started it computes it on the reader's thread.
/// For derived tables that the first answers do not need but a later one may
/// ask for soon after (the `actor:` filter's lists, the explorer's rolled-up
/// actor table).
public final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Value?
    private var started = false
    private let make: @Sendable () -> Value

    /// `startingNow: false` leaves the work until `start()` or the first read:
    /// a command that never asks for the value never pays for it.
    public init(startingNow: Bool = true, _ make: @escaping @Sendable () -> Value) {
        self.make = make
        if startingNow { start() }
    }

    /// Starts the computation on another thread, unless it has started already.
    public func start() {
        guard claim() else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in finish(make()) }
    }

    /// The value, waiting for it if need be.
    public var value: Value {
        if claim() { finish(make()) }
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }

    /// Whether `value` would return at once.
    public var isReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        return result != nil
    }

    /// True for the one caller that gets to compute the value.
    private func claim() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if started { return false }
        started = true
        return true
    }

    private func finish(_ v: Value) {
        condition.lock()
        result = v
        condition.broadcast()
        condition.unlock()
    }
}
