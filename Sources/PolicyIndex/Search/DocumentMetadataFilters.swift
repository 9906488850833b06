/// Precomputed document metadata for the `source:`, `after:` and `before:` filters.
struct DocumentMetadataFilters: Sendable {
    /// Each distinct source name once, with its folded terms and documents.
    private let sources: [(terms: [String], docs: [UInt32])]
    /// Per document, the days its date covers (half-open); nil when undated.
    private let dates: [Range<Int>?]

    init(_ documents: [Document]) {
        var bySource: [String: [UInt32]] = [:]
        for (i, d) in documents.enumerated() {
            if let s = d.source { bySource[s, default: []].append(UInt32(i)) }
        }
        sources = bySource.keys.sorted().map { (Tokenizer.terms(in: $0), bySource[$0]!) }
        dates = documents.map { d in d.date.map { $0.date.firstDay..<$0.date.endDay } }
    }

    /// Documents whose source name contains the words of `name` in order
    /// (`source:herald` and `source:"Korea Herald"` both match "The Korea Herald").
    func documents(fromSource name: String) -> [UInt32] {
        let wanted = Tokenizer.terms(in: name)
        guard !wanted.isEmpty else { return [] }
        var docs: [UInt32] = []
        for s in sources where Self.contains(s.terms, wanted) { docs += s.docs }
        docs.sort()
        return docs
    }

    /// Documents whose date, at its own precision, overlaps `days`; undated
    /// documents never pass.
    func documents(dated days: Range<Int>) -> [UInt32] {
        var out: [UInt32] = []
        for (i, d) in dates.enumerated() {
            if let d, d.lowerBound < days.upperBound, days.lowerBound < d.upperBound { out.append(UInt32(i)) }
        }
        return out
    }

    private static func contains(_ hay: [String], _ needle: [String]) -> Bool {
        guard needle.count <= hay.count else { return false }
        for start in 0...(hay.count - needle.count) where Array(hay[start..<(start + needle.count)]) == needle { return true }
        return false
    }
}
