import Testing
@testable import Winnow

/// A line is judged by its own language's stopword thresholds when the detector is sure of it.
@Suite struct LineThresholdsTests {
    static func block(_ code: String?, confidence: Double = 0.99) -> Block {
        var block = Block(text: "line", kind: .paragraph, paragraph: 0, origin: SourceSpan(line: 1, byteOffset: 0, byteLength: 4))
        if let code { block.language = LanguageGuess(code: code, confidence: confidence, alternatives: []) }
        return block
    }

    @Test func ownLanguageThresholds() {
        let base = HeuristicThresholds(mode: .balanced)
        let blocks = [Self.block("tr"), Self.block("tr", confidence: 0.3), Self.block("en"), Self.block(nil), Self.block("ko")]
        var lines = LineThresholds(blocks: blocks, page: "en", base: base)
        let page = (thresholds: base, stopwordsUsable: true)
        // Turkish's list covers less of its prose than English's: lower thresholds.
        let turkish = lines.of(0, page)
        #expect(turkish.thresholds.stopwordsLow < base.stopwordsLow)
        #expect(turkish.thresholds.stopwordsLow == base.stopwordsLow * StopwordLists.densityScale(for: "tr"))
        #expect(turkish.stopwordsUsable)
        // An unsure guess, the page's language or none: the page's.
        for index in 1...3 { #expect(lines.of(index, page).thresholds.stopwordsLow == base.stopwordsLow) }
        // Korean is judged without stopwords.
        #expect(!lines.of(4, page).stopwordsUsable)
    }
}
