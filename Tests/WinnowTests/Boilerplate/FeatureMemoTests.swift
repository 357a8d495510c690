import Testing
@testable import Winnow

/// Lines measured before come from the extractor's memo (features and stopword hits kept
/// apart): every line, repeated or not, in whatever language the document is read in, gets
/// what measuring it afresh gives.
@Suite struct FeatureMemoTests {
    @Test func repeatedLinesGetTheirOwnMeasures() {
        var random = SplitMix(state: 0xFEA7_3E30)
        let index = StopwordIndex.shared
        let pieces = FeatureExtractorFusedTests.pieces.filter { !["*", "#", "_", "[", "]", "](", "!", "-", "+", "•"].contains($0) }
        // A small pool of lines, each drawn many times, so most rows are memo hits.
        let pool: [String] = (0..<40).map { _ in
            var text = "w"
            for _ in 0..<(1 + random.below(20)) { text += pieces[random.below(pieces.count)] }
            return text + "z"
        }
        for code in ["en", "de", "ru", "fr"] {
            let texts = (0..<400).map { _ in pool[random.below(pool.count)] }
            let blocks = texts.enumerated().map { row, text in
                Block(text: text, paragraph: row, origin: SourceSpan(line: row + 1, byteOffset: 0, byteLength: text.utf8.count))
            }
            let document = Document(id: "t", blocks: blocks, language: LanguageGuess(code: code, confidence: 1))
            let slot = index.slot(of: code) ?? 0
            for _ in 0..<2 {
                let lines = FeatureExtractor(index: index).features(of: document).lines
                for (row, text) in texts.enumerated() {
                    var utf8 = text
                    var (expected, hits) = utf8.withUTF8 { FeatureExtractorFusedTests.reference(UnsafeRawBufferPointer($0), index: index) }
                    expected.stopwords = Int(hits[slot])
                    #expect(lines[row] == expected, "\(text.debugDescription) in \(code)")
                    if lines[row] != expected { return }
                }
            }
        }
    }
}
