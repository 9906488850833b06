/// The dictionary compiled for matching: every alias, demonym and `not:` phrase
/// with its spelling variants, indexed by first token; and each person's surname.
struct AliasTable: Sendable {
    enum Use: UInt8, Sendable { case alias, demonym, notPhrase }

    struct Payload: Sendable {
        var actor: Int32
        var use: Use
        /// The dictionary text this pattern came from (shown as the mention's reason).
        var text: String
    }

    struct Clash {
        var alias: String
        var what: String
        var winner: Int
        var loser: Int
    }

    var index = PatternIndex<Payload>()
    /// Persons by the hash of the single-word surname that refers back to them.
    var surnameOwners: [UInt64: [Int32]] = [:]
    var clashes: [Clash] = []
    /// Per entry: the index of its affiliation, or -1.
    var affiliations: [Int32] = []

    init(dictionary: ActorDictionary) {
        let entries = dictionary.entries
        var owner: [[UInt64]: Int] = [:]
        var reported = Set<String>()
        for (i, a) in entries.enumerated() {
            let forms: [(String, Use)] =
                ([a.name] + a.aliases).map { ($0, .alias) } + a.demonyms.map { ($0, .demonym) }
                + a.notMentions.map { ($0, .notPhrase) }
            for (text, use) in forms {
                for variant in Self.variants(of: text, use: use) {
                    guard let p = TokenPattern(variant) else { continue }
                    if use != .notPhrase {
                        if let other = owner[p.hashes] {
                            if other != i, reported.insert("\(i)|\(text)").inserted {
                                clashes.append(Clash(alias: text, what: use == .alias ? "alias" : "demonym", winner: other, loser: i))
                            }
                            continue
                        }
                        owner[p.hashes] = i
                    }
                    index.add(p, Payload(actor: Int32(i), use: use, text: text))
                }
            }
        }
        index.seal()
        var indexById: [String: Int32] = [:]
        for (i, a) in entries.enumerated() { indexById[a.id] = Int32(i) }
        affiliations = entries.map { a in a.affiliation.flatMap { indexById[$0] } ?? -1 }
        for (i, a) in entries.enumerated() where a.kind == .person {
            guard let s = Self.surname(of: a, in: dictionary) else { continue }
            let toks = ByteText.tokens(of: s)
            if toks.count == 1 && toks[0].length >= 2 { surnameOwners[toks[0].hash, default: []].append(Int32(i)) }
        }
    }

    /// Spelling variants that real articles use for one dictionary form:
    /// hyphen, space or nothing inside a name (`Kim Jong-un`, `Kim Jong Un`, `Kim Jongun`);
    /// abbreviations with and without dots (`U.S.` / `US`); `-isation` / `-ization`;
    /// plural demonyms (`South Koreans`). Space and hyphen need no variant: both
    /// separate tokens.
    static func variants(of text: String, use: Use) -> [String] {
        var out = [text]
        if text.contains("-") { out.append(text.replacingOccurrences(of: "-", with: "")) }
        let letters = text.filter { $0 != "." && $0 != " " }
        let isAcronym = letters.count >= 2 && letters.count <= 5 && letters.allSatisfy { $0.isASCII && $0.isUppercase }
        if isAcronym && text.contains(".") {
            out.append(letters)
        } else if isAcronym && !text.contains(" ") {
            out.append(letters.map { "\($0)." }.joined())
        }
        for (a, b) in [("isation", "ization"), ("ization", "isation"), ("ised", "ized"), ("ized", "ised")]
        where text.contains(a) {
            out.append(text.replacingOccurrences(of: a, with: b))
        }
        if use == .demonym, text.hasSuffix("n") { out.append(text + "s") }
        return out
    }

    /// The name that refers back to a person after a full mention: the `surname`
    /// field, else the family name guessed from the display name. Chinese and
    /// Korean names put the family name first (`Xi Jinping`, `Moon Jae-in`), as
    /// do names whose last part is a hyphenated given name; others put it last.
    static func surname(of a: Actor, in dictionary: ActorDictionary) -> String? {
        if let s = a.surname { return s }
        let words = a.name.split(separator: " ")
        guard words.count >= 2 else { return nil }
        let affiliation = a.affiliation.flatMap { id in dictionary.entries.first { $0.id == id } }
        let familyFirst =
            words.last!.contains("-")
            || ["Korea", "China", "Taiwan", "Hong Kong"].contains { c in
                affiliation.map { $0.name.contains(c) } ?? false
            }
        let w = familyFirst ? words.first! : words.last!
        return String(w)
    }
}
