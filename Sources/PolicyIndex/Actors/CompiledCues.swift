/// Relation cues, negations, hedges and refusals compiled into one token index,
/// with the inflected forms of each cue's last word (`sanction` → `sanctions`,
/// `sanctioned`; `criticised` → `criticise`, `criticizes`, `criticism` is not).
struct CompiledCues: Sendable {
    enum Role: UInt8, Sendable { case cue, negation, hedge, refusal }

    struct Payload: Sendable {
        var role: Role
        /// Index into `classes` for cues.
        var cueClass: Int
        /// The cue as written in `relations.yaml`.
        var text: String
    }

    let classes: [RelationCues.CueClass]
    let verbalConflictWeight: Double
    var index = PatternIndex<Payload>()

    init(_ cues: RelationCues) {
        classes = cues.classes
        verbalConflictWeight = cues.weight(of: .verbalConflict) == 0 ? -4 : cues.weight(of: .verbalConflict)
        var seen = Set<[UInt64]>()
        func add(_ text: String, _ payload: Payload, inflect: Bool) {
            for form in inflect ? Self.forms(of: text) : [text] {
                guard var p = TokenPattern(form) else { continue }
                p.rules = p.rules.map { _ in .any }
                // The first list that names a form keeps it (refusals before negations and hedges).
                guard seen.insert(p.hashes).inserted else { continue }
                index.add(p, payload)
            }
        }
        for r in cues.refusals { add(r, Payload(role: .refusal, cueClass: -1, text: r), inflect: true) }
        // A negation that begins with a refusal (`refused to`) is a refusal too.
        let refusalStarts = Set(index.patterns.map { $0.hashes[0] })
        for n in cues.negations {
            let isRefusal = TokenPattern(n).map { refusalStarts.contains($0.hashes[0]) } ?? false
            add(n, Payload(role: isRefusal ? .refusal : .negation, cueClass: -1, text: n), inflect: false)
        }
        for h in cues.hedges { add(h, Payload(role: .hedge, cueClass: -1, text: h), inflect: false) }
        for (ci, c) in cues.classes.enumerated() {
            for w in c.cues { add(w, Payload(role: .cue, cueClass: ci, text: w), inflect: true) }
        }
        index.seal()
    }

    /// Inflected forms of the last word, and British/American spellings.
    static func forms(of text: String) -> [String] {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard let last = words.last, last.count >= 3, last.allSatisfy(\.isLetter) else { return [text] }
        let head = words.dropLast().joined(separator: " ")
        var stems = [last]
        if last.hasSuffix("ied") { stems.append(String(last.dropLast(3)) + "y") }
        if last.hasSuffix("ed") {
            stems.append(String(last.dropLast(1)))
            stems.append(String(last.dropLast(2)))
            let base = last.dropLast(2)
            if base.count >= 2, base.last == base.dropLast().last { stems.append(String(base.dropLast())) }
        }
        if last.hasSuffix("s") && !last.hasSuffix("ss") { stems.append(String(last.dropLast())) }
        var out: [String] = []
        for stem in stems {
            var fs = [stem, stem + "s", stem + "es", stem + "ed", stem + "ing"]
            if stem.hasSuffix("e") { fs += [stem + "d", String(stem.dropLast()) + "ing"] }
            if stem.hasSuffix("y") { fs += [String(stem.dropLast()) + "ies", String(stem.dropLast()) + "ied"] }
            if let c = stem.last, !"aeiouwy".contains(c), stem.count >= 3 {
                let v = stem.dropLast().last
                if let v, "aeiou".contains(v) { fs += [stem + String(c) + "ed", stem + String(c) + "ing"] }
            }
            for f in fs {
                out.append(f)
                if f.contains("is") { out.append(f.replacingOccurrences(of: "is", with: "iz")) }
                if f.contains("iz") { out.append(f.replacingOccurrences(of: "iz", with: "is")) }
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }.map { head.isEmpty ? $0 : head + " " + $0 }
    }
}
