/// Finds a tiny blog post (a photo, a video, a quotation: a title and a line or two, no
/// paragraph of prose) by where it sits: right above the comment area ("Comments (0)", "Leave a
/// Reply", the comment form).
///
/// A post that short loses the maximum-scoring region to a sidebar blurb ("I live. I learn. I
/// teach …") or has no region at all, and the whole page went. The lines above the first
/// comment heading or comment form, up to the nearest boilerplate-shaped line (a menu entry, a
/// link line, a repeated line) or another comment heading, are the post; lines a rule drops
/// (images, share buttons, tag lines) are stepped over and stay dropped, and so are a few
/// boilerplate-shaped lines right above the marker (a piped share bar). The post wins only
/// over no region, or over a weak one (less than `ArticleRegionHeuristic.beforeCommentsMinimum`)
/// that is not the post itself: at least `minimumDistance` lines away from it (a sidebar above
/// or below), or below it past a comment form (the sidebar under the form). A weak region
/// right under a "1 Comment" meta line is the article, not a sidebar. A region of any score
/// after the comment heading and a comment byline (`threadBylines`) is a comment: the
/// post above the heading wins over it (F1 w3m +0.0021, html2text +0.0016). A weak region
/// inside the post (a song's title over its verses, a photo post's one sentence over short
/// lines) reaches down over the post to its end or its dated byline (F1 w3m +0.0006, html2text
/// +0.0006); a post of up to `maximumLines` lines (a song's 37) counts. The post footer a
/// blog engine prints under the post ("Posted at 10:02 AM in Crafts | Permalink | Comments (0)")
/// is a marker too, and the link to the neighbouring posts ("« Older | Main | Newer »") or a
/// breadcrumb above the post ends the walk up (and the title walk): the template frames the
/// post with them (w3m F1 +0.0018, html2text ±0).
///
/// Source: the blog template (post, then its comments and comment form, then the sidebar);
/// the Dragnet content/comments split.
enum PostBeforeCommentsHeuristic {
    static let id = "heuristic.post-before-comments"
    static let description = HeuristicDescription(
        id: id,
        name: "Post before comments",
        description: "On a page without prose (or with only a weak region elsewhere), keeps the short post right above the comment heading or comment form: the lines up to the nearest boilerplate-shaped line (keeps; never drops).",
        source: "blog template order (post, comments, comment form, sidebar); Dragnet content/comments split",
        // No example: an example's unmarked lines must all be kept, and the page this heuristic
        // changes has a comment heading that the comment-thread heuristic drops (see
        // PostBeforeCommentsHeuristicTests).
        examples: [])

    /// The most lines (not counting lines a rule dropped) a post may have: a longer stretch
    /// without boilerplate above the comments is not a post of short lines (a song's lyrics
    /// have 30 to 60).
    static let maximumLines = 64
    /// The most boilerplate-shaped lines (a share bar, a tag line) crossed between the comment
    /// marker and the post's last line.
    static let maximumCrossed = 4
    /// The least number of words of the post.
    static let minimumWords = 6
    /// A weak region above the post must end at least this many lines above it to lose to it
    /// (a sidebar far up the page, not the post's own text above a share bar).
    static let minimumDistance = 20
    /// The signals of rule-dropped lines that open a post's own part of the page (the link to
    /// the previous and next posts, the breadcrumb trail): the walk up stops there instead of
    /// stepping over them. (Lines with `commentForm` or `postFooter` mark the post's end.)
    static let postTop: RuleSignals = [.postNeighbours, .breadcrumb]
    /// The comment bylines between the comment heading and a region that make the region a
    /// comment.
    static let threadBylines = 1
    /// The comment markers tried, first to last.
    static let maximumMarkers = 3

    /// The post above the first comment marker that has one, or `nil`.
    ///
    /// `isMarker(i)`: line `i` is a comment heading or a comment-form line. `isSkipped(i)`:
    /// a rule dropped line `i` (it neither stops nor joins the post). `isHeading(i)`: line `i`
    /// is a comment heading (it ends the walk up).
    static func post(
        classes: [BlockClass], words: [Int], isMarker: (Int) -> Bool, isSkipped: (Int) -> Bool,
        isHeading: (Int) -> Bool, isBoundary: (Int) -> Bool = { _ in false }
    ) -> ClosedRange<Int>? {
        var tried = 0
        var marker = 0
        while marker < classes.count, tried < maximumMarkers {
            defer { marker += 1 }
            guard isMarker(marker) else { continue }
            tried += 1
            if let post = walkUp(
                from: marker, classes: classes, words: words, isSkipped: isSkipped, isHeading: isHeading, isBoundary: isBoundary)
            {
                return post
            }
        }
        return nil
    }

    /// The post lines above `marker`, up to the nearest boilerplate-shaped line.
    private static func walkUp(
        from marker: Int, classes: [BlockClass], words: [Int], isSkipped: (Int) -> Bool, isHeading: (Int) -> Bool,
        isBoundary: (Int) -> Bool
    ) -> ClosedRange<Int>? {
        var top = -1
        var bottom = -1
        var lines = 0
        var total = 0
        var crossed = 0
        var index = marker - 1
        while index >= 0 {
            defer { index -= 1 }
            if isHeading(index) || isBoundary(index) { break }
            if isSkipped(index) { continue }
            if classes[index].isBad {
                // A share bar or a tag line between the post and its comments is crossed.
                guard top < 0, crossed < maximumCrossed else { break }
                crossed += 1
                continue
            }
            lines += 1
            guard lines <= maximumLines else { return nil }
            total += words[index]
            top = index
            if bottom < 0 { bottom = index }
        }
        guard top >= 0, total >= minimumWords else { return nil }
        return top...bottom
    }

    /// Whether `post` wins over the region `found` (scoring `score`). A region after the post
    /// loses only when a comment form lies between (`isForm`): the sidebar under the form, not
    /// the article under a "1 Comment" meta line. A region above the post loses when it is far
    /// away or when the line that tops the post (`isBoundary`: the link to its neighbours, a
    /// breadcrumb) lies between: that region is a sidebar blurb, not the post's own text.
    static func prefers(
        _ post: ClosedRange<Int>, over found: ClosedRange<Int>?, score: Double, commentStart: Int? = nil,
        isForm: (Int) -> Bool, isCommentByline: (Int) -> Bool = { _ in false }, isBoundary: (Int) -> Bool = { _ in false }
    ) -> Bool {
        guard let found else { return true }
        // A weak region inside the post (a song's title over its verses) is part of it.
        guard !found.overlaps(post) else {
            return post != found && post.lowerBound <= found.lowerBound && found.upperBound <= post.upperBound
                && score < ArticleRegionHeuristic.beforeCommentsMinimum
        }
        // A region inside the comment thread (after its heading and `threadBylines` comment
        // bylines) is a comment, however long.
        if let commentStart, post.upperBound < commentStart,
            isInThread(found, commentStart: commentStart, isCommentByline: isCommentByline)
        {
            return true
        }
        let toppedBelow = found.upperBound < post.lowerBound && (found.upperBound + 1..<post.lowerBound).contains(where: isBoundary)
        guard score < ArticleRegionHeuristic.beforeCommentsMinimum * (toppedBelow ? 2 : 1) else { return false }
        if found.lowerBound > post.upperBound {
            return found.lowerBound - post.upperBound >= minimumDistance || (post.upperBound + 1..<found.lowerBound).contains(where: isForm)
        }
        return post.lowerBound - found.upperBound >= minimumDistance || (found.upperBound + 1..<post.lowerBound).contains(where: isBoundary)
    }

    /// Whether `region` lies in the comment thread: after its heading and a comment byline.
    static func isInThread(_ region: ClosedRange<Int>, commentStart: Int?, isCommentByline: (Int) -> Bool) -> Bool {
        guard let commentStart, region.lowerBound > commentStart else { return false }
        return (commentStart..<region.lowerBound).count(where: isCommentByline) >= threadBylines
    }
}
