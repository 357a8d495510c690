import Testing
@testable import Winnow

/// `LineFeatures` packed into two cache lines: every field reads back what was written, counts
/// saturate instead of trapping, and `LeadingWords` keeps its count beside its word fields.
@Suite struct LineFeaturesLayoutTests {
    @Test func fitsTwoCacheLines() {
        #expect(MemoryLayout<LineFeatures>.size <= 128)
        #expect(MemoryLayout<LeadingWords>.size <= 80)
    }

    @Test func everyFieldReadsBackWhatWasWritten() {
        var features = LineFeatures()
        features.words = 17
        features.stopwords = 5
        features.links = 3
        features.pipes = 4
        features.letteredWords = 12
        features.linkDensity = 0.25
        features.capitalisedShare = 0.5
        features.fingerprint = -42
        #expect(features.words == 17 && features.stopwords == 5 && features.links == 3)
        #expect(features.pipes == 4 && features.letteredWords == 12)
        #expect(features.linkDensity == 0.25 && features.capitalisedShare == 0.5 && features.fingerprint == -42)
        #expect(features.stopwordDensity == 5.0 / 17.0)

        let flags: [WritableKeyPath<LineFeatures, Bool>] = [
            \.endsLikeSentence, \.hasPipe, \.hasDigit, \.endsWithColon, \.isPlaceholder, \.hasTimeOfDay, \.repeatsPhrase,
        ]
        for (index, flag) in flags.enumerated() {
            var one = LineFeatures()
            one[keyPath: flag] = true
            // Only that flag is set, and clearing it gives back the empty features.
            for (other, otherFlag) in flags.enumerated() { #expect(one[keyPath: otherFlag] == (other == index)) }
            #expect(one != LineFeatures())
            one[keyPath: flag] = false
            #expect(one == LineFeatures())
        }
    }

    @Test func countsSaturateInsteadOfTrapping() {
        var features = LineFeatures()
        features.words = Int(Int32.max) + 10
        features.stopwords = -1
        #expect(features.words == Int(Int32.max))
        #expect(features.stopwords == -1)
    }

    @Test func leadingWordsKeepTheirCountAndNoFieldsPastTheLast() {
        let words: LeadingWords = ["comments", "12", "повідомлень"]
        #expect(words.count == 3)
        #expect(words.strings == ["comments", "12", "повідомлень"])
        #expect(words.isNumber(1))
        #expect(words.firstByte(3) == 0 && !words.isNumber(3))
        let two: LeadingWords = ["comments", "12"]
        #expect(two.count == 2)
        #expect(two != words)
        #expect(two == ["comments", "12"])
        #expect(LeadingWords().count == 0)
    }
}
