import Testing
@testable import Winnow

/// A short line ending with a calendar date is a dated byline; several after the article are
/// its comments' bylines.
@Suite struct DatedBylineHeuristicTests {
    static func isByline(_ text: String) -> Bool {
        DatedBylineHeuristic.isDatedByline(
            text, words: text.split(separator: " ").count, endsLikeSentence: text.hasSuffix(".") || text.hasSuffix("?"))
    }

    @Test func bylinesEndingWithADate() {
        #expect(Self.isByline("Jermaine 07 Nov 12"))
        #expect(Self.isByline("1. William Kirk - August 8, 2012"))
        #expect(Self.isByline("Mark 08-08-2012"))
        #expect(Self.isByline("Anna schrieb am 3. März 2012"))
        #expect(Self.isByline("Posted by Ann on 2012/03/14"))
    }

    @Test func otherLinesAreNotBylines() {
        #expect(!Self.isByline("Festival, 9-18 November, Leicester Square Theatre"))  // the date does not end it
        #expect(!Self.isByline("The vote was held on March 3, 2013."))  // a sentence
        #expect(!Self.isByline("Version 2.10 released"))
        #expect(!Self.isByline("Chapter 12"))  // no date
    }

    @Test func numericDates() {
        #expect(DatedBylineHeuristic.containsNumericDate("on 14.03.12"))
        #expect(DatedBylineHeuristic.containsNumericDate("2012-03-14"))
        #expect(!DatedBylineHeuristic.containsNumericDate("version 1.2.3"))
        #expect(!DatedBylineHeuristic.containsNumericDate("call 555-1234"))
    }

    @Test func needsSeveralAfterTheFirstProseLine() {
        var byline = LineFeatures()
        byline.words = 4
        var prose = LineFeatures()
        prose.words = 20
        let texts = ["Jo - May 3, 2013", "A long article line", "Ann - May 3, 2013", "Bo - May 4, 2013", "Cy - May 5, 2013"]
        let features = [byline, prose, byline, byline, byline]
        let classes: [BlockClass] = [.short, .good, .short, .short, .short]
        let found = DatedBylineHeuristic.bylines(
            features: features, classes: classes, separators: Array(repeating: false, count: 5), isDecided: { _ in false },
            text: { texts[$0] })
        #expect(found == [2, 3, 4])
        let decided = DatedBylineHeuristic.bylines(
            features: features, classes: classes, separators: Array(repeating: false, count: 5), isDecided: { $0 == 4 },
            text: { texts[$0] })
        #expect(decided.isEmpty)
    }
}
