import Testing
@testable import Winnow

/// A dated line over a bare web address is a quoted article's source, not a comment byline.
@Suite struct SourceCitationTests {
    private func unmarked(_ lines: [String], bylines: [Int]) -> [Bool] {
        var separators = [Bool](repeating: false, count: lines.count)
        var reasons = [String?](repeating: nil, count: lines.count)
        for index in bylines {
            separators[index] = true
            reasons[index] = CommentThreadHeuristic.bylineReason
        }
        // The stage reads the lines' plain text, where an autolink is its address.
        SourceCitation.unmarkCitations(separators: &separators, reasons: &reasons, plainText: { InlineMarkup.plainText(lines[$0]) })
        return separators
    }

    @Test func bylineOverAddressIsACitation() {
        let lines = [
            "Thomas Erdbrink, New York Times, August 7, 2012",
            "http://www.nytimes.com/2012/08/08/world/middleeast/iran.html",
            "China Radio International, 2012-08-06",
            "<http://english.cri.cn/7146/2012/08/06/2702s715604.htm>",
        ]
        #expect(unmarked(lines, bylines: [0, 2]) == [false, false, false, false])
    }

    @Test func bylineOverCommentStays() {
        let lines = [
            "Jermaine 07 Nov 12",
            "Great post, http://example.com has more on this.",
            "Mark on March 3, 2013 at 9:14 pm",
            "www.example.com is my blog",
        ]
        #expect(unmarked(lines, bylines: [0, 2]) == [true, false, true, false])
    }

    @Test func otherSeparatorsStay() {
        var separators = [true, false]
        var reasons: [String?] = [CommentThreadHeuristic.headingReason, nil]
        SourceCitation.unmarkCitations(
            separators: &separators, reasons: &reasons, plainText: { ["3 Comments", "http://example.com/a"][$0] })
        #expect(separators == [true, false])
    }
}
