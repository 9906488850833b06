import Foundation

/// The corpus key's verdict on a snapshot that is decoded before the key is
/// known. Walking and hashing 50,000 files is the first half second of a second
/// start; the snapshot is decoded beside it on a guess that it is still valid,
/// and this verdict makes the guess safe.
///
/// Previews of the decoded documents are held until the verdict and then
/// passed on in the order they came, or dropped: a stale snapshot's documents
/// must never be shown as the corpus's. A decode told the snapshot is stale
/// stops at its next section instead of finishing work that is thrown away.
final class KeyVerdict: @unchecked Sendable {
    private let lock = NSLock()
    private let pass: (@Sendable (Workspace) -> Void)?
    private var valid: Bool?
    private var held: [Workspace] = []

    init(passing pass: (@Sendable (Workspace) -> Void)?) { self.pass = pass }

    /// Passes `preview` on now if the key has matched, holds it while the
    /// verdict is out, drops it if the snapshot is stale.
    func offer(_ preview: Workspace) {
        lock.withLock {
            switch valid {
            case nil: held.append(preview)
            case true?: pass?(preview)
            case false?: break
            }
        }
    }

    /// Records the verdict once; passes on or drops what was held. The lock is
    /// held while passing, so a preview offered meanwhile waits its turn.
    func settle(valid: Bool) {
        lock.withLock {
            guard self.valid == nil else { return }
            self.valid = valid
            if valid { for p in held { pass?(p) } }
            held = []
        }
    }

    /// True once the key has said the snapshot is not the corpus's.
    var isStale: Bool { lock.withLock { valid == false } }
}
