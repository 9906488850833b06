import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One part of a payload: writes its bytes into a writer. Parts run side by
/// side; the payload is their bytes one after another.
typealias SnapshotPart = @Sendable (inout SnapshotWriter) -> Void

extension SnapshotFile {
    /// Writes a snapshot whose payload is made by `parts`, streamed to disk as
    /// it is encoded: the first part straight into the file, the others into
    /// files of their own beside it, copied in behind it when all are done. The
    /// payload hash is then read back from the file, chunk by chunk, and the
    /// header written last. No part of the payload is ever in memory whole.
    ///
    /// Everything goes to temporary files in the same folder and the snapshot is
    /// renamed into place, so a reader sees either the old snapshot or the whole
    /// new one. `proceed` is asked before the files are made, between 8 MB chunks
    /// (from the threads the parts run on) and before the rename; when it says
    /// no, the temporary files are removed and nothing changes. `chunk` is for
    /// tests, which make handovers happen on small corpora.
    static func write(
        key: SnapshotKey, parts: [SnapshotPart], to path: String, chunk: Int = SnapshotSink.defaultChunk,
        proceed: @escaping @Sendable () -> Bool = { true }
    ) throws(SnapshotWriteError) {
        try prepareFolder(of: path)
        var k = SnapshotWriter()
        key.encode(into: &k)
        let keyBytes = k.bytes
        guard proceed() else { throw .abandoned }
        let files = try TemporaryFiles(for: path, count: max(1, parts.count))
        let payloadStart = headerBytes + keyBytes.count

        // Each part streams to its own file, the first after the header and key.
        let sinks = files.fds.enumerated().map { i, fd in SnapshotSink(fd: fd, base: i == 0 ? payloadStart : 0, chunk: chunk, proceed: proceed) }
        nonisolated(unsafe) var lengths = [Int](repeating: 0, count: parts.count)
        lengths.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            SideBySide.run(
                parts.indices.map { i in
                    { [sinks] in
                        var w = SnapshotWriter(streamingTo: sinks[i])
                        parts[i](&w)
                        w.spill()
                        out[i] = w.count
                    }
                })
        }
        if let e = sinks.lazy.compactMap(\.failure).first { throw SnapshotWriteError(errno: e, path: files.paths[0]) }
        guard !sinks.contains(where: \.stopped) else { throw .abandoned }

        keyBytes.withUnsafeBytes { sinks[0].write($0, at: headerBytes - payloadStart) }
        var end = lengths.first ?? 0
        for i in lengths.indices.dropFirst() {
            try files.copy(part: i, length: lengths[i], toOffset: payloadStart + end)
            end += lengths[i]
        }
        guard proceed() else { throw .abandoned }
        guard let written = MappedFile(files.paths[0]), written.bytes.count == payloadStart + end else {
            throw SnapshotWriteError(reason: "\(files.paths[0]) changed while it was written")
        }
        let payload = UnsafeRawBufferPointer(rebasing: written.bytes[payloadStart...])
        let hash = ContentHash.parallel(payload, releasing: { written.release($0) })
        let header = Self.header(keyBytes: keyBytes, payloadLength: end, payloadHash: hash)
        header.withUnsafeBytes { sinks[0].write($0, at: -payloadStart) }
        if let e = sinks[0].failure { throw SnapshotWriteError(errno: e, path: files.paths[0]) }
        try files.closeAll()
        guard proceed() else { throw .abandoned }
        try files.rename(to: path)
    }

    /// Makes the `.polex` folder if it is missing and clears what dead writers left in it.
    private static func prepareFolder(of path: String) throws(SnapshotWriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw SnapshotWriteError(errno: errno, path: folder) }
        } else if !isDir.boolValue {
            throw SnapshotWriteError(reason: "\(folder) is not a folder")
        } else {
            removeOrphans(of: path)
        }
    }

    /// Where this process writes `path` before renaming it into place; the
    /// payload's other parts go to this name with `.1`, `.2`… after it.
    static func temporaryPath(for path: String) -> String { path + ".tmp-\(getpid())" }

    /// Removes this process's temporary files for `path`, the main one and the parts'.
    static func removeTemporaries(of path: String) {
        removeTemporaries(of: path) { $0 == getpid() }
    }

    /// Removes temporary files that processes which no longer run left beside
    /// `path` (a polex killed in the middle of a write).
    static func removeOrphans(of path: String) {
        removeTemporaries(of: path) { pid in pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH }
    }

    /// Removes `path.tmp-PID` and `path.tmp-PID.N` for every PID that `whose` picks.
    private static func removeTemporaries(of path: String, whose: (Int32) -> Bool) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard let pid = Int32(digits), digits.count == rest.count || rest.dropFirst(digits.count).first == "." else { continue }
            if whose(pid) { unlink(folder + "/" + name) }
        }
    }
}

/// The temporary files of one snapshot write: removed when the write does not
/// end in the rename, whatever stopped it.
private final class TemporaryFiles {
    let paths: [String]
    private(set) var fds: [Int32] = []
    private var renamed = false

    init(for path: String, count: Int) throws(SnapshotWriteError) {
        let main = SnapshotFile.temporaryPath(for: path)
        paths = [main] + (1..<count).map { "\(main).\($0)" }
        for p in paths {
            let fd = open(p, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw SnapshotWriteError(errno: errno, path: p) }
            fds.append(fd)
        }
    }

    /// Copies part `part`'s file, `length` bytes, into the main file at `offset`.
    func copy(part: Int, length: Int, toOffset offset: Int) throws(SnapshotWriteError) {
        let chunk = SnapshotSink.defaultChunk
        var buffer = [UInt8](repeating: 0, count: min(chunk, max(length, 1)))
        var done = 0
        while done < length {
            let want = min(chunk, length - done)
            let got = buffer.withUnsafeMutableBytes { pread(fds[part], $0.baseAddress!, want, off_t(done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw SnapshotWriteError(errno: got < 0 ? errno : EIO, path: paths[part]) }
            var put = 0
            while put < got {
                let n = buffer.withUnsafeBytes { pwrite(fds[0], $0.baseAddress! + put, got - put, off_t(offset + done + put)) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw SnapshotWriteError(errno: n < 0 ? errno : EIO, path: paths[0]) }
                put += n
            }
            done += got
        }
    }

    func closeAll() throws(SnapshotWriteError) {
        var failed: (Int32, String)?
        for (fd, p) in zip(fds, paths) where close(fd) != 0 && failed == nil { failed = (errno, p) }
        fds = []
        if let (e, p) = failed { throw SnapshotWriteError(errno: e, path: p) }
    }

    func rename(to path: String) throws(SnapshotWriteError) {
        guard Glibc.rename(paths[0], path) == 0 else { throw SnapshotWriteError(errno: errno, path: path) }
        renamed = true
    }

    deinit {
        for fd in fds { close(fd) }
        for (i, p) in paths.enumerated() where i > 0 || !renamed { unlink(p) }
    }
}
