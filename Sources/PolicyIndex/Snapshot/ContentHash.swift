import Dispatch

/// A fast 64-bit hash of bytes, for telling whether a file or a snapshot
/// changed (not for security: nothing here resists a forger).
///
/// Four independent lanes of multiply–rotate rounds over 8-byte words, in the
/// style of xxHash64, run at several GB/s per core. The package mirror offers
/// only cryptographic digests (swift-crypto's SHA-256, several times slower
/// and a large dependency to build), so the hash lives here.
enum ContentHash {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63

    @inline(__always)
    private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always)
    private static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 { rotl(acc &+ word &* p2, 31) &* p1 }

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        guard let p = bytes.baseAddress else { return avalanche(seed &+ p4) }
        var i = 0
        var h: UInt64
        if n >= 32 {
            var a = seed &+ p1 &+ p2
            var b = seed &+ p2
            var c = seed
            var d = seed &- p1
            while i + 32 <= n {
                a = round(a, p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = round(b, p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = round(c, p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = round(d, p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
            h = rotl(a, 1) &+ rotl(b, 7) &+ rotl(c, 12) &+ rotl(d, 18)
            h = (h ^ round(0, a)) &* p1 &+ p4
            h = (h ^ round(0, b)) &* p1 &+ p4
            h = (h ^ round(0, c)) &* p1 &+ p4
            h = (h ^ round(0, d)) &* p1 &+ p4
        } else {
            h = seed &+ p3
        }
        h = h &+ UInt64(n)
        while i + 8 <= n {
            h = rotl(h ^ round(0, p.loadUnaligned(fromByteOffset: i, as: UInt64.self)), 27) &* p1 &+ p4
            i += 8
        }
        while i < n {
            h = rotl(h ^ UInt64(p.load(fromByteOffset: i, as: UInt8.self)) &* p3, 11) &* p1
            i += 1
        }
        return avalanche(h)
    }

    @inline(__always)
    private static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }

    /// Chunk size for `parallel`: large enough that scheduling is free.
    static let chunk = 8 << 20

    /// The hash of a large buffer on all cores: each 8 MB chunk is hashed on
    /// its own, then the list of chunk hashes. The result depends only on the
    /// bytes, never on the number of cores.
    static func parallel(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        nonisolated(unsafe) let bytes = bytes
        return chunked(total: bytes.count) { hash(UnsafeRawBufferPointer(rebasing: bytes[$0])) }
    }

    /// `parallel`, handing each chunk to `release` once it is hashed: hashing a
    /// mapped file then never holds more than a few chunks of it in memory.
    static func parallel(
        _ bytes: UnsafeRawBufferPointer, releasing release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void
    ) -> UInt64 {
        nonisolated(unsafe) let bytes = bytes
        return chunked(total: bytes.count) {
            let part = UnsafeRawBufferPointer(rebasing: bytes[$0])
            defer { release(part) }
            return hash(part)
        }
    }

    /// Hashes the 8 MB chunks of `0..<total` on all cores with `hashChunk`, then
    /// the list of chunk hashes, seeded with the length.
    private static func chunked(total: Int, _ hashChunk: @Sendable (Range<Int>) -> UInt64) -> UInt64 {
        let chunks = max(1, (total + chunk - 1) / chunk)
        var parts = [UInt64](repeating: 0, count: chunks)
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                out[k] = hashChunk((k * chunk)..<min(total, (k + 1) * chunk))
            }
        }
        return parts.withUnsafeBytes { hash($0, seed: UInt64(total)) }
    }
}
