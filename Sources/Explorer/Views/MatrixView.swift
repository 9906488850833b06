import PolicyIndex
import TextUI

/// The selected actor's neighbourhood as an actor×actor matrix: each cell
/// shaded by how much evidence links the two, coloured by tone.
enum MatrixView {
    static func draw(_ c: inout Canvas, _ r: Rect, _ s: AppState, _ model: ExplorerModel) {
        Draw.box(&c, r, title: "Neighbourhood", focused: false, theme: s.theme)
        let inner = r.inset(by: 1)
        guard let a = s.selectedActor, inner.height >= 3, inner.width >= 12 else { return }
        let t = s.table(model)
        let me = t.representative[a.index]
        let labelWidth = min(10, max(4, inner.width / 3))
        let capacity = min(inner.height - 1, (inner.width - labelWidth) / 2)
        guard capacity >= 1 else { return }
        let partners = t.relationsOf[me.index].prefix(capacity - 1).map { t.relations[$0].other(than: me) }
        let members = [me] + partners
        var cells: [ActorTable.Pair: Relation] = [:]
        var maxCount = 1
        let set = Set(members)
        for m in members {
            for k in t.relationsOf[m.index] {
                let rel = t.relations[k]
                guard set.contains(rel.a), set.contains(rel.b) else { continue }
                cells[ActorTable.Pair(a: rel.a, b: rel.b)] = rel
                maxCount = max(maxCount, rel.evidence.count)
            }
        }
        // Column heads: the first letters of each name.
        var x = inner.x + labelWidth
        for m in members {
            c.put(Draw.pad(String(model.actor(m).name.prefix(2)), 2), x: x, y: inner.y, style: s.theme.kind(model.actor(m).kind), clip: inner)
            x += 2
        }
        for (i, row) in members.enumerated() {
            let y = inner.y + 1 + i
            c.put(Draw.pad(model.actor(row).name, labelWidth - 1), x: inner.x, y: y, style: s.theme.kind(model.actor(row).kind), clip: inner)
            x = inner.x + labelWidth
            for col in members {
                if row == col {
                    c.put("··", x: x, y: y, style: s.theme.neutral, clip: inner)
                } else if let rel = cells[ActorTable.Pair(a: min(row, col), b: max(row, col))] {
                    let shade = shadeChar(rel.evidence.count, maxCount)
                    let st = rel.tone < -0.5 ? s.theme.conflict : rel.tone > 0.5 ? s.theme.cooperation : s.theme.bar
                    c.put(shade + shade, x: x, y: y, style: st, clip: inner)
                }
                x += 2
            }
        }
    }

    static func shadeChar(_ n: Int, _ m: Int) -> String {
        let shades = ["░", "▒", "▓", "█"]
        return shades[min(3, max(0, Int((Double(n) / Double(max(1, m)) * 4).rounded(.up)) - 1))]
    }
}
