import TextUI

/// Where everything goes for a terminal size and focus. `update` uses it too
/// (page sizes, reader width, mouse hits), so both always agree.
public struct ScreenLayout: Sendable {
    public enum Mode: Sendable { case wide, stacked, tabbed, tiny }

    public static let minimum = Size(width: 40, height: 12)

    public var mode: Mode
    /// Outer rectangles (with border) of the sections on screen.
    public var boxes: [Section: Rect] = [:]
    /// Panes drawn as a one-line summary (stacked mode).
    public var collapsed: [Pane: Rect] = [:]
    public var matrix: Rect?
    public var tabs: Rect?
    public var status: Rect
    public var command: Rect

    public init(size: Size, focus: Section) {
        let w = size.width
        let h = size.height
        if w < Self.minimum.width || h < Self.minimum.height {
            mode = .tiny
            status = Rect(x: 0, y: max(0, h - 1), width: w, height: h >= 2 ? 1 : 0)
            command = Rect(x: 0, y: 0, width: w, height: h >= 3 ? 1 : 0)
            let top = h >= 3 ? 1 : 0
            boxes[focus] = Rect(x: 0, y: top, width: w, height: h - top - status.height)
            return
        }
        status = Rect(x: 0, y: h - 2, width: w, height: 1)
        command = Rect(x: 0, y: h - 1, width: w, height: 1)
        let area = Rect(x: 0, y: 0, width: w, height: h - 2)
        if w >= 120 && h >= 20 {
            mode = .wide
            let a = w * 40 / 100
            let b = w * 32 / 100
            place(.articles, Rect(x: 0, y: 0, width: a, height: area.height))
            place(.actors, Rect(x: a, y: 0, width: b, height: area.height))
            place(.timeline, Rect(x: a + b, y: 0, width: w - a - b, height: area.height))
        } else if h >= 30 {
            mode = .stacked
            let small = 3
            var y = 0
            let big = area.height - small * (Pane.allCases.count - 1)
            for p in Pane.allCases {
                if p == focus.pane {
                    place(p, Rect(x: 0, y: y, width: w, height: big))
                    y += big
                } else {
                    collapsed[p] = Rect(x: 0, y: y, width: w, height: small)
                    y += small
                }
            }
        } else {
            mode = .tabbed
            tabs = Rect(x: 0, y: 0, width: w, height: 1)
            place(focus.pane, Rect(x: 0, y: 1, width: w, height: area.height - 1))
        }
    }

    private mutating func place(_ pane: Pane, _ r: Rect) {
        switch pane {
        case .articles:
            let listH = min(max(5, r.height * 35 / 100), max(3, r.height - 5))
            let (list, reader) = r.splitTop(listH)
            boxes[.articleList] = list
            boxes[.reader] = reader
        case .actors:
            let listH = max(4, r.height * 38 / 100)
            let relH = max(4, r.height * 27 / 100)
            var (list, rest) = r.splitTop(listH)
            let (rel, ev) = rest.splitTop(relH)
            if r.width >= 60 {
                let mw = min(r.width / 2, 44)
                let split = list.splitLeft(list.width - mw)
                list = split.left
                matrix = split.rest
            }
            boxes[.actorList] = list
            boxes[.relations] = rel
            boxes[.evidence] = ev
        case .timeline:
            boxes[.timeline] = r
        }
    }

    public var bordered: Bool { mode != .tiny }

    /// The inside of a section's box, where its rows go.
    public func content(_ s: Section) -> Rect? {
        guard let r = boxes[s] else { return nil }
        return bordered ? r.inset(by: 1) : r
    }

    /// Rows a list section shows (the timeline loses two to its histogram).
    public func rows(_ s: Section) -> Int {
        guard let c = content(s) else { return 10 }
        return max(1, c.height - (s == .timeline && c.height >= 8 ? Self.histogramRows : 0))
    }

    public static let histogramRows = 3

    /// The section under a screen position, if any.
    public func section(at x: Int, _ y: Int) -> Section? {
        boxes.first { $0.value.contains(x: x, y: y) }?.key
    }
    public func pane(at x: Int, _ y: Int) -> Pane? {
        if let s = section(at: x, y) { return s.pane }
        return collapsed.first { $0.value.contains(x: x, y: y) }?.key
    }
}
