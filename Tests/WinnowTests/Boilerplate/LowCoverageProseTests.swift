import Testing
@testable import Winnow

/// In a language whose stopword list covers little of its prose (Turkish, Ukrainian, Latvian…),
/// a long sentence without listed words is still prose.
@Suite struct LowCoverageProseTests {
    static func line(words: Int, stopwords: Int, sentence: Bool) -> LineFeatures {
        var features = LineFeatures()
        features.words = words
        features.stopwords = stopwords
        features.endsLikeSentence = sentence
        return features
    }

    @Test func longSentenceIsProseWhereTheListCoversLittle() {
        var t = HeuristicThresholds(mode: .balanced)
        t.stopwordsHigh *= 0.256
        t.stopwordsLow *= 0.256
        #expect(BlockClass.classify(Self.line(words: 17, stopwords: 0, sentence: true), stopwordsUsable: true, t) == .nearGood)
        // Without a sentence ending it is no prose (a headline, a list of names).
        #expect(BlockClass.classify(Self.line(words: 17, stopwords: 0, sentence: false), stopwordsUsable: true, t) == .short)
    }

    @Test func englishStillNeedsItsStopwords() {
        let t = HeuristicThresholds(mode: .balanced)
        #expect(BlockClass.classify(Self.line(words: 17, stopwords: 0, sentence: true), stopwordsUsable: true, t) == .short)
    }

    @Test func turkishStorySurvivesAFollowLineBetweenItsParagraphs() throws {
        let text = """
            Belediye meclisi salı akşamı, belediye binasında dört saatten fazla süren tartışmaların ardından yeni bisiklet yolu planını onayladı.

            Ulaşım müdürüne göre plan yaklaşık on iki milyon avroya mal olacak ve bunun büyük kısmı Avrupa fonlarından karşılanacak.

            Bizi Twitter'da takip edin

            Muhalefet takvimi eleştirdi ve çalışmalar başlamadan önce halkın görüşünün alınmasını istedi. İnşaatın sonbaharda şehrin kuzey mahallelerinde başlaması bekleniyor.

            Şehir merkezindeki esnaf ikiye bölündü. Bazıları planı memnuniyetle karşılarken, diğerleri park yerlerinin azalmasının sürücüleri uzaklaştıracağından endişe ediyor.
            """
        let clean = try BoilerplateTestSupport.clean(text)
        #expect(clean.contains("Şehir merkezindeki esnaf ikiye bölündü."))
    }
}
