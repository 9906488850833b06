import ArgumentParser
import Foundation
import PolicyIndex

/// The corpus arguments every subcommand shares.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Files and folders to read (default: the bundled sample corpus).", completion: .file())
    var paths: [String] = []

    @Option(name: .customLong("actors"), help: "An extra actor dictionary (YAML); may be repeated.", completion: .file())
    var actorFiles: [String] = []

    @Option(
        help: ArgumentHelp(
            "Index snapshot in <folder>/.polex/: auto (read when valid; write after a build of 1 s or more), always or never.",
            valueName: "mode"))
    var snapshot: SnapshotMode = .auto

    var resolvedPaths: [String] { paths.isEmpty ? [BundledData.corpusPath] : paths }

    /// Opens the workspace, printing each skipped or degraded file on stderr.
    /// With `writeSnapshotLater` a due index snapshot is left to the caller
    /// (`Workspace.pendingSnapshot`) rather than written before this returns.
    /// `preview`, if given, gets the documents alone while a build indexes them (`WorkspaceOptions.preview`).
    /// With `keptUntilExit` (subcommands) the workspace is never freed: see `KeptUntilExit`.
    func openWorkspace(
        writeSnapshotLater: Bool = false, keptUntilExit: Bool = true, preview: (@Sendable (Workspace) -> Void)? = nil,
        progress: LoadProgressHandler? = nil
    ) throws -> Workspace {
        do {
            // The bundled corpus indexes in well under a second and may sit in a
            // read-only install: `auto` leaves it alone.
            let mode = paths.isEmpty && snapshot == .auto ? SnapshotMode.never : snapshot
            let policy = SnapshotPolicy(
                mode: mode, programVersion: "polex \(Polex.version)", writeLater: writeSnapshotLater,
                notice: { Stderr.print("polex: \($0)") })
            let ws = try Workspace.open(
                paths: resolvedPaths, options: WorkspaceOptions(
                    dataDirectory: BundledData.root, actorFiles: actorFiles, snapshot: policy, preview: preview),
                progress: progress)
            for issue in ws.issues { Stderr.print("polex: \(issue)") }
            if keptUntilExit { KeptUntilExit.keep(ws) }
            return ws
        } catch let e as LoadError {
            throw ValidationError(e.description)
        }
    }
}

extension SnapshotMode: ExpressibleByArgument {}

/// Workspaces that a subcommand opened, held until the process exits: a
/// command ends right after its output, and freeing millions of values one by
/// one first (documents, timeline entries, events) took 0.1 s of a 2 s
/// `polex stats` at 50,000 articles; the system takes the memory back at once.
/// Not for the explorer, which replaces its previews as the index is built.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var held: [Workspace] = []

    static func keep(_ ws: Workspace) { lock.withLock { held.append(ws) } }
}

enum Stderr {
    /// Messages name files, and file names may hold control sequences: each line
    /// is cleaned like table cells before it reaches the terminal.
    static func print(_ s: String) {
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { Output.singleLine(String($0)) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
