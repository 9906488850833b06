import PolicyIndex
import TextUI

/// The selected actor's neighbourhood as an actor×actor matrix (TextUI's
/// MatrixView): the shade is the evidence count, the colour the tone.
enum NeighbourhoodView {
    static func draw(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel) {
        let inner = Panel(title: "Neighbourhood", focused: false, theme: s.theme).draw(in: r, on: &c)
        guard let a = s.selectedActor, inner.height >= 3, inner.width >= 12 else { return }
        let t = s.table(model)
        let me = t.representative[a.index]
        let capacity = max(1, min(inner.height - 1, (inner.width - 8) / 2))
        let members = [me] + t.relationsOf[me.index].prefix(capacity - 1).map { t.relations[$0].other(than: me) }
        let index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        var values = Array(repeating: [Double?](repeating: nil, count: members.count), count: members.count)
        for m in members {
            for k in t.relationsOf[m.index] {
                let rel = t.relations[k]
                guard let i = index[rel.a], let j = index[rel.b] else { continue }
                // Signed strength: the evidence count, negative for a conflictual relation.
                let v = Double(rel.evidence.count) * (rel.tone < -0.5 ? -1 : 1)
                values[i][j] = v
                values[j][i] = v
            }
        }
        MatrixView(labels: members.map { model.actor($0).name }, values: values, theme: s.theme, highlighted: 0).draw(in: inner, on: &c)
    }
}
