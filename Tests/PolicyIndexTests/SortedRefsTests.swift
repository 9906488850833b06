import Testing
@testable import PolicyIndex

/// Timeline grouping keeps each event's actors as a sorted list; these check
/// the list operations against `Set` on every pair of small lists.
@Suite struct SortedRefsTests {
    static let lists: [[Int]] = [[], [0], [3], [0, 3], [1, 2, 3], [2, 5, 9], [3, 3, 1], [9, 0]]

    @Test(arguments: lists)
    func matchesSetOperations(_ x: [Int]) {
        for y in Self.lists {
            let a = SortedRefs.normalised(x.map { ActorRef($0) })
            let b = SortedRefs.normalised(y.map { ActorRef($0) })
            #expect(a == Set(x).sorted().map { ActorRef($0) })
            #expect(SortedRefs.intersects(a, b) == !Set(x).isDisjoint(with: Set(y)))
            #expect(SortedRefs.union(a, b) == Set(x).union(y).sorted().map { ActorRef($0) })
        }
    }
}
