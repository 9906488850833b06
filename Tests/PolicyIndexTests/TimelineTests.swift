import Testing

@testable import PolicyIndex

/// Builds a timeline over fixture documents, with actors from the actor test dictionary.
func timeline(_ docs: [Document]) -> Timeline {
    Timeline(documents: docs, actors: ActorFixtures.analyze(docs))
}

func date(_ iso: String) -> PartialDate { PartialDate(iso: iso)! }

@Suite struct TimelineEntryTests {
    @Test func oneEntryPerDatedExpression() {
        let doc = ActorFixtures.document(
            "The allies held talks in Geneva.", "Seoul signed the accord on Nov. 12, 2020, after a long delay.",
            "Officials expect a review in 2025.", id: 0, date: date("2020-11-20"))
        let t = timeline([doc])
        #expect(t.entries.map(\.expression.value) == ["2020-11-12", "2025"])
        #expect(t.entries.map(\.sentence.index) == [1, 2])
        #expect(t.entries[0].actors.map { ActorFixtures.analyze([doc]).actors[$0.index].id } == ["kr"])
    }

    /// Entries name their expressions by number in the whole timeline's list:
    /// each must come out as an expression of its own document and sentence.
    @Test func entriesNameTheExpressionsOfTheirOwnDocuments() {
        let first = ActorFixtures.document(
            "Ministers met in March 2019 and again in 2020.", "Seoul signed the accord on Nov. 12, 2020.", id: 0, date: date("2020-11-20"))
        let second = ActorFixtures.document("Tokyo answered in 1998, then in June 2001.", id: 1, date: date("2021-01-05"))
        let t = timeline([first, second])
        #expect(t.entries.count == 5)
        for e in t.entries {
            #expect(t.expressions(in: e.document).contains(e.expression), "\(e.expression.text) of \(e.document)")
            #expect(e.expression.sentence == e.sentence)
        }
        #expect(Set(t.entries.filter { $0.document == DocumentID(1) }.map(\.expression.value)) == ["1998", "2001-06"])
        // An entry made alone, with the same content, is the same entry.
        let e = t.entries[0]
        let alone = TimelineEntry(expression: e.expression, sentence: e.sentence, actors: e.actors)
        #expect(alone == e)
        #expect(alone.hashValue == e.hashValue)
        #expect(alone != t.entries[1])
    }

    @Test func boilerplateDatesNeverEnterTheTimeline() {
        let doc = ActorFixtures.document(
            [["Seoul and Tokyo met on Nov. 12, 2020, in Busan."], ["Related: Japan election set for Oct. 31, 2021"]],
            id: 0, date: date("2020-11-20"), boilerplate: [1])
        let t = timeline([doc])
        #expect(t.expressions.map(\.value) == ["2020-11-12"])
        #expect(t.events.count == 1)
    }

    @Test func relativeDatesUseTheDocumentDate() {
        let dated = ActorFixtures.document("Talks resume next month in Seoul.", id: 0, date: date("2020-11-20"))
        let undated = ActorFixtures.document("Talks resume next month in Tokyo.", id: 1)
        let t = timeline([dated, undated])
        #expect(t.entries.map(\.expression.value) == ["2020-12"])
        #expect(t.expressions(in: DocumentID(1)).map(\.value) == ["XXXX-XX"])
        #expect(t.undatedDocuments == [DocumentID(1)])
    }

    @Test func vagueStretchesAreExpressionsButNotEvents() {
        let doc = ActorFixtures.document("A decision is due in the coming months.", id: 0, date: date("2020-11-20"))
        let t = timeline([doc])
        #expect(t.expressions.map(\.value) == ["FUTURE_REF"])
        #expect(t.events.isEmpty)
    }
}

@Suite struct TimelineLabelTests {
    @Test func labelIsTheClauseAroundTheDate() {
        let doc = ActorFixtures.document(
            "Although the weather was poor and the delegations had argued for hours about seating, "
                + "the two ministers signed the fisheries accord on Nov. 12, 2020, and then left for dinner with their staff.",
            id: 0)
        let label = timeline([doc]).entries[0].label(in: doc)
        #expect(label.contains("Nov. 12, 2020"))
        #expect(label.contains("signed the fisheries accord"))
        #expect(!label.contains("weather"))
        #expect(label.count <= 80)
    }

    /// Labels are cut from the text when asked: another document's text gives
    /// no label of its own, only the date as written.
    @Test func labelComesFromTheEntrysOwnDocumentOnly() {
        let doc = ActorFixtures.document("In 1954, the treaty that binds the two allies entered into force.", id: 0)
        let other = ActorFixtures.document("Nothing of note happened in the harbour town that spring, people said.", id: 1)
        let entry = timeline([doc]).entries[0]
        #expect(entry.label(in: other) == "1954")
        #expect(entry.label(in: doc) != entry.label(in: other))
    }

    @Test func shortClauseGrowsIntoTheNextOne() {
        let doc = ActorFixtures.document("In 1954, the treaty that binds the two allies entered into force.", id: 0)
        let label = timeline([doc]).entries[0].label(in: doc)
        #expect(label == "In 1954, the treaty that binds the two allies entered into force")
    }

    @Test(arguments: [
        ("The delegations argued about seating, and the ministers met again \u{2014} in 1999.", "ministers met again"),
        ("\u{201C}We will act now,\u{201D} the minister said in 1999.", "We will act now"),
    ])
    func shortClauseAfterAMultiByteBreakGrowsLeftwards(_ sentence: String, _ reached: String) {
        let doc = ActorFixtures.document(sentence, id: 0)
        let label = timeline([doc]).entries[0].label(in: doc)
        #expect(label.contains("1999"))
        #expect(label.contains(reached))
    }

    @Test func longClauseIsCutAroundTheDateOnOneLine() {
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        let doc = ActorFixtures.document("The envoys \(words) met in 1998 and \(words)\ncontinued.", id: 0)
        let label = timeline([doc]).entries[0].label(in: doc)
        #expect(label.contains("1998"))
        #expect(label.count <= 80)
        #expect(!label.contains("\n"))
        #expect(label.hasPrefix("…") && label.hasSuffix("…"))
    }
}

@Suite struct TimelineGroupingTests {
    /// The grouping rule, written the plain way: each entry joins the first
    /// event made so far with its key that holds nothing of its document and
    /// shares an actor with it (or where neither has any), else starts one.
    static func plainGroups(_ entries: [TimelineEntry]) -> [[Int]] {
        var events: [(key: Timeline.EventKey, actors: Set<ActorRef>, documents: Set<DocumentID>, members: [Int])] = []
        for (n, e) in entries.enumerated() {
            let key = Timeline.EventKey(e.expression)
            let mine = Set(e.actors)
            if let i = events.firstIndex(where: { ev in
                ev.key == key && !ev.documents.contains(e.document)
                    && (mine.isEmpty && ev.actors.isEmpty || !mine.isDisjoint(with: ev.actors))
            }) {
                events[i].actors.formUnion(mine)
                events[i].documents.insert(e.document)
                events[i].members.append(n)
            } else {
                events.append((key, mine, [e.document], [n]))
            }
        }
        return events.map(\.members)
    }

    /// Many entries on few keys, actors and documents, so that events collide,
    /// grow their actors and refuse a second entry of a document.
    @Test(arguments: [1, 2, 3, 4, 5])
    func groupsAsThePlainRuleDoes(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let values = ["2019", "2020", "2020-11", "2021"]
        var entries: [TimelineEntry] = []
        for k in 0..<600 {
            let doc = DocumentID(next(12))
            let sentence = SentenceID(document: doc, index: k)
            let value = values[next(values.count)]
            let x = TemporalExpression(
                sentence: sentence, span: TextSpan(0, 4), text: value, value: value, grain: value.count == 4 ? .year : .month)
            let actors = (0..<next(4)).map { _ in ActorRef(next(7)) }
            entries.append(TimelineEntry(expression: x, sentence: sentence, actors: Array(Set(actors)).sorted()))
        }
        let events = Timeline.group(entries)
        let position = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($0.element.sentence, $0.offset) })
        let made = events.map { $0.entries.map { position[$0.sentence]! } }
        let plain = Self.plainGroups(entries)
        #expect(made == plain)
        #expect(plain.count < entries.count / 2, "the entries should collide")
        #expect(plain.contains { $0.count > 2 })
    }

    @Test func sameDateAndSharedActorsAcrossDocumentsIsOneEvent() {
        let a = ActorFixtures.document("Seoul and Tokyo restored the pact on Nov. 12, 2020.", id: 0)
        let b = ActorFixtures.document("On Nov. 12, 2020, Japan said the pact was back.", id: 1)
        let c = ActorFixtures.document("On Nov. 12, 2020, Beijing held a parade.", id: 2)
        let t = timeline([a, b, c])
        #expect(t.events.count == 2)
        #expect(t.events[0].sourceCount == 2)
        #expect(t.events[0].documents == [DocumentID(0), DocumentID(1)])
        #expect(t.events[1].sourceCount == 1)
        #expect(t.events[1].documents == [DocumentID(2)])
    }

    @Test func differentPrecisionIsADifferentEvent() {
        let a = ActorFixtures.document("Seoul lifted the curbs in November 2020.", id: 0)
        let b = ActorFixtures.document("Seoul lifted the curbs on Nov. 12, 2020.", id: 1)
        #expect(timeline([a, b]).events.count == 2)
    }

    @Test func entriesWithoutActorsOnBothSidesGroup() {
        let a = ActorFixtures.document("The fishing season opened on 2 May 2019 in the bay.", id: 0)
        let b = ActorFixtures.document("Boats left harbour on 2 May 2019 at first light.", id: 1)
        let t = timeline([a, b])
        #expect(t.events.count == 1)
        #expect(t.events[0].sourceCount == 2)
    }

    @Test func oneDocumentTwiceIsTwoEvents() {
        let a = ActorFixtures.document("Seoul voted in 2019.", "Seoul protested again in 2019.", id: 0)
        let t = timeline([a])
        #expect(t.events.count == 2)
        #expect(t.events.allSatisfy { $0.sourceCount == 1 })
    }

    @Test func actorsWithoutOverlapStayApart() {
        let a = ActorFixtures.document("Seoul voted in 2019.", id: 0)
        let b = ActorFixtures.document("Beijing voted in 2019.", id: 1)
        #expect(timeline([a, b]).events.count == 2)
    }
}

@Suite struct TimelineOrderTests {
    @Test func coarseDatesSitAtTheStartOfTheirPeriod() {
        let doc = ActorFixtures.document(
            "Talks began on Jan. 1, 2020.", "Trade grew in 2020.", "Seoul reopened in January 2020.",
            "The plan ran from 2019 to 2021.", "Exports boomed in the 2010s.", "Prices fell on Dec. 31, 2019.", id: 0)
        let t = timeline([doc])
        #expect(t.events.map(\.value) == ["201X", "2019/2021", "2019-12-31", "2020", "2020-01", "2020-01-01"])
    }

    @Test func startOfARangeDecidesItsPlace() {
        let doc = ActorFixtures.document("The plan ran from 2015 to 2025.", "Trade grew in 2018.", id: 0)
        #expect(timeline([doc]).events.map(\.value) == ["2015/2025", "2018"])
    }
}

@Suite struct TimelineQueryTests {
    let docs = [
        ActorFixtures.document("Seoul and Tokyo met in 1965.", id: 0),
        ActorFixtures.document("Beijing and Seoul met in 1992.", id: 1),
        ActorFixtures.document("Tokyo hosted talks on March 3, 1992.", id: 2),
    ]

    @Test func filterByActor() {
        let t = timeline(docs)
        let a = ActorFixtures.analyze(docs)
        let jp = ActorRef(a.actors.firstIndex { $0.id == "jp" }!)
        #expect(t.events(involving: jp).map(\.value) == ["1965", "1992-03-03"])
    }

    @Test func filterByDatesKeepsOverlappingEvents() {
        let t = timeline(docs)
        let f = TimelineFilter(from: date("1992-02"), to: date("1992-03"))
        #expect(t.events(matching: f).map(\.value) == ["1992", "1992-03-03"])
        #expect(t.events(overlapping: date("1965").firstDay..<date("1966").firstDay).map(\.value) == ["1965"])
    }

    @Test func yearHistogramHasEveryYearBetween() {
        let bins = timeline(docs).histogram(per: .year)
        #expect(bins.count == 1992 - 1965 + 1)
        #expect(bins.first == TimelineBin(period: date("1965"), count: 1))
        #expect(bins.last == TimelineBin(period: date("1992"), count: 2))
        #expect(bins.dropFirst().dropLast().allSatisfy { $0.count == 0 })
    }

    @Test func monthHistogramLeavesOutYearOnlyEvents() {
        let bins = timeline(docs).histogram(per: .month)
        #expect(bins == [TimelineBin(period: date("1992-03"), count: 1)])
    }

    @Test func eventsOfADocumentAndOfASentence() {
        let t = timeline(docs)
        #expect(t.events(in: DocumentID(2)).map(\.value) == ["1992-03-03"])
        let i = t.eventIndex(for: SentenceID(document: DocumentID(1), index: 0))
        #expect(i.map { t.events[$0].value } == "1992")
    }
}

@Suite struct DateDisplayTests {
    @Test(arguments: [
        ("It began on Nov. 12, 2020.", "2020-11-12"),
        ("It began in early 2021.", "early 2021"),
        ("It began in the summer of 2019.", "summer 2019"),
        ("It began in the 1990s.", "1990s"),
        ("It ran from 2019 to 2025.", "2019–2025"),
        ("It ran on Feb. 27-28, 2019 in Hanoi.", "2019-02-27–28"),
        ("It ran from March to May 2020.", "2020-03–2020-05"),
        ("It grew since 2018.", "after 2018"),
        ("It began in the 20th century.", "1900s"),
    ])
    func readsAtItsPrecision(_ c: (String, String)) {
        #expect(tagDates(c.0).first?.displayDate == c.1)
    }

    @Test func weekAndWeekend() {
        #expect(tagDates("They met this week.", on: "2020-11-12").first?.displayDate == "week of 2020-11-09")
        #expect(tagDates("They met at the weekend.", on: "2020-11-12").first?.displayDate == "weekend of 2020-11-07")
    }
}

@Suite struct TimelineMetadataTests {
    @Test func publicationLinesAndDatelinesAreNotEvents() {
        let doc = ActorFixtures.document(
            [["Published: August 12, 2021"], ["SEOUL, Aug. 12 — Seoul said the hotline went silent on July 27."]], id: 0,
            date: date("2021-08-12"))
        let t = timeline([doc])
        #expect(t.entries.map(\.expression.value) == ["2021-07-27"])
        #expect(t.expressions.map(\.value) == ["2021-08-12", "2021-08-12", "2021-07-27"])
    }

    @Test func oneSentenceNamingOneDateTwiceIsOneEntry() {
        let doc = ActorFixtures.document("Envoys met in Beijing today, Nov. 12, 2020, for talks.", id: 0, date: date("2020-11-12"))
        #expect(timeline([doc]).entries.count == 1)
    }
}

@Suite struct TimelineHeadingTests {
    @Test func headingsAreNotEvents() {
        var doc = ActorFixtures.document([["Tokyo, 1965"], ["Seoul and Tokyo signed the basic treaty in 1965."]], id: 0)
        doc.paragraphs[0].kind = .heading
        let t = timeline([doc])
        #expect(t.entries.map(\.sentence.index) == [1])
        #expect(t.expressions.count == 2)
    }

    @Test func datedBylineIsMetadata() {
        let doc = ActorFixtures.document(
            [["By the harbour desk · April 27, 2023 · Source: notes"], ["The ferry sailed on April 26, 2023."]], id: 0)
        #expect(DocumentDater.date(of: doc)?.date == date("2023-04-27"))
        #expect(timeline([doc]).entries.map(\.expression.value) == ["2023-04-26"])
    }
}

@Suite struct TimelineLabelGrowthTests {
    /// A short clause at the end of a sentence grows leftwards over dashes and brackets.
    @Test(arguments: [
        "Ministers met at the harbour office — in 2019.",
        "Ministers met at the harbour office – in 2019.",
        "Ministers met at the harbour office (in 2019).",
        "Ministers met at the harbour office “in 2019”.",
        "—In 2019.",
        "— — — in 2019",
    ])
    func growsLeftwards(_ text: String) {
        let doc = ActorFixtures.document(text, id: 0)
        let label = timeline([doc]).entries.first?.label(in: doc) ?? ""
        #expect(label.contains("2019"))
        #expect(label.count <= 80)
    }

    @Test func grainsOrderFinestFirst() {
        let all: [TimeGrain] = [.day, .week, .month, .season, .quarter, .year, .decade, .century]
        #expect(TimeGrain.allCases == all)
        for (i, a) in all.enumerated() {
            for (j, b) in all.enumerated() { #expect((a < b) == (i < j), "\(a) < \(b)") }
        }
    }
}
