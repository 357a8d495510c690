import Testing
@testable import Winnow

/// Comment headings are found by their words, with a count before them and punctuation glued
/// to them.
@Suite struct CommentThreadHeuristicTests {
    static let t = HeuristicThresholds(mode: .balanced)

    static func reason(_ leading: [String], words: Int) -> String? {
        var line = LineFeatures()
        line.words = words
        line.leadingWords = leading
        return CommentThreadHeuristic.separatorReason(line, t)
    }

    @Test func aHeadingWordWithGluedPunctuationIsAHeading() {
        #expect(Self.reason(["43", "comments…", "read", "them"], words: 8) == CommentThreadHeuristic.headingReason)
        #expect(Self.reason(["comments»"], words: 1) == CommentThreadHeuristic.headingReason)
        #expect(Self.reason(["leave", "a…", "reply"], words: 3) != nil)
    }

    @Test func otherWordsAreNotHeadings() {
        #expect(Self.reason(["commentary…", "on", "the", "vote"], words: 4) == nil)
        #expect(Self.reason(["the", "comments"], words: 2) == nil)
    }

    @Test func trailingPunctuationIsDropped() {
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("comments…") == "comments")
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("kommentare»") == "kommentare")
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("commentaires") == "commentaires")
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("répondre") == "répondre")
    }
}
