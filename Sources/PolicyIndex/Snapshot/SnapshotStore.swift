import Foundation

/// Reads and writes the snapshot of one corpus folder, at
/// `<folder>/.polex/index.snapshot` (the corpus walk skips hidden folders, so
/// the snapshot is never read as a document).
///
/// Only a single folder has a place for a snapshot: for files, or several
/// paths at once, there is no folder that is clearly the corpus's own.
struct SnapshotStore {
    let path: String

    static let fileName = "index.snapshot"

    init?(paths: [String]) {
        guard paths.count == 1 else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDir), isDir.boolValue else { return nil }
        let root = paths[0].hasSuffix("/") && paths[0].count > 1 ? String(paths[0].dropLast()) : paths[0]
        path = root + "/.polex/" + Self.fileName
    }

    enum Reading {
        case loaded(WorkspaceCoding.Parts)
        case missing
        /// Present but unusable, with the reason in a few words.
        case stale(String)
    }

    /// A snapshot file mapped, its header and key read and its payload hashed:
    /// all that can be known of it before the corpus's own key is. Taken beside
    /// that key (the folder walk runs on one core; hashing a gigabyte of
    /// snapshot takes the other), then read with `read(_:matching:early:)`.
    struct Checked: @unchecked Sendable {
        fileprivate var file: MappedFile?
        fileprivate var outcome: Result<(key: SnapshotKey, payload: UnsafeRawBufferPointer, intact: Bool), SnapshotProblem>
    }

    /// Maps the snapshot and checks its header, its key's checksum and its payload's.
    func check() -> Checked {
        guard let file = SnapshotFile.map(path) else { return Checked(file: nil, outcome: .failure(.truncated)) }
        return Checked(
            file: file,
            outcome: Result { () throws(SnapshotProblem) in
                let (stored, payload, payloadHash) = try SnapshotFile.unpack(file.bytes)
                // Each page goes back as soon as it is hashed, and decoding brings each
                // section back and gives it up again when done, so the file and the
                // workspace made from it are never resident whole at once.
                let intact = ContentHash.parallel(payload, releasing: { file.release($0) }) == payloadHash
                return (stored, payload, intact)
            })
    }

    /// Why the snapshot (already checked) cannot stand for the corpus with
    /// this key, as a reading; nil when it can. A stale key is reported before
    /// a damaged payload, as the key comes before the payload in the file.
    func refusal(_ checked: Checked, for key: SnapshotKey) -> Reading? {
        guard checked.file != nil else {
            return FileManager.default.fileExists(atPath: path) ? .stale("cannot be read") : .missing
        }
        switch checked.outcome {
        case .failure(let problem): return Self.reading(problem)
        case .success(let (stored, _, intact)):
            if let why = key.mismatch(with: stored) { return .stale(why) }
            return intact ? nil : .stale("damaged: checksum mismatch")
        }
    }

    /// A payload decoded before the corpus's key was known.
    typealias Decoded = Result<WorkspaceCoding.Parts, SnapshotProblem>

    /// Decodes the snapshot (already checked) on the guess that the corpus
    /// has not changed, when it is intact and was made with this origin; nil
    /// otherwise. `stop` is asked between sections: a decode the key has
    /// already refused ends early (`SnapshotProblem.stopped`). `early` is as in
    /// `WorkspaceCoding.decode`; its callers hold what it hands over until the
    /// key has matched.
    func decode(
        _ checked: Checked, ifMadeFor origin: SnapshotKey.Origin, stop: @escaping @Sendable () -> Bool = { false },
        early: (@Sendable (_ documents: [Document], _ issues: [LoadIssue], _ index: TextIndex?) -> Void)? = nil
    ) -> Decoded? {
        guard let file = checked.file, case .success(let (stored, payload, intact)) = checked.outcome, intact,
            SnapshotKey.Origin(of: stored) == origin
        else { return nil }
        return Result { () throws(SnapshotProblem) in
            try WorkspaceCoding.decode(payload, release: { file.release($0) }, stop: stop, early: early)
        }
    }

    /// The stored workspace, if the snapshot (already checked) is intact and
    /// was made for exactly this key: `decoded` when it was decoded already,
    /// decoded now otherwise. `early` is as in `WorkspaceCoding.decode`,
    /// called only once the checksum has passed.
    func read(
        _ checked: Checked, matching key: SnapshotKey, decoded: Decoded? = nil,
        early: (@Sendable (_ documents: [Document], _ issues: [LoadIssue], _ index: TextIndex?) -> Void)? = nil
    ) -> Reading {
        if let refused = refusal(checked, for: key) { return refused }
        let result = decoded ?? self.decode(checked, ifMadeFor: SnapshotKey.Origin(of: key), early: early)
        switch result {
        case .success(let parts)?: return .loaded(parts)
        case .failure(let problem)?: return Self.reading(problem)
        // Cannot happen: the key matched, so the origin did too, and the payload was intact.
        case nil: return .stale("damaged")
        }
    }

    private static func reading(_ problem: SnapshotProblem) -> Reading {
        switch problem {
        case .truncated: return .stale("damaged: truncated")
        case .corrupt(let why): return .stale("damaged: \(why)")
        case .stopped: return .stale("not read")
        }
    }

    /// Encodes `ws` straight into the file; `proceed` can stop the write (see `SnapshotFile.write`).
    func write(_ ws: Workspace, key: SnapshotKey, proceed: @escaping @Sendable () -> Bool = { true }) throws(SnapshotWriteError) {
        try SnapshotFile.write(key: key, parts: WorkspaceCoding.parts(ws), to: path, proceed: proceed)
    }
}

