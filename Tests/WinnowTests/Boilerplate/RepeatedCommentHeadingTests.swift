import Testing
@testable import Winnow

/// A comment count printed under the byline and again above the thread: the first copy is the
/// post's meta line, the second starts the thread.
@Suite struct RepeatedCommentHeadingTests {
    static let prose = [
        "The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.",
        "Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.",
    ]
    static let comment =
        "About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it after all the accidents."

    @Test func theFirstCopyAboveTheArticleIsTakenBack() {
        var line = LineFeatures()
        line.words = 2
        line.leadingWords = ["4", "comments"]
        line.fingerprint = 42
        var reply = LineFeatures()
        reply.words = 1
        reply.leadingWords = ["reply"]
        reply.fingerprint = 7
        let reason = CommentThreadHeuristic.headingReason
        // Lines: 0 "4 Comments", 1 prose, 2 "Reply", 3 "Reply", 4 "4 Comments".
        var separators = [true, false, true, true, true]
        var reasons: [String?] = [reason, nil, reason, reason, reason]
        RepeatedCommentHeading.keepEarlierCopies(
            separators: &separators, reasons: &reasons, features: [line, LineFeatures(), reply, reply, line],
            classes: [.short, .good, .short, .short, .short], headingReason: reason)
        #expect(separators == [false, false, true, true, true])
    }

    @Test func theArticleUnderACountedMetaLineIsKept() throws {
        let page = (["Harbour cycle lane approved", "4 Comments"] + Self.prose + ["4 Comments", Self.comment]).joined(separator: "\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains(Self.prose[0]))
        #expect(kept.contains(Self.prose[1]))
        #expect(!kept.contains(Self.comment))
    }
}
