import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The snapshot file: a fixed header, the key, then the payload.
///
/// ```
/// 0   magic "POLEXSNP"
/// 8   format version (UInt32), 0 (UInt32)
/// 16  key length, payload length (UInt64 each)
/// 32  hash of the key bytes, hash of the payload bytes (UInt64 each)
/// 48  key, then payload
/// ```
/// The file must be exactly as long as the header says; both hashes must match.
enum SnapshotFile {
    static let magic: [UInt8] = Array("POLEXSNP".utf8)
    /// Raise whenever the layout of any record or section changes.
    static let formatVersion: UInt32 = 3
    static let headerBytes = 48

    /// The header for a key of `keyBytes` and a payload of `payloadLength` bytes hashing to `payloadHash`.
    static func header(keyBytes: [UInt8], payloadLength: Int, payloadHash: UInt64) -> [UInt8] {
        var h = SnapshotWriter(reserving: headerBytes)
        magic.withUnsafeBytes { h.appendBytes($0) }
        h.append(formatVersion)
        h.append(UInt32(0))
        h.append(UInt64(keyBytes.count))
        h.append(UInt64(payloadLength))
        h.append(keyBytes.withUnsafeBytes { ContentHash.hash($0) })
        h.append(payloadHash)
        return h.bytes
    }

    /// The bytes of a snapshot file, mapped read-only; nil when there is none.
    static func map(_ path: String) -> MappedFile? { MappedFile(path) }

    /// Checks the header and the key hash and returns the stored key and the payload bytes.
    static func unpack(_ bytes: UnsafeRawBufferPointer) throws(SnapshotProblem) -> (key: SnapshotKey, payload: UnsafeRawBufferPointer, payloadHash: UInt64) {
        var r = SnapshotReader(bytes)
        let m = try r.readBytes(8)
        guard m.elementsEqual(magic) else { throw .corrupt("not a polex index snapshot") }
        let version = try r.read(UInt32.self)
        guard version == formatVersion else { throw .corrupt("format \(version), this polex reads format \(formatVersion)") }
        _ = try r.read(UInt32.self)
        let keyLength = try r.read(UInt64.self)
        let payloadLength = try r.read(UInt64.self)
        let keyHash = try r.read(UInt64.self)
        let payloadHash = try r.read(UInt64.self)
        guard keyLength <= UInt64(r.remaining), payloadLength <= UInt64(r.remaining) - keyLength else { throw .truncated }
        guard keyLength + payloadLength == UInt64(r.remaining) else { throw .corrupt("longer than its header says") }
        let keyBytes = try r.readBytes(Int(keyLength))
        guard ContentHash.hash(keyBytes) == keyHash else { throw .corrupt("key checksum mismatch") }
        var kr = SnapshotReader(keyBytes)
        let key = try SnapshotKey.decode(&kr)
        return (key, try r.readBytes(Int(payloadLength)), payloadHash)
    }
}

/// Why a snapshot could not be written (the workspace is fine without it).
struct SnapshotWriteError: Error, CustomStringConvertible {
    /// The write was stopped on purpose (`PendingSnapshot.abandon`).
    static let abandoned = SnapshotWriteError(reason: "abandoned before it was complete")
    var reason: String
    init(reason: String) { self.reason = reason }
    init(errno e: Int32, path: String) { reason = "\(path): \(String(cString: strerror(e)))" }
    var description: String { reason }
}

/// A file mapped into memory read-only for as long as the value lives.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init?(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0, s.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(s.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, size, MADV_WILLNEED)
        bytes = UnsafeRawBufferPointer(start: p, count: size)
    }

    /// Gives back the memory of the whole pages inside `part` (a range of `bytes`)
    /// once they have been read: the file's contents stay as they are, and a later
    /// read brings the pages back from the page cache. Reading a snapshot touches a
    /// gigabyte at 50,000 articles; without this, all of it stays resident beside
    /// the workspace decoded from it, which was the peak of a second start.
    func release(_ part: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, let start = part.baseAddress, part.count > 0 else { return }
        guard start >= base, start + part.count <= base + bytes.count else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = (Int(bitPattern: start) + page - 1) / page * page
        let hi = (Int(bitPattern: start) + part.count) / page * page
        guard hi > lo, let p = UnsafeMutableRawPointer(bitPattern: lo) else { return }
        _ = madvise(p, hi - lo, MADV_DONTNEED)
    }

    deinit {
        if let p = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: p), bytes.count) }
    }
}
