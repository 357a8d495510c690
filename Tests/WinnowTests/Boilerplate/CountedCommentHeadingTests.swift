import Testing
@testable import Winnow

/// "27 comments to <a long post title>" starts the comment thread; a count in a sentence or in
/// the post's meta line above the article does not.
@Suite struct CountedCommentHeadingTests {
    static let prose = [
        "The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.",
        "Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.",
    ]
    static let comment =
        "About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it after all the accidents."

    @Test func aCountedHeadingWithALongTitleStartsTheThread() throws {
        let page = (Self.prose + [
            "### 27 comments to Harbour Cycle Lane Approved After Long Debate: What Happens Next",
            Self.comment,
            Self.comment.replacingOccurrences(of: "About time too", with: "Finally"),
        ]).joined(separator: "\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept == Self.prose)
    }

    @Test func theShapeIsACountThenACommentWord() {
        func features(_ words: [String], count: Int) -> LineFeatures {
            var line = LineFeatures()
            line.words = count
            line.leadingWords = LeadingWords(words)
            return line
        }
        #expect(CountedCommentHeading.isCandidate(features(["40", "responses", "to", "how"], count: 16)))
        #expect(CountedCommentHeading.isCandidate(features(["12", "thoughts", "on", "the"], count: 10)))
        #expect(CountedCommentHeading.isCandidate(features(["3", "kommentare", "zu", "der"], count: 9)))
        // Short headings are CommentThreadHeuristic's; no count, no heading.
        #expect(!CountedCommentHeading.isCandidate(features(["27", "comments", "to", "it"], count: 5)))
        #expect(!CountedCommentHeading.isCandidate(features(["comments", "to", "the", "harbour"], count: 12)))
        #expect(!CountedCommentHeading.isCandidate(features(["27", "people", "came", "to"], count: 12)))
        #expect(CountedCommentHeading.endsAsHeading("40 Responses to “How the harbour lane was won”"))
        #expect(CountedCommentHeading.endsAsHeading("38 comments to What questions do you have?"))
        #expect(!CountedCommentHeading.endsAsHeading("40 responses came in before the deadline, the council said."))
    }

    @Test func aCountAboveTheArticleIsItsMetaLine() throws {
        let meta = "106 Comments Print Recipe Posted by Ann Lee in All Recipes"
        let page = (["Harbour Fish Pie", meta] + Self.prose).joined(separator: "\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains("Harbour Fish Pie"))
        #expect(kept.contains(Self.prose[0]))
    }
}
