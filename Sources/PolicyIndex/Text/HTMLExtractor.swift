/// The readable text of a web page, from a small tolerant tag scanner.
///
/// - Content of `script`, `style`, `template`, `svg` and of page chrome (`nav`,
///   `header`, `footer`, `aside`, `form`, buttons) is dropped.
/// - Block elements (`p`, `div`, `li`, `h1`…`h6`, `blockquote`, `br`, `tr`…) end a
///   paragraph; `h*` make headings, `li` list items, `blockquote` quotes,
///   `figcaption` captions. Elements whose class, id or role names page
///   furniture (`comments`, `related-posts`, `share`, `cookie-banner`…) keep their
///   text but mark it as boilerplate with the matching reason.
/// - Entities are decoded, numeric ones included.
/// - Nothing recurses: open elements live on an explicit stack, so unclosed
///   tags and 10,000-deep nesting cost memory, not stack. An end tag closes the
///   nearest open element of its name; one with no match is ignored.
struct HTMLExtractor {
    struct Page {
        var title: String?
        var firstH1: String?
        /// `<meta>` values by lower-cased name/property/itemprop; repeated keys keep every value.
        var meta: [String: [String]] = [:]
        var timeDatetime: String?
        var canonical: String?
        var ldDatePublished: String?
        var lang: String?
        var droppedBytes = 0

        func first(_ keys: [String]) -> String? {
            for k in keys { if let v = meta[k]?.first(where: { !$0.isEmpty }) { return v } }
            return nil
        }
    }

    private struct Open {
        var name: String
        var dropped: Bool
        var reason: BoilerplateReason?
        var kind: Paragraph.Kind
    }

    private var stack: [Open] = []
    private var page = Page()
    private var h1: [UInt8]?
    private var h1Depth = -1
    private let dropChrome: Bool

    static let maxStack = 50_000

    init(dropChrome: Bool) { self.dropChrome = dropChrome }

    /// Extracts the text of `t` into `body`. With `dropChrome` false only scripts
    /// and styles are dropped (the fallback for pages whose every word sits in a
    /// `header` or an unclosed `nav`).
    static func extract(_ t: UnsafeBufferPointer<UInt8>, into body: inout BodyBuilder, dropChrome: Bool = true) -> Page {
        var x = HTMLExtractor(dropChrome: dropChrome)
        x.run(t, into: &body)
        return x.page
    }

    private var dropped: Bool { stack.last?.dropped ?? false }
    private var reason: BoilerplateReason? { stack.last?.reason }
    private var kind: Paragraph.Kind { stack.last?.kind ?? .body }

    private mutating func run(_ t: UnsafeBufferPointer<UInt8>, into body: inout BodyBuilder) {
        let n = t.count
        var i = 0
        var textStart = 0
        func flushText(_ end: Int, _ x: inout HTMLExtractor, _ body: inout BodyBuilder) {
            if end > textStart { x.text(UnsafeBufferPointer(rebasing: t[textStart..<end]), into: &body) }
        }
        while i < n {
            let b = t[i]
            if b == 0x26 {
                flushText(i, &self, &body)
                if let (v, next) = HTMLEntities.decode(t, at: i, end: n) {
                    var w = TextNormalizer()
                    w.append(scalar: v)
                    let bytes = w.finish()
                    bytes.withUnsafeBufferPointer { text($0, into: &body) }
                    i = next
                } else {
                    text(UnsafeBufferPointer(rebasing: t[i..<(i + 1)]), into: &body)
                    i += 1
                }
                textStart = i
                continue
            }
            guard b == 0x3C else {
                i += 1
                continue
            }
            flushText(i, &self, &body)
            if i + 1 < n, t[i + 1] == 0x21 || t[i + 1] == 0x3F {
                i = Self.skipDeclaration(t, at: i)
                textStart = i
                continue
            }
            guard let (tag, next) = HTMLTag.read(t, at: i) else {
                textStart = i
                i += 1
                continue
            }
            i = next
            if tag.isEnd {
                close(tag.name, into: &body)
            } else if HTMLVocabulary.rawText.contains(tag.name) && !tag.selfClosing {
                i = rawText(t, tag: tag, from: i, into: &body)
            } else {
                open(t, tag, into: &body)
            }
            textStart = i
        }
        flushText(n, &self, &body)
        body.end()
    }

    private mutating func text(_ s: UnsafeBufferPointer<UInt8>, into body: inout BodyBuilder) {
        if h1 != nil, h1Depth >= 0 { h1!.append(contentsOf: s) }
        if dropped {
            page.droppedBytes += s.count
            return
        }
        body.append(s)
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[ … ]]>`, `<? … >`: skipped (an unclosed comment runs to the end, as in browsers).
    private static func skipDeclaration(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = t.count
        if i + 3 < n, t[i + 2] == 0x2D, t[i + 3] == 0x2D {
            var k = i + 4
            while k + 2 < n {
                if t[k] == 0x2D, t[k + 1] == 0x2D, t[k + 2] == 0x3E { return k + 3 }
                k += 1
            }
            return n
        }
        var k = i + 2
        while k < n, t[k] != 0x3E { k += 1 }
        return min(k + 1, n)
    }

    private mutating func open(_ t: UnsafeBufferPointer<UInt8>, _ tag: HTMLTag, into body: inout BodyBuilder) {
        let name = tag.name
        readMetadata(t, tag)
        if name == "br" || name == "hr" {
            body.begin(kind, preset: reason)
            return
        }
        if name == "td" || name == "th" {
            if !dropped { body.append(0x20) }
        }
        if HTMLVocabulary.void.contains(name) || tag.selfClosing { return }
        // Implied end tags: a new paragraph or list item closes the open one.
        if name == "p" || name == "li" || name == "dt" || name == "dd", let top = stack.last?.name {
            if top == "p" || (name != "p" && top == name) { close(top, into: &body) }
        }
        guard stack.count < Self.maxStack else { return }
        let parent = stack.last
        var entry = Open(
            name: name, dropped: parent?.dropped ?? false, reason: parent?.reason, kind: parent?.kind ?? .body)
        if HTMLVocabulary.alwaysDropped.contains(name) || (dropChrome && HTMLVocabulary.chrome.contains(name))
            || tag.attribute("hidden") != nil || attributeIs(t, tag, "aria-hidden", "true")
        {
            entry.dropped = true
        }
        if let hinted = HTMLVocabulary.reason(forClassesIn: t, tag) { entry.reason = entry.reason ?? hinted }
        if let k = HTMLVocabulary.kind(of: name) {
            entry.kind = entry.kind == .quote && k == .body ? .quote : k
        } else if HTMLVocabulary.isCaptionClass(t, tag) {
            entry.kind = .caption
        }
        stack.append(entry)
        if name == "h1", h1Depth < 0, page.firstH1 == nil {
            h1 = []
            h1Depth = stack.count
        }
        if HTMLVocabulary.block.contains(name) { body.begin(kind, preset: reason) }
    }

    private mutating func close(_ name: String, into body: inout BodyBuilder) {
        // Look for the element to close near the top; chrome elements are looked
        // for all the way down so an unclosed child cannot hide the rest of a page.
        let limit = HTMLVocabulary.chrome.contains(name) || HTMLVocabulary.alwaysDropped.contains(name) ? stack.count : 256
        var k = stack.count - 1
        while k >= 0, stack.count - k <= limit, stack[k].name != name { k -= 1 }
        guard k >= 0, stack[k].name == name else {
            if name == "p" || name == "br" { body.begin(kind, preset: reason) }
            return
        }
        var wasBlock = false
        while stack.count > k {
            let top = stack.removeLast()
            wasBlock = wasBlock || HTMLVocabulary.block.contains(top.name)
            if h1Depth > stack.count {
                page.firstH1 = h1.flatMap { TitleText.clean(String(decoding: $0, as: UTF8.self)) }
                h1 = nil
                h1Depth = -2
            }
        }
        if wasBlock { body.begin(kind, preset: reason) }
    }

    /// Script, style, title and the like: find the end tag, keep what is useful.
    private mutating func rawText(_ t: UnsafeBufferPointer<UInt8>, tag: HTMLTag, from i: Int, into body: inout BodyBuilder) -> Int {
        let (contentEnd, after) = Self.findEndTag(t, name: tag.name, from: i)
        let content = UnsafeBufferPointer(rebasing: t[i..<contentEnd])
        switch tag.name {
        case "title":
            if page.title == nil, stack.allSatisfy({ $0.name != "svg" }) {
                page.title = TitleText.clean(String(decoding: HTMLEntities.decodeAll(content), as: UTF8.self))
            }
        case "script":
            if let type = tag.attribute("type"), Self.lower(t, type).contains("ld+json") {
                page.ldDatePublished = page.ldDatePublished ?? Self.jsonString(after: "\"datePublished\"", in: content)
            }
        case "textarea":
            body.begin(kind, preset: reason)
        default:
            break
        }
        page.droppedBytes += content.count
        return after
    }

    /// The start of `</name` (case-insensitive) at or after `i`, and the index after its `>`.
    static func findEndTag(_ t: UnsafeBufferPointer<UInt8>, name: String, from i: Int) -> (Int, Int) {
        let needle = Array(name.utf8)
        let n = t.count
        var k = i
        while k + 1 + needle.count < n {
            if t[k] == 0x3C, t[k + 1] == 0x2F {
                var match = true
                for (o, c) in needle.enumerated() where (t[k + 2 + o] | 0x20) != c {
                    match = false
                    break
                }
                if match {
                    var e = k + 2 + needle.count
                    while e < n, t[e] != 0x3E { e += 1 }
                    return (k, min(e + 1, n))
                }
            }
            k += 1
        }
        return (n, n)
    }

    private mutating func readMetadata(_ t: UnsafeBufferPointer<UInt8>, _ tag: HTMLTag) {
        switch tag.name {
        case "meta":
            guard let content = tag.attribute("content") else { return }
            for key in ["property", "name", "itemprop"] {
                guard let r = tag.attribute(key) else { continue }
                let k = Self.lower(t, r)
                let v = TitleText.clean(String(decoding: HTMLEntities.decodeAll(UnsafeBufferPointer(rebasing: t[content])), as: UTF8.self), limit: 1000) ?? ""
                if page.meta[k, default: []].count < 50 { page.meta[k, default: []].append(v) }
            }
        case "link":
            if let rel = tag.attribute("rel"), Self.lower(t, rel) == "canonical", let href = tag.attribute("href") {
                page.canonical = page.canonical ?? Self.string(t, href)
            }
        case "time":
            guard page.timeDatetime == nil, let dt = tag.attribute("datetime") else { return }
            page.timeDatetime = Self.string(t, dt)
        case "html":
            if let lang = tag.attribute("lang") { page.lang = Self.string(t, lang) }
        default:
            if page.timeDatetime == nil, let ip = tag.attribute("itemprop"), Self.lower(t, ip) == "datepublished",
                let v = tag.attribute("datetime") ?? tag.attribute("content")
            {
                page.timeDatetime = Self.string(t, v)
            }
        }
    }

    private func attributeIs(_ t: UnsafeBufferPointer<UInt8>, _ tag: HTMLTag, _ name: String, _ value: String) -> Bool {
        guard let r = tag.attribute(name) else { return false }
        return Self.lower(t, r) == value
    }

    static func lower(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: t[r.lowerBound..<min(r.upperBound, r.lowerBound + 512)]), as: UTF8.self)
            .lowercased()
    }

    static func string(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: t[r.lowerBound..<min(r.upperBound, r.lowerBound + 2048)])
        return String(decoding: HTMLEntities.decodeAll(slice), as: UTF8.self)
    }

    /// The string value after a JSON key, found by scanning (no JSON parser for a
    /// script that may be anything): `"datePublished": "2020-11-12T09:00:00Z"`.
    static func jsonString(after key: String, in t: UnsafeBufferPointer<UInt8>) -> String? {
        let k = Array(key.utf8)
        guard t.count > k.count else { return nil }
        var i = 0
        while i + k.count < t.count {
            if t[i] == k[0], Array(t[i..<(i + k.count)]) == k {
                var j = i + k.count
                while j < t.count, t[j] == 0x20 || t[j] == 0x3A || t[j] == 0x0A || t[j] == 0x09 { j += 1 }
                guard j < t.count, t[j] == 0x22 else { return nil }
                let s = j + 1
                var e = s
                while e < t.count, t[e] != 0x22, e - s < 64 { e += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: t[s..<e]), as: UTF8.self)
            }
            i += 1
        }
        return nil
    }
}
