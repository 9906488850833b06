import Testing
@testable import PolicyIndex

@Suite struct TextIndexTests {
    let texts: [[String]] = [
        ["North Korea fired a missile.", "The envoy met officials in Seoul."],
        ["Talks in the north stalled.", "Korea later proposed new talks."],
        ["The summit in Hanoi ended early.", "~Leave a reply about North Korea below."],
        ["Korean and Korea-watchers agreed.", "Seoul's envoy spoke of North Korea twice; North Korea replied."],
    ]

    @Test func countsTokensTermsAndFrequencies() {
        let index = Fixture.index(texts)
        let expectedTokens = texts.flatMap { $0 }.reduce(0) { $0 + Tokenizer.terms(in: $1).count }
        #expect(index.tokenCount == expectedTokens)
        #expect(index.contentTokenCount == expectedTokens - Tokenizer.terms(in: "Leave a reply about North Korea below.").count)
        #expect(index.distinctTerms == Set(texts.flatMap { $0 }.flatMap { Tokenizer.terms(in: $0) }).count)
        #expect(index.documentFrequency(of: "korea") == 4)
        #expect(index.documentFrequency(of: "envoy") == 2)
        #expect(index.documentFrequency(of: "absent") == 0)
    }

    @Test func phraseNeedsAdjacentWordsInOneSentence() throws {
        let index = Fixture.index(texts)
        let docs = try index.search("\"north korea\"").map(\.document.index)
        // d1 has "north." then "Korea" in the next sentence; d2 only in boilerplate.
        #expect(Set(docs) == [0, 3])
    }

    @Test func boilerplateIsIgnoredUnlessAsked() throws {
        let index = Fixture.index(texts)
        #expect(try index.search("reply").isEmpty)
        let hits = try index.search("reply", options: SearchOptions(includeBoilerplate: true))
        #expect(hits.map(\.sentence.description) == ["d2:s1"])
    }

    @Test func boilerplateOccurrencesCountOnlyWhenAsked() throws {
        let index = Fixture.index([
            ["Korea and Korea again.", "~Korea, Korea, Korea forums."],
            ["Korea.", "Korea twice."],
        ])
        // Content only: both documents hold "korea" twice; the shorter one wins.
        let content = try index.search("korea")
        #expect(content.map(\.document.index) == [1, 0])
        // With boilerplate, d0 holds it five times and moves ahead.
        let all = try index.search("korea", options: SearchOptions(includeBoilerplate: true))
        #expect(all.map(\.document.index) == [0, 1])
        #expect(try index.search("\"korea forums\"").isEmpty)
        #expect(try index.search("\"korea forums\"", options: SearchOptions(includeBoilerplate: true)).map(\.sentence.description) == ["d0:s1"])
        // Marks never point into boilerplate by default.
        let spans = index.matches(of: try Query("korea"), in: DocumentID(0))
        #expect(spans.count == 2)
        #expect(spans.allSatisfy { $0.end <= 22 })
    }

    @Test func hyphenatedQueryWordIsAPhrase() throws {
        let index = Fixture.index(texts)
        #expect(try index.search("Korea-watchers").map(\.document.index) == [3])
        #expect(try index.search("korea watchers").map(\.document.index) == [3])
    }

    @Test func prefixMatchesEveryExpansion() throws {
        let index = Fixture.index(texts)
        let docs = Fixture.documents(texts)
        let hits = try index.search("kore*")
        #expect(Set(hits.map(\.document.index)) == [0, 1, 3])
        let d3 = try #require(hits.first { $0.document.index == 3 })
        #expect(Fixture.matched(d3, in: docs).contains("Korean"))
    }

    @Test func booleanOperators() throws {
        let index = Fixture.index(texts)
        func docs(_ q: String) throws -> Set<Int> { Set(try index.search(q).map(\.document.index)) }
        #expect(try docs("envoy seoul") == [0, 3])
        #expect(try docs("hanoi OR stalled") == [1, 2])
        #expect(try docs("hanoi | stalled") == [1, 2])
        #expect(try docs("korea -envoy") == [1])
        #expect(try docs("(hanoi OR envoy) -missile") == [2, 3])
        #expect(try docs("korea NOT (envoy OR talks)") == [])
    }

    @Test func hitIsTheSentenceWhereTheTermsMeet() throws {
        let docs = Fixture.documents([
            ["The budget passed.", "Tariffs rose.", "The budget cut tariffs on steel.", "Steel prices fell."]
        ])
        let index = TextIndex(documents: docs)
        let hit = try #require(try index.search("budget tariffs").first)
        #expect(hit.sentence.description == "d0:s2")
        #expect(Fixture.matched(hit, in: docs) == ["budget", "tariffs"])
    }

    @Test func phraseMatchIsOneSpan() throws {
        let docs = Fixture.documents(texts)
        let index = TextIndex(documents: docs)
        let hit = try #require(try index.search("\"north korea\" missile").first)
        #expect(Fixture.matched(hit, in: docs) == ["North Korea", "missile"])
    }

    @Test func rankingPrefersMoreOccurrencesAndShorterDocuments() throws {
        let index = Fixture.index([
            ["A long report on trade with many other words about various topics and issues here."],
            ["Trade, trade and more trade."],
            ["Trade news."],
            ["Nothing relevant at all."],
        ])
        let order = try index.search("trade").map(\.document.index)
        #expect(order == [1, 2, 0])
        let scores = try index.search("trade").map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(scores.allSatisfy { $0 > 0 })
    }

    @Test func equalScoresKeepDocumentOrder() throws {
        let index = Fixture.index((0..<30).map { _ in ["Same words in every document."] })
        let hits = try index.search("words", limit: 30)
        #expect(hits.map(\.document.index) == Array(0..<30))
        #expect(try index.search("words", limit: 5).map(\.document.index) == Array(0..<5))
    }

    @Test func limitAndTotal() throws {
        let index = Fixture.index(texts)
        let results = index.search(try Query("korea"), limit: 2)
        #expect(results.hits.count == 2)
        #expect(results.totalDocuments == 3)
        #expect(try index.search("korea", limit: 0).isEmpty)
    }

    @Test func prefixMatchesAreMarkedInTheReader() throws {
        let docs = Fixture.documents([["Sanctions and sanctioned firms.", "No match here.", "A sanctioning body."]])
        let index = TextIndex(documents: docs)
        let spans = index.matches(of: try Query("sanction*"), in: DocumentID(0))
        #expect(spans.map { String(docs[0].text($0)) } == ["Sanctions", "sanctioned", "sanctioning"])
    }

    @Test func unknownTermsMatchNothing() throws {
        let index = Fixture.index(texts)
        #expect(try index.search("zeppelin").isEmpty)
        #expect(try index.search("\"korea zeppelin\"").isEmpty)
        #expect(try index.search("zep*").isEmpty)
    }

    @Test func parallelAndSerialBuildsAgree() throws {
        let docs = Fixture.generated(300)
        let serial = TextIndex(documents: docs, parallelism: 1)
        let parallel = TextIndex(documents: docs, parallelism: 2)
        #expect(parallel.segments.count > 1)
        for q in ["korea", "\"north korea\"", "trade -tariff", "sanct* OR ceasefire", "summit talks envoy"] {
            let a = try serial.search(q, limit: 50)
            let b = try parallel.search(q, limit: 50)
            #expect(a == b, "query \(q)")
            #expect(!a.isEmpty, "query \(q)")
        }
        #expect(serial.distinctTerms == parallel.distinctTerms)
        #expect(serial.tokenCount == parallel.tokenCount)
    }

    @Test func phraseAgreesWithAScanOfTheText() throws {
        let docs = Fixture.generated(200)
        let index = TextIndex(documents: docs)
        for (a, b) in [("north", "korea"), ("trade", "talks"), ("security", "council")] {
            let expected = docs.filter { d in
                d.sentences.contains { s in
                    let t = Tokenizer.terms(in: String(d.text(s.span)))
                    return zip(t, t.dropFirst()).contains { $0 == a && $1 == b }
                }
            }.map(\.id.index)
            let found = try index.search("\"\(a) \(b)\"", limit: 1000).map(\.document.index).sorted()
            #expect(found == expected)
        }
    }

    /// Two-word phrases take their own one-pass merge: its documents and counts
    /// must equal a count of adjacent words in each sentence, with and without
    /// boilerplate (every third sentence here), for common and rare pairs alike.
    @Test func twoWordPhrasesCountAsAScanOfTheSentences() {
        let docs = Fixture.generated(150).map { d in
            Fixture.document(d.id.index, d.sentences.enumerated().map { k, s in (k % 3 == 2 ? "~" : "") + String(d.text(s.span)) })
        }
        let index = TextIndex(documents: docs)
        let pairs = [("north", "korea"), ("the", "absent"), ("minister", "minister"), ("trade", "talks"), ("envoy", "summit")]
        for (a, b) in pairs {
            for boilerplate in [false, true] {
                var expected: [(UInt32, UInt32)] = []
                for d in docs {
                    var tf: UInt32 = 0
                    for s in d.sentences where boilerplate || !s.isBoilerplate {
                        let t = Tokenizer.terms(in: String(d.text(s.span)))
                        tf += UInt32(zip(t, t.dropFirst()).filter { $0 == a && $1 == b }.count)
                    }
                    if tf > 0 { expected.append((UInt32(d.id.index), tf)) }
                }
                let leaf = PhraseMatcher(index: index, terms: [a, b], includeBoilerplate: boilerplate).run()
                #expect(leaf.docs == expected.map(\.0), "\(a) \(b), boilerplate \(boilerplate)")
                #expect(leaf.tf == expected.map(\.1), "\(a) \(b), boilerplate \(boilerplate)")
            }
        }
    }

    /// A lone phrase is ranked with `RankBound`: documents that cannot reach the
    /// top are only checked for a match. The hits, their scores and sentences,
    /// and the total must be what the full count gives; `X OR X` is the same
    /// query without the shortcut.
    @Test func aLonePhraseRanksAsWithFullCounts() throws {
        let docs = Fixture.generated(300).map { d in
            Fixture.document(d.id.index, d.sentences.enumerated().map { k, s in (k % 4 == 3 ? "~" : "") + String(d.text(s.span)) })
        }
        let index = TextIndex(documents: docs)
        var pruned = 0
        for phrase in ["north korea", "trade talks", "minister minister", "security council agreement", "the absent", "korea"] {
            let q = "\"\(phrase)\""
            let twice = try Query("\(q) OR \(q)")
            if phrase.contains(" ") { #expect(!{ if case .phrase = twice.root { return true } else { return false } }()) }
            for boilerplate in [false, true] {
                let options = SearchOptions(includeBoilerplate: boilerplate)
                for limit in [1, 3, 10, 1000] {
                    let fast = index.search(try Query(q), limit: limit, options: options)
                    let full = index.search(twice, limit: limit, options: options)
                    #expect(fast.totalDocuments == full.totalDocuments, "\(q) limit \(limit)")
                    #expect(fast.hits == full.hits, "\(q) limit \(limit), boilerplate \(boilerplate)")
                }
                // The shortcut must really skip counts, or this test proves nothing.
                let terms = phrase.split(separator: " ").map(String.init)
                guard terms.count > 1 else { continue }
                let all = PhraseMatcher(index: index, terms: terms, includeBoilerplate: boilerplate).run()
                var bounded = PhraseMatcher(index: index, terms: terms, includeBoilerplate: boilerplate)
                bounded.bound = RankBound(limit: 1, lengths: boilerplate ? index.lengthAll : index.lengthContent,
                    average: boilerplate ? index.averageLengthAll : index.averageLengthContent)
                let some = bounded.run()
                #expect(some.docs == all.docs)
                pruned += zip(some.tf, all.tf).filter { $0 != $1 }.count
            }
        }
        #expect(pruned > 0)
    }

    @Test func phraseMatchingIsTheSameOnOneOrManyThreads() {
        let index = TextIndex(documents: Fixture.generated(300), parallelism: 2)
        for terms in [["north", "korea"], ["trade", "talks", "summit"], ["the", "absent"]] {
            let serial = PhraseMatcher(index: index, terms: terms, includeBoilerplate: false, parallelWork: .max).run()
            let parallel = PhraseMatcher(index: index, terms: terms, includeBoilerplate: false, parallelWork: 0).run()
            #expect(serial.docs == parallel.docs)
            #expect(serial.tf == parallel.tf)
        }
    }

    @Test func allMatchesInOneDocument() throws {
        let docs = Fixture.documents(texts)
        let index = TextIndex(documents: docs)
        let spans = index.matches(of: try Query("\"north korea\" OR envoy"), in: DocumentID(3))
        #expect(spans.map { String(docs[3].text($0)) } == ["envoy", "North Korea", "North Korea"])
        #expect(spans == spans.sorted())
        #expect(index.matches(of: try Query("hanoi"), in: DocumentID(3)).isEmpty)
    }

    @Test func emptyCorpusAndEmptyDocuments() throws {
        let empty = TextIndex(documents: [])
        #expect(try empty.search("anything").isEmpty)
        #expect(empty.distinctTerms == 0)
        let index = TextIndex(documents: [Fixture.document(0, []), Fixture.document(1, ["Only one."])])
        #expect(try index.search("one").map(\.sentence.description) == ["d1:s0"])
    }
}
