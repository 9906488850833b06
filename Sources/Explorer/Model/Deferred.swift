import Foundation

/// A value computed on another thread from the moment it is made. Reading it
/// waits only if the computation has not finished yet; it is computed once.
/// For parts of the model that the first frames do not need but a key may ask
/// for soon after.
final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let v = make()
            condition.lock()
            result = v
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The value, waiting for it if need be.
    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }

    /// Whether `value` would return at once.
    var isReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        return result != nil
    }
}
