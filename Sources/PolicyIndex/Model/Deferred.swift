import Foundation

/// A value computed on another thread from the moment it is made. Reading it
/// waits only if the computation has not finished yet; it is computed once.
/// For derived tables that the first answers do not need but a later one may
/// ask for soon after (the `actor:` filter's lists, the explorer's rolled-up
/// actor table).
public final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Value?

    public init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let v = make()
            condition.lock()
            result = v
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The value, waiting for it if need be.
    public var value: Value {
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
}
