#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a streaming `SnapshotWriter` sends its bytes: one open file, from a
/// fixed offset on. Writes go by explicit offset (`pwrite`), so a length patched
/// into bytes that already left the writer lands where it belongs.
///
/// The first failure is kept and every later write is skipped; so is every
/// write after `proceed` said no. The file's owner reads `failure` and
/// `stopped` when the encoding is done and throws away the file if either is set.
/// One thread uses a sink at a time; the owner reads it after joining that thread.
final class SnapshotSink: @unchecked Sendable {
    private let fd: Int32
    /// The file offset of the writer's byte 0.
    private let base: Int
    private let proceed: () -> Bool
    /// How many bytes a writer gathers before it hands them over; also the size
    /// of the pieces a large run is written in, with `proceed` asked between them.
    let chunk: Int
    private(set) var failure: Int32?
    private(set) var stopped = false

    /// 8 MB: an abandoned write of a gigabyte stops within one chunk.
    static let defaultChunk = 8 << 20

    init(fd: Int32, base: Int, chunk: Int = defaultChunk, proceed: @escaping () -> Bool) {
        self.fd = fd
        self.base = base
        self.chunk = chunk
        self.proceed = proceed
    }

    var isDead: Bool { failure != nil || stopped }

    /// Writes `bytes` at the writer's offset `at`, in chunks, asking `proceed`
    /// before every chunk but the first.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        var done = 0
        while done < bytes.count, !isDead {
            if done > 0, !proceed() {
                stopped = true
                return
            }
            let n = min(bytes.count - done, chunk)
            writeAll(UnsafeRawBufferPointer(rebasing: bytes[done..<(done + n)]), at: base + offset + done)
            done += n
        }
    }

    /// A handover between chunks: asks `proceed` first.
    func hand(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        guard !isDead else { return }
        guard proceed() else {
            stopped = true
            return
        }
        write(bytes, at: offset)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, at position: Int) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(position + done))
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            done += n
        }
    }
}
