/// One-byte codes for the enums a snapshot stores. Each `snapshotCode` is an
/// exhaustive switch, so a new case fails to compile until it has a code;
/// `fromSnapshot` reads the same table backwards.
protocol SnapshotCoded: Equatable {
    var snapshotCode: UInt8 { get }
    /// Every case, in code order (checked against `snapshotCode` by the tests).
    static var snapshotCases: [Self] { get }
}

extension SnapshotCoded {
    static func fromSnapshot(_ code: UInt8) throws(SnapshotProblem) -> Self {
        guard Int(code) < snapshotCases.count else { throw .corrupt("unknown \(Self.self) code \(code)") }
        return snapshotCases[Int(code)]
    }
}

extension Document.Format: SnapshotCoded {
    static let snapshotCases: [Self] = [.text, .markdown, .html, .jsonl]
    var snapshotCode: UInt8 {
        switch self {
        case .text: 0
        case .markdown: 1
        case .html: 2
        case .jsonl: 3
        }
    }
}

extension DocumentDate.Origin: SnapshotCoded {
    static let snapshotCases: [Self] = [.frontMatter, .meta, .json, .dateline, .published, .filename]
    var snapshotCode: UInt8 {
        switch self {
        case .frontMatter: 0
        case .meta: 1
        case .json: 2
        case .dateline: 3
        case .published: 4
        case .filename: 5
        }
    }
}

extension Paragraph.Kind: SnapshotCoded {
    static let snapshotCases: [Self] = [.body, .heading, .quote, .listItem, .caption]
    var snapshotCode: UInt8 {
        switch self {
        case .body: 0
        case .heading: 1
        case .quote: 2
        case .listItem: 3
        case .caption: 4
        }
    }
}

extension BoilerplateReason: SnapshotCoded {
    static let snapshotCases: [Self] = [
        .commentForm, .relatedLinks, .cookieNotice, .shareButtons, .publisherBlurb, .repeatedCaption, .navigation, .masthead,
    ]
    var snapshotCode: UInt8 {
        switch self {
        case .commentForm: 0
        case .relatedLinks: 1
        case .cookieNotice: 2
        case .shareButtons: 3
        case .publisherBlurb: 4
        case .repeatedCaption: 5
        case .navigation: 6
        case .masthead: 7
        }
    }
}

extension LoadIssue.Severity: SnapshotCoded {
    static let snapshotCases: [Self] = [.skipped, .warning]
    var snapshotCode: UInt8 {
        switch self {
        case .skipped: 0
        case .warning: 1
        }
    }
}

extension ActorKind: SnapshotCoded {
    static let snapshotCases: [Self] = [.country, .person, .organization, .topic]
    var snapshotCode: UInt8 {
        switch self {
        case .country: 0
        case .person: 1
        case .organization: 2
        case .topic: 3
        }
    }
}

extension RelationClass: SnapshotCoded {
    static let snapshotCases: [Self] = [.verbalCooperation, .materialCooperation, .verbalConflict, .materialConflict, .neutral]
    var snapshotCode: UInt8 {
        switch self {
        case .verbalCooperation: 0
        case .materialCooperation: 1
        case .verbalConflict: 2
        case .materialConflict: 3
        case .neutral: 4
        }
    }
}

extension TimeGrain: SnapshotCoded {
    static let snapshotCases: [Self] = [.day, .week, .month, .season, .quarter, .year, .decade, .century]
    var snapshotCode: UInt8 {
        switch self {
        case .day: 0
        case .week: 1
        case .month: 2
        case .season: 3
        case .quarter: 4
        case .year: 5
        case .decade: 6
        case .century: 7
        }
    }
}

extension TimeModifier: SnapshotCoded {
    static let snapshotCases: [Self] = [.start, .mid, .end, .approximate, .before, .after]
    var snapshotCode: UInt8 {
        switch self {
        case .start: 0
        case .mid: 1
        case .end: 2
        case .approximate: 3
        case .before: 4
        case .after: 5
        }
    }
}

/// A `PartialDate?` as a trivial record (`Int32.min` for a missing month or day).
struct PartialDateRecord: BitwiseCopyable {
    var year: Int64 = 0
    var month: Int32 = .min
    var day: Int32 = .min
    var present: UInt8 = 0
    var pad0: UInt8 = 0
    var pad1: UInt16 = 0
    var pad2: UInt32 = 0

    init(_ date: PartialDate?) {
        guard let date else { return }
        year = Int64(date.year)
        month = date.month.map { Int32($0) } ?? .min
        day = date.day.map { Int32($0) } ?? .min
        present = 1
    }

    /// The date, checked: a damaged year, month or day would otherwise reach
    /// calendar arithmetic that traps on overflow.
    var date: PartialDate? {
        get throws(SnapshotProblem) {
            guard present == 1 else { return nil }
            guard Self.years.contains(year), month == .min || (1...12).contains(month), day == .min || (1...31).contains(day),
                day == .min || month != .min
            else { throw .corrupt("date out of range") }
            return PartialDate(year: Int(year), month: month == .min ? nil : Int(month), day: day == .min ? nil : Int(day))
        }
    }

    /// Far wider than any date the tagger reads, far narrower than what overflows.
    static let years: ClosedRange<Int64> = -1_000_000...1_000_000
}

extension SnapshotWriter {
    mutating func append(date: PartialDate?) { append(PartialDateRecord(date)) }
}

extension SnapshotReader {
    mutating func readDate() throws(SnapshotProblem) -> PartialDate? { try read(PartialDateRecord.self).date }

    mutating func readCode<T: SnapshotCoded>(_: T.Type) throws(SnapshotProblem) -> T {
        try T.fromSnapshot(try read(UInt8.self))
    }
}
