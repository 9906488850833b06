import Foundation

/// A process-wide table of the few distinct words that hundreds of thousands
/// of mentions and evidence records repeat: dictionary aliases, discovery
/// rules, relation cues and their qualifiers. A record keeps a 4-byte number
/// instead of a 16-byte `String`, which made `Mention` 48 bytes and `Evidence`
/// 72 (about 80 MB of the 10,000-article workspace).
///
/// Numbers are only meaningful inside one process; nothing stores them (the
/// snapshot writes the words).
enum InternedWords {
    /// Guarded by an `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`:
    /// ThreadSanitizer follows pthread locks, but not the standard library's own
    /// atomics, and reported every use of the table from the parallel stages.
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var numbers: [String: Int32] = [:]
        var words: [String] = []
    }
    private static let table = Table()

    /// The number of `word`, adding it on first sight.
    static func number(_ word: String) -> Int32 {
        let t = table
        t.lock.lock()
        defer { t.lock.unlock() }
        if let n = t.numbers[word] { return n }
        let n = Int32(t.words.count)
        t.words.append(word)
        t.numbers[word] = n
        return n
    }

    static func word(_ number: Int32) -> String {
        let t = table
        t.lock.lock()
        defer { t.lock.unlock() }
        return number >= 0 && Int(number) < t.words.count ? t.words[Int(number)] : ""
    }
}

/// `MentionReason` in 12 bytes: a kind and two numbers (a word's number, or
/// the two ends of the full mention's span).
struct PackedMentionReason: Hashable, Sendable {
    private var kind: UInt8
    private var a: Int32
    private var b: Int32

    /// A reason from its kind (the order of `MentionReason`'s cases) and its
    /// two numbers, already interned (the snapshot reader's shortcut).
    init(kind: UInt8, a: Int32, b: Int32) {
        (self.kind, self.a, self.b) = (kind, a, b)
    }

    init(_ reason: MentionReason) {
        switch reason {
        case .alias(let w): (kind, a, b) = (0, InternedWords.number(w), 0)
        case .demonym(let w): (kind, a, b) = (1, InternedWords.number(w), 0)
        case .surname(let full): (kind, a, b) = (2, full.start, full.end)
        case .uniqueSurname(let w): (kind, a, b) = (3, InternedWords.number(w), 0)
        case .discovered(let rule): (kind, a, b) = (4, InternedWords.number(rule), 0)
        }
    }

    var reason: MentionReason {
        switch kind {
        case 0: return .alias(InternedWords.word(a))
        case 1: return .demonym(InternedWords.word(a))
        case 2: return .surname(fullMention: TextSpan(Int(a), Int(b)))
        case 3: return .uniqueSurname(InternedWords.word(a))
        default: return .discovered(rule: InternedWords.word(a))
        }
    }
}
