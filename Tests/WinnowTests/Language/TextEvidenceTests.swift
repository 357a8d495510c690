import Testing
@testable import Winnow

/// The one-pass evidence the detector reads each line into, and the paragraph guesses built
/// from it.
@Suite struct TextEvidenceTests {
    let scorer = LanguageScorer(model: LanguageModel.bundled, tuning: .standard)

    private func collect(_ text: String, into evidence: TextEvidence, scratch: EvidenceScratch, cache: WordScoreCache?) {
        var text = text
        text.withUTF8 { scorer.collect($0, into: evidence, cache: cache, scratch: scratch) }
    }

    @Test func countsLettersOfEveryScriptAndWordsOfEverySharedScript() {
        let scratch = EvidenceScratch(poolSizes: scorer.poolSizes)
        let evidence = TextEvidence(poolSizes: scorer.poolSizes)
        collect("Moscow — Москва, 2024: हिन्दी https://example.com/москва", into: evidence, scratch: scratch, cache: nil)
        #expect(evidence.letterCounts[Int(ScriptFamily.latin.rawValue)] == 6)
        #expect(evidence.letterCounts[Int(ScriptFamily.cyrillic.rawValue)] == 6)  // not the URL's
        #expect(evidence.words[0] == 1)  // Latin
        #expect(evidence.words[1] == 1)  // Cyrillic
        #expect(evidence.words[3] == 1)  // Devanagari (marks continue the word)
    }

    /// ASCII scalars take a fast path in `collect`; they must read exactly as the general path
    /// reads them: folded to lower case, ending a word at any non-letter, and joining non-ASCII
    /// Latin letters in the same word.
    @Test func asciiLettersReadLikeTheGeneralPath() {
        let scratch = EvidenceScratch(poolSizes: scorer.poolSizes)
        let upper = TextEvidence(poolSizes: scorer.poolSizes)
        let lower = TextEvidence(poolSizes: scorer.poolSizes)
        collect("The CAFÉ Opened Its Doors", into: upper, scratch: scratch, cache: nil)
        collect("the café opened its doors", into: lower, scratch: scratch, cache: nil)
        #expect(Array(upper.scores(0)) == Array(lower.scores(0)))
        #expect(upper.words[0] == 5)
        let mixed = TextEvidence(poolSizes: scorer.poolSizes)
        collect("don't a1b x_y abcабв", into: mixed, scratch: scratch, cache: nil)
        #expect(mixed.letterCounts[Int(ScriptFamily.latin.rawValue)] == 11)
        #expect(mixed.words[0] == 7)  // don, t, a, b, x, y, abc
        #expect(mixed.words[1] == 1)  // абв
    }

    @Test func evidenceOfLinesAddsUpToTheJoinedText() {
        let scratch = EvidenceScratch(poolSizes: scorer.poolSizes)
        let lines = [
            "The council agreed to repair the old bridge",
            "before the winter, which residents had requested.",
        ]
        let sum = TextEvidence(poolSizes: scorer.poolSizes)
        let line = TextEvidence(poolSizes: scorer.poolSizes)
        for text in lines {
            collect(text, into: line, scratch: scratch, cache: nil)
            sum.add(line)
        }
        let joined = TextEvidence(poolSizes: scorer.poolSizes)
        collect(lines.joined(separator: "\n"), into: joined, scratch: scratch, cache: nil)
        #expect(Array(sum.letterCounts) == Array(joined.letterCounts))
        #expect(Array(sum.words) == Array(joined.words))
        #expect(Array(sum.lookups(0)) == Array(joined.lookups(0)))
        for (a, b) in zip(sum.scores(0), joined.scores(0)) {
            #expect(abs(a - b) <= 1e-3 * max(1, abs(b)))  // only the order of the additions differs
        }
        #expect(scorer.outcome(of: sum).ranked.first?.code == "en")
    }

    @Test func cachedWordsAddWhatALookupAdds() {
        let scratch = EvidenceScratch(poolSizes: scorer.poolSizes)
        let cache = WordScoreCache()
        let text = "Le conseil municipal a décidé hier de rénover le vieux pont pendant l'été."
        let cold = TextEvidence(poolSizes: scorer.poolSizes)
        let warm = TextEvidence(poolSizes: scorer.poolSizes)
        let uncached = TextEvidence(poolSizes: scorer.poolSizes)
        collect(text, into: cold, scratch: scratch, cache: cache)
        collect(text, into: warm, scratch: scratch, cache: cache)
        collect(text, into: uncached, scratch: scratch, cache: nil)
        #expect(Array(cold.scores(0)) == Array(warm.scores(0)))
        #expect(Array(cold.scores(0)) == Array(uncached.scores(0)))
        #expect(scorer.outcome(of: warm).ranked.first?.code == "fr")
    }

    @Test func aRepeatedParagraphGetsTheSameGuessesAsItsFirstCopy() throws {
        let detector = LanguageDetector()
        let paragraph: [(String, BlockKind)] = [
            ("The committee will publish its final report", .paragraph),
            ("next spring, after the public consultation that ran for most of the year,", .paragraph),
            ("and the members will then vote on whether the plan goes ahead.", .paragraph),
            ("Der Ausschuss veröffentlicht seinen Bericht im Frühjahr.", .paragraph),
            ("ok", .paragraph),
        ]
        var blocks: [Block] = []
        var line = 1
        for copy in 0..<2 {
            for (text, kind) in paragraph {
                blocks.append(Block(text: text, kind: kind, paragraph: copy, origin: SourceSpan(line: line, byteOffset: 0, byteLength: 0)))
                line += 1
            }
        }
        var document = Document(id: "repeat", blocks: blocks)
        try detector.process(&document)
        let first = document.blocks[0..<5].map(\.language)
        let second = document.blocks[5..<10].map(\.language)
        #expect(first == second)
        #expect(first[0]?.code == "en")
        #expect(first[3]?.code == "de")  // a clearly foreign line keeps its own guess
        #expect(first[4] == first[0])  // a short line takes the paragraph's
        // A fresh detector (nothing remembered) agrees.
        var again = Document(id: "again", blocks: Array(blocks[5..<10]))
        try LanguageDetector().process(&again)
        #expect(again.blocks.map(\.language) == second)
    }
}

/// `collect` takes runs of ASCII letters at once; on any text it must collect exactly what it
/// collects scalar by scalar.
@Suite struct AsciiRunTests {
    let scorer = LanguageScorer(model: LanguageModel.bundled, tuning: .standard)

    private func evidence(_ bytes: [UInt8], asciiRuns: Bool, cache: WordScoreCache?) -> TextEvidence {
        EvidenceComparison.evidence(bytes, scorer: scorer, cache: cache, asciiRuns: asciiRuns, kernel: false)
    }

    @Test func runsCollectWhatScalarsCollect() {
        // Pieces that exercise words, chunk cuts (URLs, e-mail, link targets), other scripts,
        // marks, and words longer than the accumulator keeps.
        let pieces = [
            "a", "B", "the", "Word", " ", "  ", "\n", "\t", ".", ",", "'", "-", "1", "é", "É", "д", "Ж", "अ", "ि", "ب",
            "ק", "中", "://", "@", "](", "www.", "http", ")", "[", String(repeating: "x", count: 70),
            String(repeating: "ab", count: 40), "ß", "ﬁ",
        ].map { Array($0.utf8) }
        var random = SplitMix(state: 42)
        for round in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(40) { bytes += pieces[random.below(pieces.count)] }
            let cache = round % 2 == 0 ? WordScoreCache() : nil
            let fast = evidence(bytes, asciiRuns: true, cache: cache)
            let slow = evidence(bytes, asciiRuns: false, cache: nil)
            EvidenceComparison.expectSame(fast, slow, bytes)
        }
    }
}

/// `flush` looks up a batch's missed words three stages at a time and adds every word's vector
/// in text order: a cold run, a warm run (every word cached) and an uncached run must agree
/// bit for bit, over batches of many words with repeats.
@Suite struct StagedLookupTests {
    let scorer = LanguageScorer(model: LanguageModel.bundled, tuning: .standard)

    @Test func coldWarmAndUncachedRunsAgree() {
        let vocabulary = [
            "the", "council", "agreed", "repair", "bridge", "le", "conseil", "pont", "der", "rat", "brücke", "el",
            "consejo", "puente", "совет", "мост", "hlasoval", "zapłacić", "fjárhagsáætlun", "a", "i", "xyzzy",
        ]
        var random = SplitMix(state: 3)
        for _ in 0..<200 {
            let text = (0..<(1 + random.below(150))).map { _ in vocabulary[random.below(vocabulary.count)] }
                .joined(separator: " ")
            let scratch = EvidenceScratch(poolSizes: scorer.poolSizes)
            let cache = WordScoreCache()
            var runs: [TextEvidence] = []
            for cached in [true, true, false] {
                let evidence = TextEvidence(poolSizes: scorer.poolSizes)
                var text = text
                text.withUTF8 { scorer.collect($0, into: evidence, cache: cached ? cache : nil, scratch: scratch) }
                runs.append(evidence)
            }
            for f in 0..<TextEvidence.sharedFamilyCount {
                #expect(runs[0].scores(f).map(\.bitPattern) == runs[1].scores(f).map(\.bitPattern))
                #expect(runs[0].scores(f).map(\.bitPattern) == runs[2].scores(f).map(\.bitPattern))
            }
        }
    }
}
