import Testing
@testable import Winnow

/// Comments whose byline and text share one line split the page like bylines; a live blog's
/// timestamped entries do not.
@Suite struct InlineCommentBylineTests {
    static let prose = [
        "The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.",
        "Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.",
    ]
    static let comments = [
        "1. Mark says: March 3, 2013 at 9:14 pm About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something.",
        "2. Jo Smith says: March 4, 2013 at 7:02 am I run one of the shops and I am worried about the parking, because most of my customers come by car from the villages.",
    ]

    @Test func theHeadNamesTheCommenter() {
        #expect(InlineCommentByline.commenterHead(Self.comments[0]) == "mark says")
        #expect(InlineCommentByline.commenterHead(Self.comments[1]) == "jo smith says")
        // No date in the head, or no name, or too little text after the time.
        #expect(InlineCommentByline.commenterHead("The 5km mark is reached in 15:23 and the leaders are already showing at the front of the race today.") == nil)
        #expect(InlineCommentByline.commenterHead("March 3, 2013 9:14 pm The first runners have crossed the line and the crowd is cheering them on loudly.") == nil)
        #expect(InlineCommentByline.commenterHead("Mark says: March 3, 2013 at 9:14 pm Great post.") == nil)
    }

    static let trailingComments = [
        "Isn't this a restatement of the old idea that companies are amoral and therefore should not be trusted? Posted by: John King at November 7, 2012 7:00 AM",
        "Regulation costs, and in the case of the big banks it costs a great deal every year. Posted by: Nick at November 7, 2012 7:39 AM",
    ]

    @Test func aBylineAfterTheTextNamesTheCommenter() {
        #expect(InlineCommentByline.trailingCommenterHead(Self.trailingComments[0]) == "john king")
        #expect(InlineCommentByline.trailingCommenterHead(Self.trailingComments[1]) == "nick")
        #expect(
            InlineCommentByline.trailingCommenterHead(
                "Das ist eine sehr gute Zusammenfassung der ganzen Debatte über die Bahn. Geschrieben von Anna am 7. November 2012 19:05")
                == "anna")
        // No label, no date, no time at the end, or too little text before the byline.
        #expect(InlineCommentByline.trailingCommenterHead("The meeting ran long and ended on November 7, 2012 at 7:00 AM") == nil)
        #expect(InlineCommentByline.trailingCommenterHead("The photographs were posted by the agency on Tuesday at 7:00 AM") == nil)
        #expect(InlineCommentByline.trailingCommenterHead("Great post. Posted by: Nick at November 7, 2012 7:39 AM") == nil)
        #expect(
            InlineCommentByline.trailingCommenterHead(
                "Regulation costs, and in the case of the big banks it costs a great deal. Posted by: Nick at November 7, 2012") == nil)
    }

    @Test func timesOfDayEndingALine() {
        for line in ["at 7:00 AM", "19:05", "6:07pm", "9:14 p.m.", "9:14 P.M.  "] {
            #expect(line.utf8.withContiguousStorageIfAvailable { InlineCommentByline.endsWithTimeOfDay($0) } == true, "\(line)")
        }
        for line in ["2:04:38", "7:0", "AM", "in 1990", ""] {
            #expect(line.utf8.withContiguousStorageIfAvailable { InlineCommentByline.endsWithTimeOfDay($0) } == false, "\(line)")
        }
    }

    @Test func commentsWithTrailingBylinesAreDropped() throws {
        let page = (["Harbour cycle lane approved"] + Self.prose + Self.trailingComments).joined(separator: "\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains(Self.prose[1]))
        #expect(!kept.contains(Self.trailingComments[0]))
        #expect(!kept.contains(Self.trailingComments[1]))
    }

    @Test func inlineCommentsAfterTheArticleAreDropped() throws {
        let page = (["Harbour cycle lane approved"] + Self.prose + Self.comments).joined(separator: "\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains(Self.prose[0]))
        #expect(kept.contains(Self.prose[1]))
        #expect(!kept.contains(Self.comments[0]))
        #expect(!kept.contains(Self.comments[1]))
    }

    @Test func liveBlogEntriesBySameAuthorStay() {
        var line = LineFeatures()
        line.hasTimeOfDay = true
        line.words = 25
        let entries = [
            "Posted by Ann Lee on March 3, 2013 9:14 pm The first runners have crossed the line and the crowd along the harbour is cheering.",
            "Posted by Ann Lee on March 3, 2013 9:20 pm The leaders have turned at the lighthouse and are heading back towards the town centre now.",
        ]
        let found = InlineCommentByline.lines(
            features: [line, line], separators: [false, false], isDecided: { _ in false }, text: { entries[$0] })
        #expect(found.isEmpty)
    }

    /// The byte split of an ASCII head gives the words the `Character` split gives.
    @Test func byteSplitAgreesWithCharacterSplit() {
        let heads: [Substring] = [
            "Emily says: April 6, 2012 at 8:04 pm", "  two\tspaced\r\nwords  ", "", " ", "Zoë  says:\u{00A0}May 1 at 9:00",
            "a\u{0B}b\u{0C}c\rd",
        ]
        for head in heads {
            #expect(InlineCommentByline.words(of: head) == head.split(whereSeparator: \.isWhitespace), "\(head)")
        }
    }
}
