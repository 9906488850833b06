import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file as a snapshot remembers it: size, modification time and a hash of
/// its bytes. Size and time alone would miss an edit that keeps both (a copy
/// with `cp -p`, a clock that went back), so the bytes are always hashed.
struct FileStamp: Equatable, Sendable {
    var path: String
    /// -1 when the file is absent or cannot be read.
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    var hash: UInt64

    static func absent(_ path: String) -> FileStamp { FileStamp(path: path, size: -1, modified: 0, hash: 0) }

    /// Opens, reads and hashes one file; `buffer` is reused between calls.
    static func take(_ path: String, buffer: inout [UInt8]) -> FileStamp {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .absent(path) }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0, s.st_mode & S_IFMT == S_IFREG else { return .absent(path) }
        let size = Int(s.st_size)
        if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: max(size + 1, buffer.count * 2, 1 << 16)) }
        // Read to the end even if the file grew since `fstat`, so the hash covers what is there now.
        var total = 0
        let ok = buffer.withUnsafeMutableBytes { b -> Bool in
            while true {
                if total == b.count { return false }
                let n = read(fd, b.baseAddress! + total, b.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if n == 0 { return true }
                total += n
            }
        }
        guard ok else { return FileStamp(path: path, size: Int64(size), modified: Self.nanoseconds(s), hash: ~0) }
        let hash = buffer.withUnsafeBytes { ContentHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<total])) }
        return FileStamp(path: path, size: Int64(total), modified: Self.nanoseconds(s), hash: hash)
    }

    static func nanoseconds(_ s: stat) -> Int64 {
        #if canImport(Darwin)
            return Int64(s.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(s.st_mtimespec.tv_nsec)
        #else
            return Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec)
        #endif
    }

    /// Stamps many files on all cores, in the order given.
    static func take(_ paths: [String]) -> [FileStamp] {
        let batch = 64
        let batches = (paths.count + batch - 1) / batch
        let out = ParallelSlots.map(batches, threads: .readingFiles) { b in
            var buffer: [UInt8] = []
            return ((b * batch)..<min(paths.count, (b + 1) * batch)).map { take(paths[$0], buffer: &buffer) }
        }
        return out.flatMap { $0 ?? [] }
    }
}

extension SnapshotWriter {
    /// Paths as strings, the numbers as three flat arrays.
    mutating func append(stamps: [FileStamp]) {
        append(strings: stamps.map(\.path))
        append(array: stamps.map(\.size))
        append(array: stamps.map(\.modified))
        append(array: stamps.map(\.hash))
    }
}

extension SnapshotReader {
    mutating func readStamps() throws(SnapshotProblem) -> [FileStamp] {
        let paths = try readStrings()
        let sizes = try readArray(Int64.self)
        let times = try readArray(Int64.self)
        let hashes = try readArray(UInt64.self)
        guard sizes.count == paths.count, times.count == paths.count, hashes.count == paths.count else {
            throw .corrupt("file list miscounted")
        }
        return paths.indices.map { FileStamp(path: paths[$0], size: sizes[$0], modified: times[$0], hash: hashes[$0]) }
    }
}
