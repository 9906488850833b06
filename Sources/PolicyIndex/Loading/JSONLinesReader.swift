import Foundation

/// `.jsonl` / `.ndjson`: one article per line, an object with the text under
/// `text`, `body` or `content` (HTML under `html`, or HTML-looking text, is
/// read as a page) and optional `title`, `date`, `source`, `url`, `author`,
/// `tags`. Other keys are kept in `extra`. Each line becomes one document that
/// remembers its line number; a broken line is reported with its number and
/// the other lines still load. Large files are parsed on all cores.
enum JSONLinesReader {
    /// Broken lines reported one by one before the rest are summarised.
    static let reportedLines = 10

    static func read(_ t: UnsafeBufferPointer<UInt8>, path: String, displayPath: String, cleaning: Bool) -> ([Document], [LoadIssue]) {
        let lines = PlainTextLayout.lines(t).enumerated().filter { !PlainTextLayout.isBlank(t, $0.element) }
        let chunk = 64
        nonisolated(unsafe) let t = t
        let chunks = ParallelSlots.map((lines.count + chunk - 1) / chunk) { c in
            ((c * chunk)..<min(lines.count, (c + 1) * chunk)).map { k in
                article(UnsafeBufferPointer(rebasing: t[lines[k].element]), path: displayPath, line: lines[k].offset + 1, cleaning: cleaning)
            }
        }
        let results = chunks.flatMap { $0 ?? [] }
        var docs: [Document] = []
        var issues: [LoadIssue] = []
        var broken = 0
        for (k, r) in results.enumerated() {
            switch r {
            case .success(let d): docs.append(d)
            case .failure(let p):
                broken += 1
                if broken <= reportedLines {
                    issues.append(LoadIssue(path: path, line: lines[k].offset + 1, severity: .skipped, reason: p.reason))
                }
            }
        }
        if broken > reportedLines {
            issues.append(
                LoadIssue(path: path, severity: .skipped, reason: "\(broken - reportedLines) more broken lines not listed"))
        }
        return (docs, issues)
    }

    struct LineProblem: Error {
        var reason: String
    }

    static let textKeys = ["text", "body", "content", "article", "full_text", "fulltext", "html"]

    static func article(_ line: UnsafeBufferPointer<UInt8>, path: String, line n: Int, cleaning: Bool) -> Result<Document, LineProblem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: line), options: [.fragmentsAllowed])
        } catch {
            return .failure(LineProblem(reason: "not valid JSON"))
        }
        guard let dict = object as? [String: Any] else { return .failure(LineProblem(reason: "not a JSON object")) }
        guard let (key, text) = textKeys.lazy.compactMap({ k in (dict[k] as? String).map { (k, $0) } }).first(where: { !$0.1.isEmpty })
        else {
            return .failure(LineProblem(reason: "no text, body or content field"))
        }
        var draft = ArticleDraft(path: path, line: n, format: .jsonl, byteCount: line.count, capacity: text.utf8.count)
        var normalized = TextDecoder.normalize(text)
        normalized.withUnsafeBufferPointer { b in
            if key == "html" || looksLikeHTML(b) {
                HTMLReader.read(b, into: &draft)
            } else {
                PlainTextReader.read(b, into: &draft, header: dict["title"] == nil)
            }
        }
        normalized = []
        var rest = dict
        for k in textKeys { rest.removeValue(forKey: k) }
        func take(_ keys: String...) -> String? {
            for k in keys { if let v = rest.removeValue(forKey: k) { if let s = scalarText(v), !s.isEmpty { return s } } }
            return nil
        }
        draft.title = take("title", "headline") ?? draft.title
        draft.source = take("source", "publisher", "publication", "site") ?? draft.source
        draft.author = take("author", "authors", "byline") ?? draft.author
        draft.url = take("url", "link", "canonical") ?? draft.url
        if let d = take("date", "published", "published_at", "publishedAt", "pubdate", "date_published"), let pd = DateField.parse(d) {
            draft.date = DocumentDate(pd, origin: .json)
        }
        if let tags = rest.removeValue(forKey: "tags") ?? rest.removeValue(forKey: "keywords") {
            if let list = tags as? [Any] {
                draft.tags = list.prefix(100).compactMap(scalarText)
            } else if let s = tags as? String {
                draft.tags = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        for (k, v) in rest { if let s = scalarText(v) { draft.extra[k] = s } }
        if draft.body.isEmpty { return .failure(LineProblem(reason: "text field is blank")) }
        return .success(draft.assemble(cleaning: cleaning))
    }

    /// Strings, numbers and booleans as text; a `{"name": …}` object as its name.
    static func scalarText(_ v: Any) -> String? {
        switch v {
        case let s as String: return TitleText.clean(s, limit: 1000)
        case let n as NSNumber: return n.stringValue
        case let d as [String: Any]: return (d["name"] as? String).flatMap { TitleText.clean($0) }
        case let a as [Any]:
            let parts = a.prefix(20).compactMap { $0 as? String }
            return parts.isEmpty ? nil : TitleText.clean(parts.joined(separator: ", "), limit: 1000)
        default: return nil
        }
    }

    private static func looksLikeHTML(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = b.prefix(2000)
        guard let lt = head.firstIndex(of: 0x3C) else { return false }
        let s = String(decoding: b[lt..<min(b.count, lt + 8)], as: UTF8.self).lowercased()
        return ["<p>", "<p ", "<div", "<html", "<!doct", "<articl", "<br", "<h1", "<h2"].contains { s.hasPrefix($0) }
    }
}
