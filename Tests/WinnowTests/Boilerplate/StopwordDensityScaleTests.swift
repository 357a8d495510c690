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

    /// Korean attaches particles to words and Chinese news prose is terse: their paragraphs
    /// are judged by length and punctuation, and stay article between a menu and a footer.
    @Test(arguments: [
        "이번 실험에서는 참가자의 뇌가 만족감을 느낀 가장 주요한 요소가 번 돈의 상대적 액수였기 때문이다. 연구진은 앞으로 더 많은 참가자를 대상으로 같은 실험을 반복할 계획이라고 밝혔다.",
        "水利部当日启动防汛四级应急响应，要求各地加强水库、堤防巡查，做好人员转移准备。湖北、安徽、江苏等省份已陆续启动本地应急预案。",
    ])
    func paragraphsOfLanguagesWithUnreliableDensityAreKept(paragraph: String) throws {
        #expect(StopwordLists.densityIsUnreliable(for: "ko") && StopwordLists.densityIsUnreliable(for: "zh"))
        #expect(!StopwordLists.densityIsUnreliable(for: "ja") && !StopwordLists.densityIsUnreliable(for: "en"))
        let page = "Home | News | Sport | Culture | Contact\n\n\(paragraph)\n\nAbout | Privacy | Terms | Sitemap\n"
        #expect(try BoilerplateTestSupport.clean(page) == paragraph + "\n")
    }

    /// A page confidently in a language without a stopword list is judged by length and
    /// punctuation, not by the few words another language's list happens to share with it.
    @Test func aLanguageWithoutAListIsJudgedWithoutStopwords() throws {
        let paragraph = "Mbali na hizo, kuna taasisi nyingi zenye hadhi ya watazamaji katika jumuiya hii. Baadaye cheo cha sultani kilitumiwa kwa watawala wote wa pwani ya Afrika Mashariki kwa karne nyingi."
        let page = "Home | News | Sport | Culture | Contact\n\n\(paragraph)\n\nAbout | Privacy | Terms | Sitemap\n"
        #expect(try BoilerplateTestSupport.clean(page) == paragraph + "\n")
    }
}
