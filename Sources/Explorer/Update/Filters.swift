import PolicyIndex
import TextUI

/// The global filter, frozen panes, roll-up, sort and kind.
extension App {
    /// Recomputes the lists each pane shows and keeps the selected items
    /// selected where they are still listed.
    static func refresh(_ s: inout AppState, _ model: ExplorerModel, keepSelection: Bool = true) {
        let doc = s.selectedDocument
        let actor = s.selectedActor
        var event: Int?
        if case .event(let e) = s.selectedTimelineRow { event = e }
        let t = s.table(model)
        var lists = FilteredLists()
        lists.articles = model.articles(for: s.filter(for: .articles), table: t)
        lists.actors = model.actors(for: s.filter(for: .actors), table: t, sort: s.sort, kind: s.kind)
        lists.events = model.events(for: s.filter(for: .timeline), table: t)
        lists.timelineRows = model.timelineRows(lists.events)
        lists.histogram = MonthHistogram(months: lists.events.compactMap { model.eventPlaces[$0].isDated ? model.eventPlaces[$0].monthIndex : nil })
        s.derived = lists
        guard keepSelection else {
            clampAll(&s, model)
            return
        }
        func reselect(_ section: Section, _ row: Int?) {
            var p = s.position(section)
            p.selected = row ?? 0
            p.clamp(count: s.count(section, model), rows: rows(s, section))
            s.lists[section] = p
        }
        reselect(.articleList, doc.flatMap { lists.articles.firstIndex(of: $0) })
        let rep = actor.map { t.representative[$0.index] }
        let actorRow = rep.flatMap { lists.actors.firstIndex(of: $0) }
        if actorRow == nil || rep != actor {
            s.lists[.relations] = ListPosition()
            s.lists[.evidence] = ListPosition()
        }
        reselect(.actorList, actorRow)
        reselect(.timeline, event.flatMap { e in lists.timelineRows.firstIndex(of: .event(e)) })
        clampAll(&s, model)
    }

    /// The filter the focused selection stands for.
    static func filterFromSelection(_ s: AppState, _ model: ExplorerModel) -> Filter? {
        switch s.section {
        case .articleList: return s.selectedDocument.map { .document($0) }
        case .reader:
            if let a = s.linkedActor(model) { return .actor(a) }
            return s.reader.document.map { .document($0) }
        case .actorList: return s.selectedActor.map { .actor($0) }
        case .relations, .evidence: return s.selectedRelation(model).map { .relation($0.a, $0.b) }
        case .timeline:
            switch s.selectedTimelineRow {
            case .year(let y, _): return period(PartialDate(year: y))
            case .month(let y, let m, _): return period(PartialDate(year: y, month: m))
            case .event(let e):
                guard let iv = model.events[e].interval else { return nil }
                let c = DayNumber.civil(iv.lowerBound)
                return period(model.events[e].grain <= .month ? PartialDate(year: c.year, month: c.month) : PartialDate(year: c.year))
            case .undated, nil: return nil
            }
        }
    }

    static func period(_ d: PartialDate) -> Filter { .dates(d.firstDay..<d.endDay, label: d.iso) }

    static func setFilter(_ s: inout AppState, _ model: ExplorerModel) {
        guard let f = filterFromSelection(s, model) else {
            s.message = "nothing here to filter by"
            return
        }
        guard f != s.filter else { return }
        record(&s)
        s.filter = f
        refresh(&s, model)
        s.message = "filter: \(f.label(model)) — F clears"
    }

    static func clearFilter(_ s: inout AppState, _ model: ExplorerModel) {
        guard s.filter != nil else {
            s.message = "no filter to clear"
            return
        }
        record(&s)
        s.filter = nil
        refresh(&s, model)
        s.message = "filter cleared"
    }

    static func toggleFreeze(_ s: inout AppState, _ model: ExplorerModel) {
        let p = s.pane
        if s.frozen[p] != nil {
            s.frozen[p] = nil
            s.message = "\(p.title) follows the filter again"
        } else {
            s.frozen[p] = FrozenFilter(filter: s.filter)
            s.message = "\(p.title) frozen; z again to unfreeze"
        }
        refresh(&s, model)
    }

    static func toggleRollup(_ s: inout AppState, _ model: ExplorerModel) {
        s.rollup.toggle()
        refresh(&s, model)
        s.message = s.rollup ? "persons rolled up to their countries" : "persons shown on their own"
    }

    static func cycleKind(_ s: inout AppState, _ model: ExplorerModel) {
        let order: [ActorKind?] = [nil] + ActorKind.allCases.map { Optional($0) }
        let i = order.firstIndex(of: s.kind) ?? 0
        s.kind = order[(i + 1) % order.count]
        s.lists[.actorList] = ListPosition()
        refresh(&s, model, keepSelection: false)
        s.lists[.relations] = ListPosition()
        s.lists[.evidence] = ListPosition()
        s.message = "showing \(s.kind.map { $0.rawValue } ?? "all actors")"
    }
}
