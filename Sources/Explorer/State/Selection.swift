import PolicyIndex

/// What is selected in each section, read through the filtered lists.
extension AppState {
    public func table(_ model: ExplorerModel) -> ActorTable { model.table(rollup: rollup) }

    public var selectedDocument: DocumentID? {
        let p = position(.articleList)
        return derived.articles.indices.contains(p.selected) ? derived.articles[p.selected] : nil
    }

    public var selectedActor: ActorRef? {
        let p = position(.actorList)
        return derived.actors.indices.contains(p.selected) ? derived.actors[p.selected] : nil
    }

    /// The selected actor's relations (indexes into the table's relations);
    /// under a relation filter only that relation.
    public func shownRelations(_ model: ExplorerModel) -> [Int] {
        guard let a = selectedActor else { return [] }
        let t = table(model)
        let all = t.relationsOf[t.representative[a.index].index]
        if case .relation(let x, let y) = filter(for: .actors), let k = model.relation(x, y, table: t) {
            return all.filter { $0 == k }
        }
        return all
    }

    public func selectedRelation(_ model: ExplorerModel) -> Relation? {
        let rels = shownRelations(model)
        let p = position(.relations)
        return rels.indices.contains(p.selected) ? table(model).relations[rels[p.selected]] : nil
    }

    public func shownEvidence(_ model: ExplorerModel) -> [Evidence] {
        selectedRelation(model)?.evidence ?? []
    }

    public var selectedTimelineRow: TimelineRow? {
        let p = position(.timeline)
        return derived.timelineRows.indices.contains(p.selected) ? derived.timelineRows[p.selected] : nil
    }

    /// Number of rows in a list section.
    public func count(_ s: Section, _ model: ExplorerModel) -> Int {
        switch s {
        case .articleList: return derived.articles.count
        case .actorList: return derived.actors.count
        case .relations: return shownRelations(model).count
        case .evidence: return shownEvidence(model).count
        case .timeline: return derived.timelineRows.count
        case .reader:
            guard let d = reader.document else { return 0 }
            return model.document(d).sentences.count
        }
    }

    /// The actor the reader's current link points at.
    public func linkedActor(_ model: ExplorerModel) -> ActorRef? {
        guard let l = reader.link, l < model.workspace.actors.mentions.count else { return nil }
        return model.workspace.actors.mentions[l].actor
    }
}
