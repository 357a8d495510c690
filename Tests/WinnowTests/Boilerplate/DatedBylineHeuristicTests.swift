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
        // An embedded post's attribution names its author by handle: the article's quote.
        #expect(!Self.isByline("\u{2014} Peter Wittkamp (@diktator) 25. September 2018"))
        #expect(!Self.isByline("\u{2014} Jani (@januzkii) November 6, 2012"))
    }

    /// The byte path for lines whose letters and digits are ASCII decides as the `Character`
    /// path does, and leaves every other line to it.
    @Test func bytePathAgreesWithCharacterPath() {
        let lines = [
            "Jermaine 07 Nov 12", "1. William Kirk - August 8, 2012", "Mark 08-08-2012", "Posted by Ann on 2012/03/14",
            "Festival, 9-18 November, Leicester Square Theatre", "Version 2.10 released", "Chapter 12",
            "Sam \u{2013} 3rd June 2012", "Sam \u{2014} June 3rd, 2012 \u{2026}", "\u{201C}Anna\u{201D}\u{00A0}12 Jan 2013",
            "Tom \u{2022} 14.03.12", "by Lee \u{00B7} May 2014 \u{00BB}", "Jo \u{00A9} 2012", "item 12th", "item 12TH",
            "item 12ab", "x 00", "x 32", "x 1899", "x 2099", "x 12345", "Sept 2012 | May 5", "",
        ]
        for line in lines {
            let bytes = DatedBylineHeuristic.isASCIIDatedByline(line)
            #expect(bytes != nil, "\(line)")
            #expect(bytes == DatedBylineHeuristic.hasDatedBylineEnding(line), "\(line)")
        }
        // Letters outside ASCII, superscript digits and combining marks go the Character way.
        // Also when the line does not end with a day or a year: the byte path gives no answer.
        for line in ["José went home", "Ann went to Zürich", "José 07 Nov 12", "Ann 3. März 2012", "x 2\u{00B2}", "Ann 12 Jan 2013\u{0301}", "Ann\u{200D} 12 Jan 2013"] {
            #expect(DatedBylineHeuristic.isASCIIDatedByline(line) == nil, "\(line)")
        }
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
