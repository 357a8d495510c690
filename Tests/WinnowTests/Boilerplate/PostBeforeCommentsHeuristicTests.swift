import Testing
@testable import Winnow

/// A tiny post (no prose) right above the comment area is kept, over no region or a weak
/// sidebar blurb; a real article is not replaced by what sits above its comments.
@Suite struct PostBeforeCommentsHeuristicTests {
    static let menu = """
        Daily Valley Photos
        • Home
        • About
        • Archive
        """

    /// A photo post (a title and one line) under the menu, then the comment heading and form.
    static let tinyPost = """
        \(menu)
        Harbour at dawn
        Taken from the old pier this morning.
        Comments (0)
        Leave a comment
        """

    @Test func aTinyPostAboveTheCommentsIsKept() throws {
        let kept = try BoilerplateTestSupport.keptTexts(Self.tinyPost)
        #expect(kept == ["Harbour at dawn", "Taken from the old pier this morning."])
    }

    @Test func aTinyPostWinsOverAWeakBlurbAfterTheCommentForm() throws {
        let page = """
            \(Self.tinyPost)
            • Tags
            • Links
            Hello stranger, I am a photographer who lives by the sea and I post a picture here every day.
            """
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains("Harbour at dawn"))
        #expect(kept.contains("Taken from the old pier this morning."))
        #expect(!kept.contains { $0.hasPrefix("Hello stranger") })
    }

    @Test func aRealArticleIsNotReplaced() throws {
        let page = """
            \(Self.menu)
            The new bridge at Millbrook will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
            The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and the delay has cost the county dearly.
            Agents expect traffic in the town centre to ease once the new bridge opens, when the lorries no longer have to squeeze through the old streets.
            • Share
            • Tweet
            Related: Storm warning for the weekend
            Comments (0)
            Leave a comment
            """
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.first?.hasPrefix("The new bridge") == true)
        #expect(!kept.contains("Related: Storm warning for the weekend"))
    }

    @Test func theWalkStopsAtBoilerplateAndSkipsNothingElse() {
        // Lines: 0 menu (bad), 1 title, 2 caption, 3 marker.
        let classes: [BlockClass] = [.bad(ruleID: MenuItemHeuristic.id, reason: ""), .short, .short, .short]
        let post = PostBeforeCommentsHeuristic.post(
            classes: classes, words: [2, 3, 6, 2], isMarker: { $0 == 3 }, isSkipped: { _ in false }, isHeading: { $0 == 3 })
        #expect(post == 1...2)
        // Too few words: no post.
        let none = PostBeforeCommentsHeuristic.post(
            classes: classes, words: [2, 1, 2, 2], isMarker: { $0 == 3 }, isSkipped: { _ in false }, isHeading: { $0 == 3 })
        #expect(none == nil)
    }

    @Test func aShareBarBetweenPostAndCommentsIsCrossed() {
        // Lines: 0 menu, 1 title, 2 caption, 3 share bar (bad), 4 marker.
        let menu = BlockClass.bad(ruleID: MenuItemHeuristic.id, reason: "")
        let post = PostBeforeCommentsHeuristic.post(
            classes: [menu, .short, .short, menu, .short], words: [2, 3, 6, 4, 1], isMarker: { $0 == 4 },
            isSkipped: { _ in false }, isHeading: { $0 == 4 })
        #expect(post == 1...2)
    }

    @Test func aWeakRegionCloseBelowThePostNeedsACommentFormBetween() {
        // A "1 Comment" meta line above the article: the region below is the article.
        #expect(!PostBeforeCommentsHeuristic.prefers(10...13, over: 16...25, score: 20, isForm: { _ in false }))
        #expect(PostBeforeCommentsHeuristic.prefers(10...13, over: 16...25, score: 20, isForm: { $0 == 14 }))
    }

    @Test func aRegionInsideTheCommentThreadLosesHoweverLong() {
        // Post 10...13, comment heading at 14, a byline at 15, a long comment from 20.
        let bylines: Set<Int> = [15]
        #expect(PostBeforeCommentsHeuristic.prefers(
            10...13, over: 20...25, score: 200, commentStart: 14, isForm: { _ in false }, isCommentByline: bylines.contains))
        // A "3 Comments" meta line under the title, then the article: no bylines between.
        #expect(!PostBeforeCommentsHeuristic.prefers(
            10...13, over: 16...25, score: 200, commentStart: 14, isForm: { _ in false }, isCommentByline: { _ in false }))
    }

    @Test func aShortArticleWinsOverTheLongCommentsUnderIt() throws {
        let page = """
            \(Self.menu)
            Harbour cycle lane approved
            The council approved the new cycle lane on Thursday night after a long debate about parking.
            3 Comments
            Mark on March 3, 2013 at 9:14 pm
            About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it after all the accidents.
            I run one of the shops and I am worried about the parking, because most of my customers come by car from the villages where there is no bus at all on most days of the week.
            The new car park is a long walk from the shops, and in the winter nobody will want to carry their shopping all that way in the rain and the dark, so the council should think again.
            """
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains { $0.hasPrefix("The council approved") })
        #expect(!kept.contains { $0.hasPrefix("About time too") || $0.hasPrefix("I run one") })
    }

    @Test func aWeakRegionRightAboveThePostIsThePostsOwn() {
        #expect(!PostBeforeCommentsHeuristic.prefers(30...33, over: 20...25, score: 20, isForm: { _ in true }))
        #expect(PostBeforeCommentsHeuristic.prefers(60...63, over: 20...25, score: 20, isForm: { _ in true }))
        #expect(PostBeforeCommentsHeuristic.prefers(10...13, over: 20...25, score: 20, isForm: { _ in true }))
        #expect(!PostBeforeCommentsHeuristic.prefers(10...13, over: 20...25, score: 80, isForm: { _ in true }))
        #expect(PostBeforeCommentsHeuristic.prefers(10...13, over: nil, score: 0, isForm: { _ in true }))
    }

    @Test func aBlurbAboveTheLineThatTopsThePostLoses() {
        // The link to the neighbouring posts (line 28) tops the post: the region above it is a
        // sidebar blurb even when it is close and somewhat longer than a weak region.
        let neighbours = { (index: Int) in index == 28 }
        #expect(PostBeforeCommentsHeuristic.prefers(30...33, over: 20...25, score: 60, isForm: { _ in false }, isBoundary: neighbours))
        #expect(!PostBeforeCommentsHeuristic.prefers(30...33, over: 20...25, score: 60, isForm: { _ in false }))
        // A strong region above it stays the article.
        #expect(!PostBeforeCommentsHeuristic.prefers(30...33, over: 20...25, score: 90, isForm: { _ in false }, isBoundary: neighbours))
    }

    /// A song's lyrics: the title is the page's only prose-like line (a weak region), the
    /// verses under it are short lines, then the post's byline and "No comments:". The region
    /// reaches down over the verses to the byline, which stays out.
    @Test func aWeakRegionInsideThePostReachesDownToItsByline() throws {
        let verses = (1...30).map { "Sing it low, \($0)" }
        let page = """
            \(Self.menu)
            Zhi Neng Xiang Nian Ni, the song by Jam Hsiao Jing Teng with its pinyin lyrics
            \(verses.joined(separator: "\n"))
            Posted by K A at 12:11 PM
            No comments:
            Post a Comment
            """
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains(verses[0]))
        #expect(kept.contains(verses[29]))
        #expect(!kept.contains("Posted by K A at 12:11 PM"))
        #expect(!kept.contains("No comments:"))
    }

    @Test func aWeakRegionInsideThePostIsPartOfIt() {
        #expect(PostBeforeCommentsHeuristic.prefers(10...40, over: 11...11, score: 15, isForm: { _ in false }))
        // Not a strong region, nor the post itself, nor one reaching out of the post.
        #expect(!PostBeforeCommentsHeuristic.prefers(10...40, over: 11...11, score: 80, isForm: { _ in false }))
        #expect(!PostBeforeCommentsHeuristic.prefers(10...40, over: 10...40, score: 15, isForm: { _ in false }))
        #expect(!PostBeforeCommentsHeuristic.prefers(10...40, over: 5...12, score: 15, isForm: { _ in false }))
    }
}

