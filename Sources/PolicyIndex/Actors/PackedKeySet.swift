/// A set of 64-bit keys that carry their own spread: word hashes
/// (`WordToken.hash`, FNV-1a of the folded word) and packed date words, kept
/// as an open-addressing table probed by multiply-shift.
///
/// `Set<UInt64>` hashes its keys again through SipHash on every look-up and
/// insert; with word lists asked once per word, and each document's lower-case
/// words gathered for name discovery, that was about 4 % of a build's
/// instructions. A multiply and a shift place these keys well enough.
struct PackedKeySet: Sendable {
    /// 0 marks an empty slot; the hash 0 itself is kept in `hasZero`.
    private var slots: [UInt64]
    private var hasZero = false
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var bits = 4
        while (1 << bits) < minimumCapacity * 2 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
        self.init(minimumCapacity: hashes.underestimatedCount)
        for h in hashes { insert(h) }
    }

    @inline(__always)
    private func slot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inline(__always)
    func contains(_ h: UInt64) -> Bool {
        if h == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = slot(h)
            while true {
                let k = s[i]
                if k == h { return true }
                if k == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds `h`; false when it was already there.
    @discardableResult
    mutating func insert(_ h: UInt64) -> Bool {
        if h == 0 {
            guard !hasZero else { return false }
            hasZero = true
            count += 1
            return true
        }
        // At most half full, so probes stay short and always end at an empty slot.
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = slot(h)
        while true {
            let k = slots[i]
            if k == h { return false }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = h
        count += 1
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for h in old where h != 0 {
            var i = slot(h)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = h
        }
    }
}
