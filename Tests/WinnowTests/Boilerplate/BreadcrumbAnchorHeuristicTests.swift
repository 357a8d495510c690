import Testing
@testable import Winnow

/// The breadcrumb trail as the start of the page's own content.
@Suite struct BreadcrumbAnchorHeuristicTests {
    static let t = HeuristicThresholds(mode: .balanced)

    /// The anchor of `lines` (plain text; `breadcrumbs`: lines a rule with the `breadcrumb`
    /// signal dropped).
    static func anchor(_ lines: [String], breadcrumbs: Set<Int> = []) -> Int? {
        let extractor = FeatureExtractor()
        var document = Document(id: "t", blocks: Segmenter().blocks(from: lines.joined(separator: "\n")))
        for index in breadcrumbs {
            document.blocks[index].verdict = Verdict(
                action: .drop, reason: Reason(ruleID: "test.trail", message: "rule", signals: .breadcrumb))
        }
        let (features, _) = extractor.features(of: document)
        return BreadcrumbAnchorHeuristic.anchor(
            count: document.blocks.count, features: features,
            isBreadcrumb: { document.blocks[$0].verdict?.reason.signals.contains(.breadcrumb) == true },
            text: { document.blocks[$0].plainText })
    }

    static let tail = Array(repeating: "A line of the page below the title.", count: 8)

    @Test func aTrailEndingInTheTitleBelowIsTheAnchor() {
        #expect(Self.anchor(["Site", "Home / Keeper emails from the list", "Keeper emails from the list"] + Self.tail) == 1)
        #expect(Self.anchor(["Site", "Startseite › Neue Brücke eröffnet", "", "Neue Brücke eröffnet"] + Self.tail) == 1)
    }

    /// A trail whose separators the style sheet drew: the rendering glues its steps together.
    @Test func aGluedTrailOverItsTitleIsTheAnchor() {
        let title = "Nollywood Actress Is Looking Stunning In New Photos"
        #expect(Self.anchor(["Site", "HomeLatest News" + title, "", title] + Self.tail) == 1)
        #expect(Self.anchor(["Site", "Home Latest News " + title, title] + Self.tail) == 1)
        #expect(Self.anchor(["Site", "Home __Latest News __" + title, title] + Self.tail) == 1)
        // The header names the title too: the trail right over it still tops the article.
        #expect(Self.anchor([title, "Site", "StartseiteNachrichten" + title, title] + Self.tail) == 2)
    }

    @Test func proseOverALineItEndsWithIsNoGluedTrail() {
        let title = "Nollywood Actress Is Looking Stunning In New Photos"
        // Punctuation between the root and the title: a sentence.
        #expect(Self.anchor(["Home, she said, is where " + title, title] + Self.tail) == nil)
        // Too many words before the title.
        #expect(Self.anchor(["Home is where the heart is and where we saw " + title, title] + Self.tail) == nil)
        // A title of fewer than three words.
        #expect(Self.anchor(["Home Latest News Photos", "News Photos"] + Self.tail) == nil)
        // The root glued to a lower-case letter is another word.
        #expect(Self.anchor(["Homeless people " + title, title] + Self.tail) == nil)
    }

    @Test func proseWithASlashIsNoTrail() {
        #expect(Self.anchor(["Home / away form matters less", "Injuries matter more, the coach said."] + Self.tail) == nil)
        // The last step is not the title below.
        #expect(Self.anchor(["Home / Keeper emails", "Something else entirely"] + Self.tail) == nil)
    }

    @Test func aTrailThatNamesItselfOrThatARuleDroppedIsTheAnchor() {
        #expect(Self.anchor(["Site", "You are here: Home / NHL / No Trade Idea", "No Trade Idea"] + Self.tail) == 1)
        #expect(Self.anchor(["Site", "Home > Entertainment", "Title"] + Self.tail, breadcrumbs: [1]) == 1)
    }

    @Test func aTrailUnderItsTitleOrLowDownAnchorsNothing() {
        // The article (and its title) came first: a forum link under the post.
        #expect(Self.anchor(["No Trade Idea", "The post.", "Home › Forums › No Trade Idea"] + Self.tail) == nil)
        // In the lower half of the page: a footer's trail.
        #expect(Self.anchor(Self.tail + ["Home / Keeper emails from the list", "Keeper emails from the list"]) == nil)
    }

    @Test func theRegionIsLookedForAfterTheAnchor() {
        let blurb = (BlockClass.good, 30)
        let trail = (BlockClass.short, 4)
        let prose = (BlockClass.good, 20)
        let lines = [blurb, blurb, trail, prose]
        let separators = [Bool](repeating: false, count: lines.count)
        #expect(ArticleRegionHeuristic.region(classes: lines.map(\.0), words: lines.map(\.1), separators: separators, Self.t) == 0...3)
        #expect(ArticleRegionHeuristic.region(
            classes: lines.map(\.0), words: lines.map(\.1), separators: separators, startAfter: 2, Self.t) == 3...3)
    }
}

/// The region before the comment thread wins over the thread when only boilerplate lies between.
@Suite struct CommentGapTests {
    @Test func boilerplateBetweenArticleAndThreadDoesNotCountAsGap() {
        let t = HeuristicThresholds(mode: .balanced)
        let prose = (BlockClass.good, 20)
        let menu = (BlockClass.bad(ruleID: "heuristic.menu-item", reason: "menu"), 2)
        let heading = (BlockClass.short, 2)
        let comment = (BlockClass.good, 40)
        let lines = [prose, prose, prose] + Array(repeating: menu, count: 40) + [heading] + Array(repeating: comment, count: 10)
        var separators = [Bool](repeating: false, count: lines.count)
        separators[43] = true
        #expect(ArticleRegionHeuristic.region(
            classes: lines.map(\.0), words: lines.map(\.1), separators: separators, commentStart: 43, t) == 0...2)
        #expect(ArticleRegionHeuristic.gapLines(from: 2, to: 43, classes: lines.map(\.0)) == 0)
    }
}

/// A timestamped line with the post's comment count is the post's meta line.
@Suite struct PostMetaHeuristicTests {
    @Test func aCommentCountMarksThePostsMetaLine() {
        #expect(PostMetaHeuristic.countsComments("Posted on November 8, 2012 at 1:24 PM • 14 Comments"))
        #expect(PostMetaHeuristic.countsComments("posted by Anna at 7:10 AM | 0 comments ●"))
        #expect(PostMetaHeuristic.countsComments("12. März 2012, 14:05 · 3 Kommentare"))
    }

    @Test func aCommentBylineHasNoCount() {
        #expect(!PostMetaHeuristic.countsComments("Mark on March 3, 2013 at 9:14 pm"))
        #expect(!PostMetaHeuristic.countsComments("by james on January 31, 2011 at 9:59 am. Reply #"))
        #expect(!PostMetaHeuristic.countsComments("Comments at 9:14 pm"))
    }

    /// The byte comparison of ASCII lines gives the trimmed, lower-cased string comparison.
    @Test func sameTitleBytesAgreeWithStrings() {
        let lines = [
            "The Harbour Bridge", "  * The harbour bridge *\r\n", "• The Harbour Bridge", "The Harbour Bridge.", "Thé Harbour Bridge",
            "", "   ", "THE HARBOUR BRIDGE\t", "The  Harbour Bridge", "the harbour bridg",
        ]
        for title in ["the harbour bridge", "thé harbour bridge", "the harbour bridge."] {
            for line in lines {
                #expect(BreadcrumbAnchorHeuristic.isSameTitle(line, title) == Self.referenceIsSameTitle(line, title), "\(line) / \(title)")
            }
        }
        #expect(BreadcrumbAnchorHeuristic.isSameTitle("  * The Harbour Bridge *", "the harbour bridge"))
    }

    /// The byte trimming of ASCII lines gives the `Character` trimming, on every line.
    @Test func trimmedBytesAgreeWithCharacters() {
        let pieces = ["", " ", "*", "•", "\t", "\r\n", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}", "a", "Home", ">", "é", "e\u{301}", "-", "x y"]
        var random = SplitMix(state: 11)
        var lines = pieces
        for _ in 0..<3_000 { lines.append((0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()) }
        for line in lines {
            #expect(BreadcrumbAnchorHeuristic.trimmed(line) == BreadcrumbAnchorHeuristic.characterTrimmed(line), "\(line.debugDescription)")
            let sub = line.dropFirst()
            #expect(BreadcrumbAnchorHeuristic.trimmed(sub) == BreadcrumbAnchorHeuristic.characterTrimmed(sub), "\(sub.debugDescription)")
        }
    }

    /// `trimmed(line).lowercased() == title`, spelled out (the trimming pads are white space, "•" and "*").
    static func referenceIsSameTitle(_ line: String, _ title: String) -> Bool {
        let isPadding: (Character) -> Bool = { $0.isWhitespace || $0 == "•" || $0 == "*" }
        guard let first = line.firstIndex(where: { !isPadding($0) }), let last = line.lastIndex(where: { !isPadding($0) })
        else { return title.isEmpty }
        return String(line[first...last]).lowercased() == title
    }
}
