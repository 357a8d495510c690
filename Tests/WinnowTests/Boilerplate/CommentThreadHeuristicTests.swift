import Testing
@testable import Winnow

/// Comment headings are found by their words, with a count before them and punctuation glued
/// to them.
@Suite struct CommentThreadHeuristicTests {
    static let t = HeuristicThresholds(mode: .balanced)

    static func reason(_ leading: [String], words: Int) -> String? {
        var line = LineFeatures()
        line.words = words
        line.leadingWords = LeadingWords(leading)
        return CommentThreadHeuristic.separatorReason(line, t)
    }

    @Test func aHeadingWordWithGluedPunctuationIsAHeading() {
        #expect(Self.reason(["43", "comments…", "read", "them"], words: 8) == CommentThreadHeuristic.headingReason)
        #expect(Self.reason(["comments»"], words: 1) == CommentThreadHeuristic.headingReason)
        #expect(Self.reason(["leave", "a…", "reply"], words: 3) != nil)
    }

    /// A count written as a word opens a short heading: Blogger's "No comments:", "Keine
    /// Kommentare", "One response"; in a sentence ("No comment, the minister said") it does not.
    @Test func aCountWordOpensAShortHeading() {
        #expect(Self.reason(["no", "comments"], words: 2) == CommentThreadHeuristic.headingReason)
        #expect(Self.reason(["keine", "kommentare"], words: 2) == CommentThreadHeuristic.headingReason)
        #expect(Self.reason(["no", "responses", "yet"], words: 3) == CommentThreadHeuristic.headingReason)
        #expect(Self.reason(["no", "comment", "the", "minister", "said"], words: 5) == nil)
        #expect(Self.reason(["no", "way"], words: 2) == nil)
    }

    @Test func otherWordsAreNotHeadings() {
        #expect(Self.reason(["commentary…", "on", "the", "vote"], words: 4) == nil)
        #expect(Self.reason(["the", "comments"], words: 2) == nil)
    }

    /// A timestamped line is a byline only when it does not end like a sentence: "Doors open at
    /// 7:30 p.m." is the article's ("Anna 12:48" and "March 3, 2013 at 9:14 pm" are bylines).
    @Test func aSentenceWithATimeIsNoByline() {
        var line = LineFeatures()
        line.words = 5
        line.hasTimeOfDay = true
        #expect(CommentThreadHeuristic.separatorReason(line, Self.t) == CommentThreadHeuristic.bylineReason)
        line.endsLikeSentence = true
        #expect(CommentThreadHeuristic.separatorReason(line, Self.t) == nil)
    }

    @Test func trailingPunctuationIsDropped() {
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("comments…") == "comments")
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("kommentare»") == "kommentare")
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("commentaires") == "commentaires")
        #expect(CommentThreadHeuristic.droppingTrailingPunctuation("répondre") == "répondre")
    }

    /// Lines a rule with the comment-byline signal dropped split the page like comment bylines: a thread of
    /// long comments, each opened by such a line, does not outscore the shorter article above.
    @Test func ruleDroppedCommentBylinesSplitThePage() throws {
        let article = [
            "The county opened the new bridge at Millbrook on Monday, two years later than planned, after a final inspection of all of the steel work by the engineers.",
            "The old bridge, which is more than a hundred years old, will now close for repairs, and it will be used only by walkers and cyclists when it opens again.",
        ]
        let comment = "I have driven over the old bridge every day for twenty years and I am glad that it will finally be repaired, although the delay was far too long for all of us."
        var lines = article
        var bylines: [Int] = []
        // The first comment is one line (a longer one under the first byline could be the
        // article's text under its byline); the thread as a whole outscores the article.
        for number in 1...6 {
            bylines.append(lines.count)
            lines.append("by reader\(number) (5799\(number)) writes:")
            lines += number == 1 ? [comment] : [comment, comment]
        }
        var document = Document(id: "test", blocks: Segmenter().blocks(from: lines.joined(separator: "\n")))
        for index in document.blocks.indices where document.blocks[index].text.hasSuffix("writes:") {
            document.blocks[index].verdict = Verdict(
                action: .drop, reason: Reason(ruleID: "test.comment-byline", message: "comment byline", signals: .commentByline))
        }
        try BoilerplateRemover(options: BoilerplateOptions(mode: .balanced)).process(&document)
        let kept = document.blocks.filter(\.isKept).map(\.text)
        #expect(kept == article)
        #expect(bylines.count == 6)
    }

    /// A markdown heading of one word ("## Comments") starts the comment thread: only a bare
    /// "Comments" line may be a tab or a link. The thread's comments, each signed under it, do
    /// not outscore the shorter post above (Movable Type's "Posted by: name at date").
    @Test func aOneWordCommentsHeadingStartsTheThread() throws {
        let article = [
            "The county opened the new bridge at Millbrook on Monday, two years later than planned, after a final inspection of all of the steel work by the engineers.",
            "The old bridge, which is more than a hundred years old, will now close for repairs, and it will be used only by walkers and cyclists when it opens again.",
        ]
        func comment(_ reader: Int, _ paragraph: Int) -> String {
            "I have driven over the old bridge every day for \(10 + paragraph) years and I am glad that it will finally be repaired, although the delay was far too long for the \(reader) of us who live on the north side of the river."
        }
        var lines = ["# Millbrook news", ""]
        for paragraph in article { lines += [paragraph, ""] }
        lines += ["## Comments", ""]
        for reader in 1...2 {
            for paragraph in 1...8 { lines += [comment(reader, paragraph), ""] }
            lines += ["Posted by: reader\(reader) at October 29, 2012 05:23 PM", ""]
        }
        let kept = try BoilerplateTestSupport.keptTexts(lines.joined(separator: "\n"))
        for paragraph in article { #expect(kept.contains(paragraph)) }
        #expect(!kept.contains(comment(1, 1)) && !kept.contains(comment(2, 8)))
    }

    /// An agenda's entry that starts with a count and a heading word ("3. Discussion about the
    /// next meeting, when? What type?", "4. Initial Thoughts on …") goes on past it: no
    /// comment heading, and the article keeps its last entries and the paragraph below.
    @Test func aListEntryThatGoesOnIsNoCommentHeading() throws {
        let lines = [
            "The county opened the new bridge at Millbrook on Monday, two years later than planned, after a final inspection of all of the steel work by the engineers.",
            "",
            "1. Two or three short talks on the bridge and its history (30 mins)",
            "2. Questions from the floor (1 hour)",
            "3. Discussion about the next meeting, when? What type? Where? (30 mins)",
            "4. Initial Thoughts on the new bridge (Feb. 20, 2007)",
            "",
            "The old bridge, which is more than a hundred years old, will now close for repairs, and it will be used only by walkers and cyclists when it opens again.",
        ]
        var document = Document(id: "test", blocks: Segmenter().blocks(from: lines.joined(separator: "\n")))
        try BoilerplateRemover(options: BoilerplateOptions(mode: .balanced)).process(&document)
        let kept = document.blocks.filter(\.isKept).map(\.text)
        #expect(kept == lines.filter { !$0.isEmpty })
        var entry = LineFeatures()
        entry.words = 4
        #expect(HeuristicPass.isListEntry(entry, kind: .listItem))
        #expect(!HeuristicPass.isListEntry(entry, kind: .paragraph))
    }
}

/// A dated byline with nothing after it but boilerplate signs the post: it is no comment's
/// separator, whatever comes before it.
@Suite struct TrailingSignatureTests {
    static let t = HeuristicThresholds(mode: .balanced)

    private func separators(after tail: [BlockClass]) -> [Bool] {
        var separators = [false, false, true] + tail.map { _ in false }
        let classes: [BlockClass] = [.good, .good, .short] + tail
        let words = [30, 28, 4] + tail.map { _ in 3 }
        let reasons = separators.indices.map { $0 == 2 ? CommentThreadHeuristic.bylineReason : nil }
        CommentThreadHeuristic.keepArticleBylines(separators: &separators, reasons: reasons, classes: classes, words: words, Self.t)
        return separators
    }

    @Test func aBylineAtThePostsFootIsNoSeparator() {
        #expect(separators(after: [])[2] == false)
        #expect(separators(after: [.bad(ruleID: "ui.bare-word", reason: "menu")])[2] == false)
    }

    @Test func aBylineWithACommentUnderItStaysOne() {
        #expect(separators(after: [.short])[2] == true)
    }
}
