import Testing
@testable import Winnow

/// The byte paths of the date and word tests (for text whose letters are ASCII) answer as
/// the `Character` paths do, and leave every other text to them.
@Suite struct DatePathTests {
    static let pieces = [
        " ", " ", " ", "Jan", "march", "MAY", "Sept", "12", "3", "2012", "1899", "8th", "1ST", "2nd", "23rd", "12ab", "00", "32",
        "/", ".", "-", ",", ":", "|", "Ann", "x", "on", "at", "\u{2013}", "\u{2014}", "\u{2026}", "\u{00A0}", "\u{00A9}", "\u{00BB}",
        "é", "März", "\u{00B2}", "\u{0301}", "\u{200D}", "日本", "\t", "\r\n", "\n", "'", "Reply", "14.03.12", "2012-03-14",
    ]

    @Test func containsDateAgreesWithTheCharacterPath() {
        var random = SplitMix(state: 0xDA7E_0001)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<random.below(12) { text += Self.pieces[random.below(Self.pieces.count)] }
            #expect(DatedBylineHeuristic.containsDate(text) == DatedBylineHeuristic.containsDateByCharacter(text), "\(text.debugDescription)")
            for minimum in [0, 1, 3, 8] {
                let substring = text[...]
                #expect(InlineCommentByline.textWordsReach(minimum, in: substring)
                    == InlineCommentByline.textWordsReachByCharacter(minimum, in: substring), "\(text.debugDescription)")
            }
        }
    }
}
