import CTextScan
import Testing
@testable import Winnow

/// The C kernels of the language detector (`LanguageScan.c`) must collect exactly what the
/// Swift path collects, bit for bit, and must stay inside their buffers on any bytes.
@Suite struct LanguageScanTests {
    let scorer = LanguageScorer(model: LanguageModel.bundled, tuning: .standard)

    private func evidence(_ bytes: [UInt8], kernel: Bool, cache: WordScoreCache?) -> TextEvidence {
        EvidenceComparison.evidence(bytes, scorer: scorer, cache: cache, kernel: kernel)
    }

    private func expectSame(
        _ a: TextEvidence, _ b: TextEvidence, _ text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        EvidenceComparison.expectSame(a, b, text, sourceLocation: sourceLocation)
    }

    @Test func kernelsCollectWhatTheSwiftPathCollects() {
        // Words, chunk rules (URLs, e-mail, link targets, `www.`), every range the tokenizer
        // knows and some it does not (which send the text to the Swift path), marks after a
        // word and after nothing, a family switch inside a word, and words past 64 letters.
        let pieces = [
            "a", "B", "the", "Word", " ", "  ", "\n", "\t", ".", ",", "'", "-", "1", "é", "É", "ª", "µ", "º", "×", "÷",
            "\u{A0}", "«", "»", "ő", "Ő", "ș", "Ş", "İ", "Ÿ", "Ə", "ȁ", "\u{301}", "\u{308}", "д", "Ж", "Ё", "ї", "Ї",
            "’", "“", "—", "€", "\u{200D}", "ә", "α", "अ", "ب", "中", "🙂", "://", "@", "](", "www.", "WWW.",
            "http", ")", "[", String(repeating: "x", count: 70), String(repeating: "жa", count: 40), "ß", "ﬁ",
        ].map { Array($0.utf8) }
        var random = SplitMix(state: 2026)
        for round in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(40) { bytes += pieces[random.below(pieces.count)] }
            let cache = round % 2 == 0 ? WordScoreCache() : nil
            expectSame(evidence(bytes, kernel: true, cache: cache), evidence(bytes, kernel: false, cache: nil), bytes)
        }
    }

    @Test func warmCacheGivesTheColdSums() {
        let text = Array("the council agreed to repair the bridge; le conseil a voté, совет одобрил ремонт моста".utf8)
        let cache = WordScoreCache()
        let cold = evidence(text, kernel: true, cache: cache)
        let warm = evidence(text, kernel: true, cache: cache)
        expectSame(cold, warm, text)
        expectSame(cold, evidence(text, kernel: false, cache: nil), text)
    }

    /// Runs the tokenizer on raw bytes with buffers sized for them.
    private func tokenize(_ bytes: [UInt8], latin: Bool = true, cyrillic: Bool = true) -> (
        status: Int32, words: [[UInt32]], out: WinnowLangidWords
    ) {
        let words = TokenizedWords(largestPool: 1)
        var out = words.output
        let status = bytes.withUnsafeBufferPointer {
            winnow_langid_tokenize($0.baseAddress, Int64($0.count), latin ? 1 : 0, cyrillic ? 1 : 0, 3, &out)
        }
        let found = status == 1 ? (0..<Int(out.wordCount)).map { w in
            (0..<words.lengths[w]).map { words.letters[words.starts[w] + $0] }
        } : []
        return (status, found, out)
    }

    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func emptyAndBlankTextsHaveNoWords() {
        for text in ["", " ", "\n\t  ", "...", "12 34"] {
            let result = tokenize(Array(text.utf8))
            #expect(result.status == 1)
            #expect(result.words.isEmpty)
            #expect(result.out.letterCounts.0 == 0)
        }
    }

    @Test func wordsAreFoldedAndSplitAtChunkRules() {
        let result = tokenize(Array("Où ÉTÉ [Link](http://x.org) mail@x.org www.x.org Ёлка, İyi".utf8))
        #expect(result.status == 1)
        #expect(result.words == ["où", "été", "link", "ёлка", "iyi"].map(scalars))
        #expect(result.out.wordCounts.0 == 4)
        #expect(result.out.wordCounts.1 == 1)
    }

    /// IPA Extensions are Latin letters, as `ScriptFamily.of` says: Azerbaijani's ə (and its
    /// capital Ə, folded to it) stays inside its word.
    @Test func azerbaijaniSchwaIsALatinLetter() {
        let result = tokenize(Array("Məktəb ƏLA".utf8))
        #expect(result.status == 1)
        #expect(result.words == ["məktəb", "əla"].map(scalars))
        #expect(result.out.letterCounts.0 == 9)
    }

    @Test func aFamilyWithoutCandidatesOnlyCountsLetters() {
        let result = tokenize(Array("мир peace".utf8), latin: true, cyrillic: false)
        #expect(result.status == 1)
        #expect(result.words == [scalars("peace")])
        #expect(result.out.letterCounts.1 == 3)
    }

    @Test func veryLongWordsAreCutAt64Letters() {
        let result = tokenize(Array(String(repeating: "é", count: 300).utf8))
        #expect(result.status == 1)
        #expect(result.words.map(\.count) == [64])
        #expect(result.out.letterCounts.0 == 300)
        // 66 padded scalars: one word key, 64 3-grams, 63 4-grams, 62 5-grams.
        #expect(result.out.lookups.0.0 == 1)
        #expect(result.out.lookups.0.3 == 64)
        #expect(result.out.lookups.0.5 == 62)
    }

    @Test func otherScriptsAndInvalidBytesAreDeclined() {
        let declined: [[UInt8]] = [
            Array("word α".utf8), Array("слово 中文".utf8), Array("emoji 🙂".utf8), Array("ʰ".utf8),
            [0x61, 0x80, 0x62],  // a lone continuation byte
            [0x61, 0xC3],  // a sequence cut by the end of the text
            [0xC3, 0x20],  // ... or by a space
            [0xC0, 0xAF],  // an overlong encoding
            [0xED, 0xA0, 0x80],  // a surrogate
            [0xE2, 0x80],  // a three-byte sequence cut short
            [0xFF, 0xFE],
        ]
        for bytes in declined { #expect(tokenize(bytes).status == 0) }
    }

    @Test func tooSmallBuffersAreRefused() {
        let words = TokenizedWords(largestPool: 1)
        var out = words.output
        out.wordCapacity = 3
        let bytes = Array("four words in here".utf8)
        let status = bytes.withUnsafeBufferPointer {
            winnow_langid_tokenize($0.baseAddress, Int64($0.count), 1, 1, 3, &out)
        }
        #expect(status == -1)
        var empty = WinnowLangidWords()
        #expect(winnow_langid_tokenize(nil, 0, 1, 1, 3, &empty) == -1)
    }

    @Test func scoringRefusesWordsOutsideItsBuffers() {
        guard let model = LanguageModel.bundled else { return }
        var table = model.table.c
        let letters: [UInt32] = Array("word".unicodeScalars.map(\.value))
        let slotOf = [Int16](repeating: 0, count: model.languages.count)
        let contributions = [Float](repeating: 1, count: 6 * 256)
        var vector = [Float](repeating: 0, count: 4)
        func score(start: Int, length: Int, index: Int, pending: Int = 1) -> Int32 {
            let starts = [start]
            let lengths = [length]
            let keys: [UInt64] = [1]
            let indices = [index]
            return winnow_langid_score_words(
                &table, slotOf, Int64(slotOf.count), contributions, 3, letters, Int64(letters.count), starts,
                lengths, keys, pending, indices, 1, &vector, 4)
        }
        #expect(score(start: 0, length: 4, index: 0) == 0)
        #expect(score(start: 2, length: 4, index: 0) == -1)
        #expect(score(start: -1, length: 1, index: 0) == -1)
        #expect(score(start: 0, length: 4, index: 1) == -1)
        #expect(score(start: 0, length: 4, index: -1) == -1)
        var none = [Float]()
        #expect(
            winnow_langid_score_words(
                &table, slotOf, Int64(slotOf.count), contributions, 3, letters, 4, nil, nil, nil, 0, nil, 0, &none, 4)
                == 0)
    }
}
