import PolicyIndex
import Testing

@testable import Explorer

/// The lists a filter change recomputes, checked against the events and
/// documents themselves rather than against the model's own tables.
@Suite struct FilteredListsTests {
    /// Each event's place agrees with its interval and grain.
    @Test func eventPlacesMatchTheirEvents() {
        let model = Fixture.model
        #expect(!model.events.isEmpty)
        #expect(model.eventPlaces.count == model.events.count)
        for (e, place) in zip(model.events, model.eventPlaces) {
            guard let iv = e.interval else {
                #expect(!place.isDated)
                continue
            }
            let c = DayNumber.civil(iv.lowerBound)
            #expect(place.isDated)
            #expect((Int(place.year), Int(place.month)) == (c.year, c.month))
            #expect(place.coarse == (e.grain > .month))
            #expect(place.overlaps(iv))
            #expect(!place.overlaps(iv.upperBound..<(iv.upperBound + 30)))
            #expect(place.monthIndex == MonthHistogram.monthIndex(iv.lowerBound))
        }
    }

    /// Every event is listed once, under the heading of its own year and, when
    /// it names a month or less, its month; heading counts are the rows under them.
    @Test func timelineRowsGroupEachEventUnderItsYearAndMonth() {
        let model = Fixture.model
        let all = Array(model.events.indices)
        let rows = model.timelineRows(all)
        var listed: [Int] = []
        var year: Int?
        var month: Int?
        var undated = false
        for row in rows {
            switch row {
            case .year(let y, _): (year, month, undated) = (y, nil, false)
            case .month(let y, let m, _):
                #expect(y == year)
                month = m
            case .undated: undated = true
            case .event(let e):
                listed.append(e)
                guard let iv = model.events[e].interval else {
                    #expect(undated)
                    continue
                }
                let c = DayNumber.civil(iv.lowerBound)
                #expect(c.year == year)
                #expect(model.events[e].grain > .month ? month == nil : month == c.month)
            }
        }
        #expect(listed.sorted() == all)
        // A heading's count is the number of event rows up to the next heading of its level or above.
        for (i, row) in rows.enumerated() {
            let count: Int
            let stop: (TimelineRow) -> Bool
            switch row {
            case .year(_, let n):
                count = n
                stop = { if case .year = $0 { true } else if case .undated = $0 { true } else { false } }
            case .month(_, _, let n):
                count = n
                stop = { if case .event = $0 { false } else { true } }
            case .undated(let n):
                count = n
                stop = { _ in false }
            case .event: continue
            }
            let after = rows[(i + 1)...].prefix { !stop($0) }
            #expect(after.filter { if case .event = $0 { true } else { false } }.count == count)
        }
    }

    /// Documents come back in the article list's order, each once, whether
    /// they are few (sorted) or many (picked out of the list order).
    @Test func documentsComeInListOrderFewOrMany() {
        // 48 articles with dates spread over the fixture's years, some undated.
        var docs: [Document] = []
        for i in 0..<48 {
            var a = Fixture.articles[i % Fixture.articles.count]
            a.date = i % 7 == 0 ? nil : PartialDate(year: 2018 + i % 5, month: 1 + i % 12, day: 1 + i % 28)
            docs.append(Fixture.document(i, a))
        }
        let model = ExplorerModel(workspace: Workspace.preview(roots: ["many"], documents: docs, issues: []))
        let order = model.documentOrder
        #expect(order.count == 48)
        for ids in [[DocumentID(5)], [DocumentID(40), DocumentID(3)], (0..<48).filter { $0 % 3 != 1 }.map { DocumentID($0) }, Array(order.reversed())] {
            let wanted = Set(ids)
            #expect(model.sortedByRank(ids) == order.filter { wanted.contains($0) })
            #expect(model.sortedByRank(Set(ids)) == order.filter { wanted.contains($0) })
        }
    }
}
