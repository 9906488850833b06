import Foundation
import Testing

@testable import PolicyIndex

#if canImport(Glibc)
    import Glibc
#endif

/// The snapshot is read through a read-only mapping whose pages are given back
/// once read (`MappedFile.release`): the bytes must read the same afterwards,
/// and the memory must really leave the process.
@Suite(.serialized) struct MappedFileTests {
    let corpus = TempCorpus()

    /// A file of `megabytes` MB whose every byte is known: a 251-byte block
    /// repeated, so no two pages hold the same bytes at the same offsets.
    func file(megabytes: Int) throws -> (path: String, bytes: [UInt8]) {
        let count = megabytes << 20
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let block = (0..<251).map { UInt8($0) }
            var at = 0
            while at < count {
                let n = min(block.count, count - at)
                block.withUnsafeBufferPointer { b in
                    (buffer.baseAddress! + at).initialize(from: b.baseAddress!, count: n)
                }
                at += n
            }
            initialized = count
        }
        let path = corpus.path("mapped.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    func same(_ mapped: MappedFile, _ expected: [UInt8]) -> Bool {
        mapped.bytes.count == expected.count
            && expected.withUnsafeBytes { memcmp($0.baseAddress!, mapped.bytes.baseAddress!, expected.count) == 0 }
    }

    /// Resident memory of this process, from /proc/self/status.
    func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return -1 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
    }

    @Test func releasedPagesReadTheSameAndLeaveTheProcess() throws {
        let (path, expected) = try file(megabytes: 64)
        let mapped = try #require(MappedFile(path))
        #expect(mapped.bytes.count == expected.count)
        var sum: UInt64 = 0
        for i in stride(from: 0, to: mapped.bytes.count, by: 4096) { sum &+= UInt64(mapped.bytes[i] | 1) }  // touch every page
        let touched = residentKilobytes()
        mapped.release(mapped.bytes)
        let released = residentKilobytes()
        #expect(touched - released > 48 << 10, "resident \(touched) KB before, \(released) KB after")
        #expect(same(mapped, expected))
        #expect(sum > 0)
    }

    @Test func releasingPartOfTheMappingOrOutsideItChangesNoByte() throws {
        let (path, expected) = try file(megabytes: 1)
        let mapped = try #require(MappedFile(path))
        // Unaligned ends: only the whole pages inside are given back.
        mapped.release(UnsafeRawBufferPointer(rebasing: mapped.bytes[5_000..<700_001]))
        // Outside the mapping: ignored.
        expected.withUnsafeBytes { mapped.release($0) }
        #expect(same(mapped, expected))
        #expect(expected.count == 1 << 20)
    }
}
