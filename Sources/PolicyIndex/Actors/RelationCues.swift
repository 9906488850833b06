import Foundation
import Yams

/// Cue words that class a relation sentence, read from `relations.yaml`.
public struct RelationCues: Sendable {
    public struct CueClass: Sendable, Hashable {
        public var relationClass: RelationClass
        /// Position on the conflict–cooperation scale, -10…+10.
        public var weight: Double
        public var cues: [String]
        public init(relationClass: RelationClass, weight: Double, cues: [String]) {
            self.relationClass = relationClass
            self.weight = weight
            self.cues = cues
        }
    }

    public var classes: [CueClass]
    /// Words that negate a cue a few words later (`did not agree`).
    public var negations: [String]
    /// Words that weaken a cue (`reluctant to`, `may`).
    public var hedges: [String]
    /// Negations that are themselves an act of refusal (`refused to`, `rejected`):
    /// a refused cooperation counts as verbal conflict.
    public var refusals: [String]

    public init(classes: [CueClass], negations: [String], hedges: [String], refusals: [String]) {
        self.classes = classes
        self.negations = negations
        self.hedges = hedges
        self.refusals = refusals
    }

    public func weight(of c: RelationClass) -> Double {
        classes.first { $0.relationClass == c }?.weight ?? 0
    }

    /// Used when no `relations.yaml` is found, and as the default for each part a file leaves out.
    public static let standard = RelationCues(
        classes: [
            CueClass(
                relationClass: .verbalCooperation, weight: 3.5,
                cues: ["talks", "phone call", "summit", "praise", "praised", "welcomed", "pledged", "commitment", "met"]),
            CueClass(
                relationClass: .materialCooperation, weight: 7.0,
                cues: ["alliance", "aid", "joint exercise", "agreement", "deal", "cost-sharing"]),
            CueClass(
                relationClass: .verbalConflict, weight: -4.0,
                cues: ["criticised", "warned", "slammed", "demanded", "accused", "condemned", "protested"]),
            CueClass(
                relationClass: .materialConflict, weight: -8.0,
                cues: ["sanctions", "missile test", "coercion", "retaliation", "attack", "deployment"]),
        ],
        negations: ["not", "never", "no", "without", "refused to", "cannot", "neither", "nor"],
        hedges: ["unwilling", "reluctant", "may", "might", "could", "would", "reportedly", "considering"],
        refusals: ["refused", "rejected", "declined", "turned down", "ruled out", "unwilling"])

    /// Reads `path`; a missing path gives the standard cues, a bad file the
    /// standard cues and a one-line issue.
    public static func load(path: String?) -> (cues: RelationCues, issues: [LoadIssue]) {
        guard let path, FileManager.default.fileExists(atPath: path) else { return (.standard, []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
            return (.standard, [LoadIssue(path: path, severity: .skipped, reason: "cannot be read as UTF-8 text; standard cues used")])
        }
        return parse(yaml: text, path: path)
    }

    public static func parse(yaml: String, path: String = "relations.yaml") -> (cues: RelationCues, issues: [LoadIssue]) {
        var issues: [LoadIssue] = []
        func report(_ line: Int?, _ reason: String) {
            issues.append(LoadIssue(path: path, line: line, severity: .warning, reason: reason))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let e as YamlError {
            return (.standard, [LoadIssue(path: path, line: DictionaryParser.line(of: e), severity: .skipped, reason: "not valid YAML: \(DictionaryParser.problem(of: e)); standard cues used")])
        } catch {
            return (.standard, [LoadIssue(path: path, severity: .skipped, reason: "not valid YAML; standard cues used")])
        }
        guard case .mapping(let top)? = root else {
            return (.standard, [LoadIssue(path: path, line: root?.mark?.line, severity: .skipped, reason: "expected a mapping with `classes`; standard cues used")])
        }
        var cues = RelationCues.standard
        if let classesNode = top["classes"] {
            guard case .mapping(let m) = classesNode else {
                report(classesNode.mark?.line, "`classes` must be a mapping of class name to {weight, cues}")
                return (cues, issues)
            }
            var classes: [CueClass] = []
            for (k, v) in m {
                guard let name = k.string, let rc = RelationClass(rawValue: name) else {
                    let allowed = RelationClass.allCases.map(\.rawValue).joined(separator: ", ")
                    report(k.mark?.line, "unknown relation class \"\(k.string ?? "?")\" (expected \(allowed)); ignored")
                    continue
                }
                guard case .mapping(let body) = v else {
                    report(v.mark?.line, "class \"\(name)\" must be a mapping with `weight` and `cues`")
                    continue
                }
                var weight = cues.weight(of: rc)
                if let w = body["weight"] {
                    if let d = w.float, (-10...10).contains(d) {
                        weight = d
                    } else {
                        report(w.mark?.line, "weight of \"\(name)\" must be a number from -10 to 10; default kept")
                    }
                }
                let list = body["cues"].map { stringList($0, "cues", report) } ?? []
                classes.append(CueClass(relationClass: rc, weight: weight, cues: list))
            }
            cues.classes = classes
        }
        if let n = top["negations"] { cues.negations = stringList(n, "negations", report) }
        if let h = top["hedges"] { cues.hedges = stringList(h, "hedges", report) }
        if let r = top["refusals"] { cues.refusals = stringList(r, "refusals", report) }
        return (cues, issues)
    }

    private static func stringList(_ node: Node, _ key: String, _ report: (Int?, String) -> Void) -> [String] {
        guard case .sequence(let seq) = node else {
            report(node.mark?.line, "`\(key)` must be a list of words")
            return []
        }
        return seq.compactMap { item in
            guard case .scalar(let s) = item, !s.string.isEmpty else {
                report(item.mark?.line, "`\(key)` items must be words")
                return nil
            }
            return s.string
        }
    }
}
