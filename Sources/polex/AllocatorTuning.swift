#if canImport(Glibc)
    import Glibc
#endif

/// How polex asks the C allocator to grow its heaps.
///
/// Decoding a snapshot or building an index allocates a gigabyte at 50,000
/// articles, most of it from worker threads. glibc grows a thread's heap by
/// as little as each request needs, one `mprotect` call at a time: about
/// 75,000 calls in one second start. Asking for 64 MB of room beyond each
/// request (`M_TOP_PAD`) makes that a few dozen calls. The room is address
/// space, not memory: pages count only once they are written.
enum AllocatorTuning {
    static let topPad: Int32 = 64 << 20

    /// `M_TOP_PAD` in glibc's `<malloc.h>`, which Swift's Glibc module does not include.
    private static let topPadParameter: Int32 = -2

    /// Returns whether the allocator took the setting (false off glibc).
    @discardableResult
    static func apply() -> Bool {
        #if canImport(Glibc)
            // Found at run time: `mallopt` is glibc's own, and a C library without it
            // (musl) simply keeps its defaults.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            return unsafeBitCast(symbol, to: Mallopt.self)(topPadParameter, topPad) == 1
        #else
            return false
        #endif
    }
}
