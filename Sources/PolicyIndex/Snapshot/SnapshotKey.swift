import Foundation

/// Everything a workspace depends on besides the code: the snapshot is used
/// only when the key it was written with equals the key of the corpus now.
struct SnapshotKey: Equatable, Sendable {
    /// The program's version, as the caller names it (`polex 0.1.0`).
    var program: String
    /// A hash of the running executable: any rebuild of polex invalidates
    /// snapshots, so a change to how documents are read or analysed can never
    /// be hidden behind an old result.
    var build: UInt64
    /// The paths opened, as given (document paths and issue paths depend on them).
    var roots: [String]
    /// The options that change results, as one canonical line.
    var options: String
    /// The actor dictionaries and relation cues (bundled, `--actors`, the root's
    /// `.polex/actors.yaml`); absent files count too.
    var dictionaries: [FileStamp]
    /// What the folder walk reported (dangling links, unreadable folders).
    var walkIssues: [String]
    /// Every file the walk found, in walk order.
    var files: [FileStamp]

    /// The key of the corpus at `paths` as it is now: walks the folders and
    /// hashes every file on all cores.
    static func current(paths: [String], options: WorkspaceOptions) throws(LoadError) -> SnapshotKey {
        var walker = CorpusWalker()
        for p in paths { try walker.add(root: p) }
        var dictionaryPaths: [String] = []
        if let data = options.dataDirectory { dictionaryPaths += [data + "/actors.yaml", data + "/relations.yaml"] }
        dictionaryPaths += options.actorFiles
        for root in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue {
                dictionaryPaths.append(root + "/.polex/actors.yaml")
            }
        }
        let origin = Origin(paths: paths, options: options)
        var buffer: [UInt8] = []
        return SnapshotKey(
            program: origin.program, build: origin.build, roots: origin.roots, options: origin.options,
            dictionaries: dictionaryPaths.map { FileStamp.take($0, buffer: &buffer) },
            walkIssues: walker.issues.map(\.description), files: FileStamp.take(walker.files.map(\.fullPath)))
    }

    /// The part of a key known without reading the corpus: who made the
    /// snapshot, for which paths, with which options. A snapshot whose origin
    /// differs is stale whatever the files say, so it is not worth decoding
    /// before the rest of the key is known.
    struct Origin: Equatable, Sendable {
        var program: String
        var build: UInt64
        var roots: [String]
        var options: String

        init(paths: [String], options: WorkspaceOptions) {
            let l = options.loader
            let a = options.actors
            program = options.snapshot.programVersion
            build = BuildIdentity.hash
            roots = paths
            self.options =
                "maxFileBytes=\(l.maxFileBytes) boilerplate=\(l.detectBoilerplate) actorBoilerplate=\(a.includeBoilerplate) "
                + "discover=\(a.discover) candidateDocuments=\(a.minCandidateDocuments) candidateCount=\(a.minCandidateCount)"
        }

        init(of key: SnapshotKey) {
            program = key.program
            build = key.build
            roots = key.roots
            options = key.options
        }
    }

    /// Why a snapshot made with `old` cannot stand for the corpus with this
    /// key, in a few words; nil when it can.
    func mismatch(with old: SnapshotKey) -> String? {
        if program != old.program { return "made by \(old.program)" }
        if build != old.build { return "made by another build of polex" }
        if roots != old.roots { return "made for other paths" }
        if options != old.options { return "made with other options" }
        let sameDictionaries =
            dictionaries.count == old.dictionaries.count
            && zip(dictionaries, old.dictionaries).allSatisfy { $0.path == $1.path && $0.size == $1.size && $0.hash == $1.hash }
        if !sameDictionaries { return "actor dictionary changed" }
        if files != old.files { return Self.describe(files: files, old: old.files) }
        if walkIssues != old.walkIssues { return "folder listing changed" }
        return nil
    }

    /// `2 files changed`, `1 file added, 3 changed`, `1 file removed`.
    static func describe(files: [FileStamp], old: [FileStamp]) -> String {
        var before: [String: FileStamp] = [:]
        for f in old { before[f.path] = f }
        var added = 0
        var changed = 0
        var seen = 0
        for f in files {
            guard let o = before[f.path] else {
                added += 1
                continue
            }
            seen += 1
            if o != f { changed += 1 }
        }
        let removed = old.count - seen
        var parts: [String] = []
        func count(_ n: Int) -> String { parts.isEmpty ? (n == 1 ? "1 file" : "\(n) files") : String(n) }
        if added > 0 { parts.append(count(added) + " added") }
        if removed > 0 { parts.append(count(removed) + " removed") }
        if changed > 0 { parts.append(count(changed) + " changed") }
        return parts.isEmpty ? "files reordered" : parts.joined(separator: ", ")
    }

    func encode(into w: inout SnapshotWriter) {
        w.append(program)
        w.append(build)
        w.append(strings: roots)
        w.append(options)
        w.append(stamps: dictionaries)
        w.append(strings: walkIssues)
        w.append(stamps: files)
    }

    static func decode(_ r: inout SnapshotReader) throws(SnapshotProblem) -> SnapshotKey {
        let key = SnapshotKey(
            program: try r.readString(), build: try r.read(UInt64.self), roots: try r.readStrings(), options: try r.readString(),
            dictionaries: try r.readStamps(), walkIssues: try r.readStrings(), files: try r.readStamps())
        try r.expectEnd()
        return key
    }
}

/// The hash of the running executable, computed once.
///
/// The executable is found from `argv[0]` (searched on `PATH` when it has no
/// slash) rather than `/proc/self/exe`, which names the tool rather than the
/// program when polex runs under valgrind.
enum BuildIdentity {
    static let hash: UInt64 = {
        var buffer: [UInt8] = []
        let stamp = FileStamp.take(executablePath, buffer: &buffer)
        return stamp.hash ^ UInt64(bitPattern: stamp.size)
    }()

    static var executablePath: String {
        let arg0 = CommandLine.arguments.first ?? ""
        if arg0.contains("/") { return arg0 }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = dir + "/" + arg0
            if !arg0.isEmpty, FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/proc/self/exe"
    }
}
