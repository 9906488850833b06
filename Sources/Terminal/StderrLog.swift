#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// While curses owns the terminal, anything written to stderr would scribble over the
/// screen; it goes to a log file instead, and is shown once the terminal is restored.
struct StderrLog {
    let path: String
    private let saved: Int32

    /// Redirects fd 2 to a new file under the temporary directory; nil if that fails
    /// (stderr is then left alone).
    init?() {
        let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        let path = "\(dir.hasSuffix("/") ? String(dir.dropLast()) : dir)/polex-\(getpid())-stderr.log"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return nil }
        let saved = dup(2)
        guard saved >= 0, dup2(fd, 2) >= 0 else {
            close(fd)
            if saved >= 0 { close(saved) }
            return nil
        }
        close(fd)
        self.path = path
        self.saved = saved
        Signals.savedStderr.store(saved, ordering: .relaxed)
    }

    /// Gives fd 2 back and returns what was logged (the file is kept when non-empty).
    func restore() -> String {
        let fd = Signals.savedStderr.exchange(-1, ordering: .relaxed)
        if fd >= 0 {
            dup2(fd, 2)
            close(fd)
        }
        guard let f = fopen(path, "r") else { return "" }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65536 {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        if bytes.isEmpty { unlink(path) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
