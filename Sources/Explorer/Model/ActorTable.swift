import PolicyIndex

/// How the actor list is ordered.
public enum ActorSort: String, Sendable, Codable, CaseIterable {
    case mentions, weight, centrality

    public var label: String {
        switch self {
        case .mentions: "by mentions"
        case .weight: "by relation weight"
        case .centrality: "by centrality"
        }
    }
    public var next: ActorSort { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
}

/// Actors with their counts, relations, documents and events, either as found
/// or with persons rolled up into the actor they are affiliated with.
public struct ActorTable: Sendable {
    public let rollup: Bool
    /// For each actor (by index), the actor it counts as (itself unless rolled up).
    public let representative: [ActorRef]
    /// Actors that appear in this table: mentioned at least once, and not rolled up into another.
    public let members: [ActorRef]
    public let mentionCount: [Int]
    public let documents: [[DocumentID]]
    public let relations: [Relation]
    /// For each actor, indexes into `relations`, most evidence first.
    public let relationsOf: [[Int]]
    /// Total evidence over an actor's relations, and its number of partners.
    public let weight: [Int]
    public let degree: [Int]
    /// For each actor, indexes of timeline events that involve it.
    public let events: [[Int]]
    let orders: [ActorSort: [ActorRef]]

    init(workspace ws: Workspace, rollup: Bool, mentionRanges: [Range<Int>]) {
        self.rollup = rollup
        // The roll-up itself (evidence folded per sentence) is PolicyIndex's; the
        // mention counts and lists below follow `representative`, which is cheaper
        // than a rolled-up copy of every mention.
        let actors = ws.actors.actors
        let n = actors.count
        let rep = rollup ? ws.actors.rollUpTargets() : (0..<n).map { ActorRef($0) }
        representative = rep
        var counts = Array(repeating: 0, count: n)
        for (i, list) in ws.actors.mentionsByActor.enumerated() where i < n { counts[rep[i].index] += list.count }
        mentionCount = counts
        // Dictionary entries the corpus never mentions are not listed.
        let members = (0..<n).filter { rep[$0].index == $0 && counts[$0] > 0 }.map { ActorRef($0) }
        self.members = members

        // `lastSeen[r] == k` marks actor r as already listed for item k: cheaper than a Set per item.
        var lastSeen = Array(repeating: -1, count: n)
        var docs = Array(repeating: [DocumentID](), count: n)
        for (d, range) in mentionRanges.enumerated() {
            for m in ws.actors.mentions[range] where m.actor.index < n {
                let r = rep[m.actor.index].index
                if lastSeen[r] != d {
                    lastSeen[r] = d
                    docs[r].append(DocumentID(d))
                }
            }
        }
        documents = docs

        let rels = rollup ? ws.actors.rolledUpRelations(rep) : ws.actors.relations
        relations = rels
        var of = Array(repeating: [Int](), count: n)
        for (k, r) in rels.enumerated() where r.a.index < n && r.b.index < n {
            of[r.a.index].append(k)
            if r.b != r.a { of[r.b.index].append(k) }
        }
        relationsOf = of.map { $0.sorted { (rels[$0].evidence.count, $1) > (rels[$1].evidence.count, $0) } }
        let weight = of.map { $0.reduce(0) { $0 + rels[$1].evidence.count } }
        let degree = of.map(\.count)
        self.weight = weight
        self.degree = degree

        var ev = Array(repeating: [Int](), count: n)
        lastSeen = Array(repeating: -1, count: n)
        for (k, e) in ws.timeline.events.enumerated() {
            for entry in e.entries {
                for a in entry.actors where a.index < n {
                    let r = rep[a.index].index
                    if lastSeen[r] != k {
                        lastSeen[r] = k
                        ev[r].append(k)
                    }
                }
            }
        }
        events = ev

        let names = actors.map { $0.name.lowercased() }
        func order(_ key: [Int]) -> [ActorRef] {
            members.sorted { x, y in
                key[x.index] != key[y.index] ? key[x.index] > key[y.index] : names[x.index] < names[y.index]
            }
        }
        orders = [.mentions: order(counts), .weight: order(weight), .centrality: order(degree)]
    }

    public func ordered(_ sort: ActorSort) -> [ActorRef] { orders[sort] ?? members }

    struct Pair: Hashable {
        var a: ActorRef
        var b: ActorRef
    }
}
