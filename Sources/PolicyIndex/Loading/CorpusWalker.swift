import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file to read, found on the command line or in a folder.
struct SourceFile: Sendable {
    /// The path to open.
    var fullPath: String
    /// The path documents carry: relative to the folder given, or as given for a file.
    var displayPath: String
    var format: Document.Format
}

/// Walks the paths given into a sorted list of files.
///
/// Folders are walked depth first in byte order of names, so the same corpus
/// always loads in the same order. Hidden files and folders (`.name`) are
/// skipped, and inside folders so are files of other types (images, PDFs):
/// only files named on the command line are read whatever their extension.
/// Symbolic links are followed; a folder or file reached a second time (a link
/// loop, or two links to one place) is read once and reported.
struct CorpusWalker {
    private(set) var files: [SourceFile] = []
    private(set) var issues: [LoadIssue] = []
    private var visitedFolders: Set<FileKey> = []
    private var visitedFiles: [FileKey: String] = [:]

    /// Folder nesting deeper than this is reported rather than walked.
    static let maxDepth = 512

    struct FileKey: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ s: stat) {
            device = UInt64(s.st_dev)
            inode = UInt64(s.st_ino)
        }
    }

    static func format(ofExtension ext: String) -> Document.Format? {
        switch ext.lowercased() {
        case "txt", "text": return .text
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        case "jsonl", "ndjson": return .jsonl
        default: return nil
        }
    }

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// Adds one path from the command line.
    mutating func add(root: String) throws(LoadError) {
        var l = stat()
        guard lstat(root, &l) == 0 else { throw LoadError.pathNotFound(root) }
        var s = stat()
        guard stat(root, &s) == 0 else {
            issues.append(LoadIssue(path: root, severity: .skipped, reason: Self.linkProblem()))
            return
        }
        if Self.isDirectory(s) {
            visitedFolders.insert(FileKey(s))
            walk(root: root)
        } else {
            let name = root.split(separator: "/").last.map(String.init) ?? root
            // A file named explicitly is read even with an unknown extension: as text.
            let format = Self.format(ofExtension: Self.fileExtension(name)) ?? .text
            addFile(full: root, display: root, stat: s, format: format)
        }
    }

    /// One folder being listed: its sorted entries and how far the walk got.
    private struct Frame {
        var dir: String
        var rel: String
        var entries: [Entry]
        var next = 0
        var depth: Int
    }

    private mutating func walk(root: String) {
        let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        guard let rootEntries = Self.listFolder(base) else {
            issues.append(LoadIssue(path: base, severity: .skipped, reason: "cannot read folder: \(Self.errnoText())"))
            return
        }
        // An explicit stack instead of recursion: nesting depth costs heap, not
        // stack. A folder's contents come right where its name sorts.
        var stack = [Frame(dir: base, rel: "", entries: rootEntries, depth: 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].entries.count else {
                stack.removeLast()
                continue
            }
            let entry = stack[top].entries[stack[top].next]
            let name = entry.name
            stack[top].next += 1
            let (dir, rel, depth) = (stack[top].dir, stack[top].rel, stack[top].depth)
            if name.hasPrefix(".") { continue }
            // A file of a type polex does not read costs no system call.
            let format = Self.format(ofExtension: Self.fileExtension(name))
            if entry.type == UInt8(DT_REG), format == nil { continue }
            let full = dir == "/" ? "/" + name : dir + "/" + name
            let relPath = rel.isEmpty ? name : rel + "/" + name
            var s = stat()
            var isLink = false
            if entry.type == UInt8(DT_REG) || entry.type == UInt8(DT_DIR) {
                // `readdir` already says this is no link: one `stat`, not `lstat` and
                // `stat` (half the walk's system calls on a folder of articles).
                guard stat(full, &s) == 0 else { continue }
            } else {
                var l = stat()
                guard lstat(full, &l) == 0 else { continue }
                isLink = Self.isLink(l)
                if stat(full, &s) != 0 {
                    // Only files polex would read are worth a line; a dangling link to a
                    // picture is not the reader's concern.
                    if Self.fileExtension(name).isEmpty || format != nil {
                        issues.append(LoadIssue(path: full, severity: .skipped, reason: Self.linkProblem()))
                    }
                    continue
                }
            }
            if Self.isDirectory(s) {
                let key = FileKey(s)
                if visitedFolders.contains(key) {
                    let how = isLink ? "symbolic link to a folder already read (a loop or a second path to it)" : "folder already read"
                    issues.append(LoadIssue(path: full, severity: .skipped, reason: how))
                    continue
                }
                if depth + 1 > Self.maxDepth {
                    issues.append(LoadIssue(path: full, severity: .skipped, reason: "folders nested deeper than \(Self.maxDepth) levels"))
                    continue
                }
                visitedFolders.insert(key)
                guard let entries = Self.listFolder(full) else {
                    issues.append(LoadIssue(path: full, severity: .skipped, reason: "cannot read folder: \(Self.errnoText())"))
                    continue
                }
                stack.append(Frame(dir: full, rel: relPath, entries: entries, depth: depth + 1))
                continue
            }
            guard let format else { continue }
            addFile(full: full, display: relPath, stat: s, format: format)
        }
    }

    private mutating func addFile(full: String, display: String, stat s: stat, format: Document.Format) {
        guard Self.isRegular(s) else {
            issues.append(LoadIssue(path: full, severity: .skipped, reason: "not a regular file (\(Self.kindName(s)))"))
            return
        }
        let key = FileKey(s)
        if let first = visitedFiles[key] {
            issues.append(LoadIssue(path: full, severity: .skipped, reason: "same file as \(first) (a link)"))
            return
        }
        visitedFiles[key] = display
        files.append(SourceFile(fullPath: full, displayPath: display, format: format))
    }

    /// One entry of a folder: its name, and its type as `readdir` gives it
    /// (`DT_UNKNOWN` on file systems that do not say).
    struct Entry {
        var name: String
        var type: UInt8
    }

    /// Entries of a folder in byte order of names, or nil if it cannot be opened.
    private static func listFolder(_ path: String) -> [Entry]? {
        guard let d = opendir(path) else { return nil }
        defer { closedir(d) }
        var entries: [Entry] = []
        // The name is read in place: `e.pointee.d_name` would copy the field's
        // declared 256 bytes, past the end of a short record at the end of
        // readdir's buffer (AddressSanitizer caught it on a folder of 2,000 files).
        // The type is read in place for the same reason.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
        while let e = readdir(d) {
            let name = String(cString: (UnsafeRawPointer(e) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            entries.append(Entry(name: name, type: (UnsafeRawPointer(e) + typeOffset).load(as: UInt8.self)))
        }
        entries.sort { precedes($0.name, $1.name) }
        return entries
    }

    /// Byte order of two names, by `memcmp` over their UTF-8 (comparing the
    /// views byte by byte took a tenth of a second for 50,000 names).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }.flatMap { $0 } ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func isDirectory(_ s: stat) -> Bool { s.st_mode & S_IFMT == S_IFDIR }
    private static func isRegular(_ s: stat) -> Bool { s.st_mode & S_IFMT == S_IFREG }
    private static func isLink(_ s: stat) -> Bool { s.st_mode & S_IFMT == S_IFLNK }

    private static func kindName(_ s: stat) -> String {
        switch s.st_mode & S_IFMT {
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "a special file"
        }
    }

    /// Why `stat` failed on a path whose `lstat` succeeded.
    private static func linkProblem() -> String {
        switch errno {
        case ELOOP: return "symbolic link loop"
        case ENOENT, ENOTDIR: return "dangling symbolic link (its target does not exist)"
        default: return "cannot follow symbolic link: \(errnoText())"
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
