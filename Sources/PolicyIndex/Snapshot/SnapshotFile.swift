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
    static let formatVersion: UInt32 = 2
    static let headerBytes = 48

    /// The header and the key, for a payload made of `payload`'s pieces one after another.
    static func assemble(key: SnapshotKey, payload: [[UInt8]]) -> (header: [UInt8], key: [UInt8]) {
        var k = SnapshotWriter()
        key.encode(into: &k)
        var h = SnapshotWriter(reserving: headerBytes)
        magic.withUnsafeBytes { h.appendBytes($0) }
        h.append(formatVersion)
        h.append(UInt32(0))
        h.append(UInt64(k.bytes.count))
        h.append(UInt64(payload.reduce(0) { $0 + $1.count }))
        h.append(k.bytes.withUnsafeBytes { ContentHash.hash($0) })
        h.append(ContentHash.parallel(pieces: payload))
        return (h.bytes, k.bytes)
    }

    /// Writes to a temporary file in the same folder and renames it into
    /// place, so a reader sees either the old snapshot or the whole new one.
    /// `proceed` is asked before the file is made, between chunks and before the
    /// rename; when it says no, the temporary file is removed and nothing changes.
    /// The payload comes in pieces written one after another, so that it never
    /// needs joining into one array (a gigabyte at 50,000 articles).
    static func write(
        key: SnapshotKey, payload: [[UInt8]], to path: String, proceed: () -> Bool = { true }
    ) throws(SnapshotWriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw SnapshotWriteError(errno: errno, path: folder) }
        } else if !isDir.boolValue {
            throw SnapshotWriteError(reason: "\(folder) is not a folder")
        } else {
            removeOrphans(of: path)
        }
        let (header, keyBytes) = assemble(key: key, payload: payload)
        guard proceed() else { throw .abandoned }
        let temporary = temporaryPath(for: path)
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SnapshotWriteError(errno: errno, path: folder) }
        var ok = true
        var stopped = false
        // Chunks of 8 MB, so an abandoned write of a gigabyte stops within one.
        let chunk = 8 << 20
        for part in [header, keyBytes] + payload where ok && !stopped {
            ok = part.withUnsafeBytes { b in
                var at = 0
                while at < b.count {
                    if at % chunk == 0, at > 0, !proceed() {
                        stopped = true
                        return true
                    }
                    let n = posixWrite(fd, b.baseAddress! + at, min(b.count - at, chunk - at % chunk))
                    if n < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    at += n
                }
                return true
            }
        }
        let savedErrno = errno
        guard close(fd) == 0, ok else {
            unlink(temporary)
            throw SnapshotWriteError(errno: ok ? errno : savedErrno, path: temporary)
        }
        guard !stopped, proceed() else {
            unlink(temporary)
            throw .abandoned
        }
        guard rename(temporary, path) == 0 else {
            let e = errno
            unlink(temporary)
            throw SnapshotWriteError(errno: e, path: path)
        }
    }

    /// Where this process writes `path` before renaming it into place.
    static func temporaryPath(for path: String) -> String { path + ".tmp-\(getpid())" }

    /// Removes temporary files that processes which no longer run left beside
    /// `path` (a polex killed in the middle of a write).
    static func removeOrphans(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + name) }
        }
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

/// `write(2)`, under a name that does not clash with `SnapshotWriter`.
@inline(__always)
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

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
