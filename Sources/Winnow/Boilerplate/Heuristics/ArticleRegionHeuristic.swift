/// Finds the article: the densest run of prose lines, and drops what lies before it (header
/// zone: masthead, menus, breadcrumbs) and after it (footer zone: related stories, widgets,
/// legal footers).
///
/// Every line scores its words when it is prose (`good`; half for `nearGood`) and a penalty
/// when it is short (−words) or boilerplate-shaped (−4 per word, at most −20); the article is
/// the maximum-sum run of lines (BTE, Finn et al. 2001, with lines for tokens and tags; the same
/// idea as jusText's context smoothing, where short lines between good ones are kept). Comment
/// separators split the page first (see `CommentThreadHeuristic`); the first run that scores at
/// least `regionShare` (0.3) of the best one wins, because the article comes before its
/// comments. A run needs a long prose line; on a page without one, a run with two medium
/// sentences (a photo or video post) is the article. A page with no such run has no article.
enum ArticleRegionHeuristic {
    static let headerID = "heuristic.header-zone"
    static let footerID = "heuristic.footer-zone"
    static let noArticleID = "heuristic.no-article"

    static let descriptions: [HeuristicDescription] = [
        HeuristicDescription(
            id: headerID,
            name: "Header zone",
            description: "Lines before the article region: masthead, menus, breadcrumbs, teasers.",
            source: "BTE maximum-scoring region (Finn et al. 2001); jusText context smoothing",
            examples: [
                HeuristicExample("""
                    ↓Daily Valley News
                    ↓Search this site
                    ↓Sport | Weather
                    A new bridge over the river will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                    The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and it will then be used only by walkers.
                    """),
                // The title walk keeps two title or byline lines, and a dated line besides.
                HeuristicExample("""
                    ↓Daily Valley News
                    ↓Search this site
                    New river bridge to open in May
                    July 24, 2012 12:11 AM
                    By Sam Reed
                    A new bridge over the river will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                    The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and it will then be used only by walkers.
                    """),
                // A markdown headline keeps its standfirst and a linked byline below it.
                HeuristicExample("""
                    ↓Daily Valley News
                    ↓Search this site
                    # New river bridge to open in May
                    County blames the steel order and a wet winter for the two-year delay
                    [Sam Reed](/profile/sam-reed) in Valley Town
                    A new bridge over the river will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                    The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and it will then be used only by walkers.
                    """),
            ]),
        HeuristicDescription(
            id: footerID,
            name: "Footer zone",
            description: "Lines after the article region: related stories, widgets, legal footers.",
            source: "BTE maximum-scoring region (Finn et al. 2001); field notes (footers after the last long paragraph)",
            examples: [
                HeuristicExample("""
                    A new bridge over the river will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                    The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and it will then be used only by walkers.
                    ↓Most read
                    ↓Council tax to rise by four per cent
                    ↓Storm warning for the weekend
                    ↓Copyright 2024 Valley Media Ltd. All rights reserved.
                    """),
            ]),
        HeuristicDescription(
            id: noArticleID,
            name: "No article",
            description: "A page with boilerplate-shaped lines (menus, placeholders, link lines) and no line of prose (no long prose line, nor a run with two medium sentences): every line goes. A page with neither is a tiny text and is kept.",
            source: "jusText (a page of bad paragraphs yields nothing); Gopher minimum document length",
            examples: [
                HeuristicExample("""
                    ↓Example Ltd
                    ↓• Home
                    ↓• About us
                    ↓• Contact
                    ↓Log in | Register
                    ↓© 2024 Example Ltd
                    """),
            ]),
    ]

    /// The least score of a region before the comment thread that wins over the thread
    /// (about three lines of prose).
    static let beforeCommentsMinimum = 40.0
    /// … and that ends at most this many lines above the comment heading, not counting
    /// boilerplate-shaped lines (share bars, related posts, an author box lie between): a "3 Comments" meta line under the title is no
    /// thread start, and the prose far above it is a welcome box, not the article.
    static let beforeCommentsGap = 30
    /// The least number of near-good lines of a short article on a page with no long prose line.
    static let shortArticleLines = 2

    /// The chosen region as block indices, or `nil` when the page has no article.
    ///
    /// `commentStart` is the first comment heading ("40 Responses to …", "{ 167 comments }"):
    /// what follows it is the comment thread, which on a busy page outscores the article many
    /// times over. The best region before it, when it scores at least `beforeCommentsMinimum`
    /// and ends close above it, is chosen over any region after it. `gallery` lines (a
    /// slideshow's captions, pictures without alt text) do not count towards the run of
    /// `breakLines` lines without prose that ends a region.
    static func region(
        classes: [BlockClass], words: [Int], separators: [Bool], commentStart: Int? = nil, startAfter anchor: Int? = nil,
        listLines: [Bool]? = nil, gallery: [Bool]? = nil, _ t: HeuristicThresholds
    ) -> ClosedRange<Int>? {
        var best: [(score: Double, range: ClosedRange<Int>)] = []
        var current = 0.0
        var start = -1
        var segmentBest: (score: Double, range: ClosedRange<Int>)? = nil
        func closeSegment() {
            if let segmentBest { best.append(segmentBest) }
            segmentBest = nil
            current = 0
            start = -1
        }
        var nonProseRun = 0
        for index in classes.indices {
            if separators[index] || index == anchor {
                closeSegment()
                nonProseRun = 0
                continue
            }
            switch classes[index] {
            case .good, .nearGood: nonProseRun = 0
            case .neutral: break
            case .short where listLines?[index] == true: break
            case _ where gallery?[index] == true: break
            default: nonProseRun += 1
            }
            if t.breakLines > 0, nonProseRun == t.breakLines { closeSegment() }
            let score = classes[index].regionScore(words: words[index], t)
            if start < 0 || current <= 0 {
                current = score
                start = index
            } else {
                current += score
            }
            if current > (segmentBest?.score ?? 0) { segmentBest = (current, start...index) }
        }
        closeSegment()
        // A region needs at least one line of real prose: a lone copyright line or a teaser
        // sentence among menus is not an article. A page without any long prose line can
        // still hold a short article of medium sentences (a photo or video post: "Here is a
        // quick recap video:" and a caption-like paragraph): then a region of at least
        // `shortArticleLines` near-good lines is the article.
        func qualifying(_ pool: [(score: Double, range: ClosedRange<Int>)]) -> [(score: Double, range: ClosedRange<Int>)] {
            let withProse = pool.filter { candidate in candidate.range.contains { if case .good = classes[$0] { true } else { false } } }
            if !withProse.isEmpty { return withProse }
            return pool.filter { candidate in candidate.range.count { classes[$0] == .nearGood } >= shortArticleLines }
        }
        var candidates = qualifying(best)
        // After a breadcrumb trail, the page's own content: what lies above it is header.
        if let anchor {
            let after = qualifying(best.filter { $0.range.lowerBound > anchor })
            if !after.isEmpty { candidates = after }
        }
        if let commentStart {
            let before = candidates.filter { $0.range.upperBound < commentStart }
            if let top = before.max(by: { $0.score < $1.score }), top.score >= beforeCommentsMinimum,
                gapLines(from: top.range.upperBound, to: commentStart, classes: classes) <= beforeCommentsGap
            {
                return top.range
            }
        }
        guard let top = candidates.map(\.score).max(), top > 0 else { return nil }
        return candidates.first { $0.score >= t.regionShare * top }?.range
    }

    /// The lines between a region's `end` and the comment heading that count towards the gap:
    /// those not shaped like boilerplate. Share bars, tag lists, menus and "You may like"
    /// link lists pile up under an article on busy templates without making it less the
    /// article; a welcome box far above the thread has real text in between.
    static func gapLines(from end: Int, to commentStart: Int, classes: [BlockClass]) -> Int {
        return (end + 1..<commentStart).count { !classes[$0].isBad }
    }
}
