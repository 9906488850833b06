/// Interns byte strings as dense `UInt32` ids: one byte arena, one offsets array
/// and an open-addressing hash table, so a corpus's vocabulary costs a few
/// allocations in total rather than one `String` per term.
struct TermTable: Sendable {
    /// All term bytes back to back; term `i` is `arena[starts[i]..<starts[i + 1]]`.
    private(set) var arena: [UInt8] = []
    private(set) var starts: [UInt32] = [0]
    private var hashes: [UInt32] = []
    /// 0 = empty, otherwise term id + 1. The size is a power of two.
    private var slots: [UInt32]

    init(expectedTerms: Int = 1024) {
        var size = 16
        while size < expectedTerms * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        arena.reserveCapacity(expectedTerms * 8)
    }

    var count: Int { hashes.count }

    /// The table's four arrays as they are, for the index snapshot.
    var storage: (arena: [UInt8], starts: [UInt32], hashes: [UInt32], slots: [UInt32]) { (arena, starts, hashes, slots) }

    /// A table from the arrays a snapshot stored, or nil when they could not
    /// have come from `intern` (a lookup must never run off the arrays or loop
    /// for ever on a table without an empty slot).
    init?(arena: [UInt8], starts: [UInt32], hashes: [UInt32], slots: [UInt32]) {
        guard starts.count == hashes.count + 1, starts.first == 0, Int(starts[starts.count - 1]) == arena.count,
            slots.count >= 16, slots.count & (slots.count - 1) == 0, slots.count > hashes.count
        else { return nil }
        for i in 0..<hashes.count where starts[i] > starts[i + 1] { return nil }
        var used = 0
        for s in slots where s != 0 {
            guard Int(s) <= hashes.count else { return nil }
            used += 1
        }
        guard used == hashes.count else { return nil }
        self.arena = arena
        self.starts = starts
        self.hashes = hashes
        self.slots = slots
    }

    var memoryFootprint: Int { arena.count + (starts.count + hashes.count + slots.count) * 4 }

    /// FNV-1a, folded to 32 bits: cheap for the short keys that terms are.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The id of `key`, adding it when new.
    @inline(__always)
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let h = TermTable.hash(key)
        var slot = Int(h) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == h, equals(id, key) { return UInt32(id) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = UInt32(hashes.count)
        arena.append(contentsOf: key)
        starts.append(UInt32(arena.count))
        hashes.append(h)
        slots[slot] = id + 1
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `key`, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let h = TermTable.hash(key)
        var slot = Int(h) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == h, equals(id, key) { return UInt32(id) }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    func find(_ term: String) -> UInt32? {
        var t = term
        return t.withUTF8 { find($0) }
    }

    func term(_ id: UInt32) -> String {
        String(decoding: arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
    }

    func withTerm<R>(_ id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { a in
            body(UnsafeBufferPointer(rebasing: a[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]))
        }
    }

    @inline(__always)
    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(starts[id])
        let hi = Int(starts[id + 1])
        guard hi - lo == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var i = 0
            while i < key.count {
                if a[lo + i] != key[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt32](repeating: 0, count: size)
        for (id, h) in hashes.enumerated() {
            var slot = Int(h) & (size - 1)
            while fresh[slot] != 0 { slot = (slot + 1) & (size - 1) }
            fresh[slot] = UInt32(id + 1)
        }
        slots = fresh
    }
}
