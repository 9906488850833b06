import PolicyIndex

/// Runs one invariant check on a fuzz input; a violation stops the process so
/// libFuzzer records the input as a crash.
public enum FuzzCheck {
    public static func article(_ data: UnsafeRawBufferPointer, format: Document.Format) {
        stopOn(ParserInvariants.article(Array(data.bindMemory(to: UInt8.self)), format: format))
    }

    public static func sentences(_ data: UnsafeRawBufferPointer) {
        stopOn(ParserInvariants.sentences(Array(data.bindMemory(to: UInt8.self))))
    }

    fileprivate static func stopOn(_ problems: [String]) {
        if !problems.isEmpty { fatalError("invariant broken: \(problems.prefix(5))") }
    }
}

extension FuzzCheck {
    public static func dates(_ data: UnsafeRawBufferPointer) {
        stopOn(ParserInvariants.dates(Array(data.bindMemory(to: UInt8.self))))
    }

    public static func query(_ data: UnsafeRawBufferPointer) {
        stopOn(ParserInvariants.query(Array(data.bindMemory(to: UInt8.self))))
    }
}
