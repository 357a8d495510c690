import Testing
@testable import Winnow

/// Stopword thresholds scaled by how much running text a language's list covers.
@Suite struct StopwordDensityScaleTests {
    @Test func englishIsTheReference() {
        #expect(StopwordLists.densityScale(for: "en") == 1)
        #expect(StopwordLists.densityScale(for: nil) == 1)
        #expect(StopwordLists.densityScale(for: "xx") == 1)
    }

    @Test func smallListsScaleDown() {
        // Ukrainian's list covers about a quarter of what English's does, German's about the same.
        #expect(StopwordLists.densityScale(for: "uk") < 0.4)
        #expect(StopwordLists.densityScale(for: "he") < 0.5)
        #expect(StopwordLists.densityScale(for: "de") > 0.85)
        for language in StopwordLists.languages {
            let scale = StopwordLists.densityScale(for: language)
            #expect(scale > 0 && scale <= 1, "\(language): \(scale)")
        }
    }

    @Test func proseOfALanguageWithASmallListIsGood() {
        // A 25-word line where 3 words are on the list: short for English thresholds, prose for
        // Ukrainian ones.
        var line = LineFeatures()
        line.words = 25
        line.stopwords = 3
        line.endsLikeSentence = true
        let english = HeuristicThresholds(mode: .balanced)
        #expect(BlockClass.classify(line, stopwordsUsable: true, english) == .short)
        var ukrainian = english
        let scale = StopwordLists.densityScale(for: "uk")
        ukrainian.stopwordsHigh *= scale
        ukrainian.stopwordsLow *= scale
        #expect(BlockClass.classify(line, stopwordsUsable: true, ukrainian) == .good)
    }
}
