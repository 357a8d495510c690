import Testing
@testable import Winnow

/// The article region: the best run of prose, and the short article of a page without any
/// long prose line.
@Suite struct ArticleRegionHeuristicTests {
    static let t = HeuristicThresholds(mode: .balanced)

    /// The region of `lines` (class, words).
    static func region(_ lines: [(BlockClass, Int)], cut: Int? = nil) -> ClosedRange<Int>? {
        var separators = [Bool](repeating: false, count: lines.count)
        if let cut { separators[cut] = true }
        return ArticleRegionHeuristic.region(classes: lines.map(\.0), words: lines.map(\.1), separators: separators, t)
    }

    static let menu = (BlockClass.bad(ruleID: "heuristic.menu-item", reason: "menu"), 2)
    static let prose = (BlockClass.good, 20)
    static let sentence = (BlockClass.nearGood, 10)
    static let byline = (BlockClass.short, 3)

    @Test func findsTheProseBetweenMenus() {
        #expect(Self.region([Self.menu, Self.menu, Self.prose, Self.byline, Self.prose, Self.menu]) == 2...4)
    }

    @Test func aPageOfMediumSentencesHasAShortArticle() {
        // No long prose line anywhere: two near-good lines (a photo post's lead and caption) are the article.
        #expect(Self.region([Self.menu, Self.byline, Self.sentence, Self.byline, Self.sentence, Self.menu]) == 2...4)
    }

    @Test func aLoneSentenceAmongMenusIsNoArticle() {
        #expect(Self.region([Self.menu, Self.menu, Self.sentence, Self.menu, Self.menu]) == nil)
        // Two near-good lines split by a comment separator are two lone sentences.
        #expect(Self.region([Self.menu, Self.sentence, Self.byline, Self.sentence, Self.menu], cut: 2) == nil)
    }

    /// A gallery post: each photo brings the same 5-word chrome line ("Mouseover photo to load
    /// notes") and a short caption between the paragraphs. A repeated line costs one line's
    /// penalty, whatever its length, so the chrome does not cut the article into pieces;
    /// a 5-word menu line still does.
    @Test func repeatedChromeBetweenParagraphsDoesNotSplitTheArticle() {
        let chrome = (BlockClass.bad(ruleID: RepeatedLineHeuristic.id, reason: "repeated"), 5)
        let caption = (BlockClass.short, 6)
        let short = (BlockClass.good, 15)
        let gallery = [Self.menu, Self.prose, Self.prose, chrome, caption, short, chrome, caption, short, Self.menu]
        #expect(Self.region(gallery) == 1...8)
        let menuLine = (BlockClass.bad(ruleID: "heuristic.menu-item", reason: "menu"), 5)
        let menus = [Self.menu, Self.prose, Self.prose, menuLine, caption, short, menuLine, caption, short, Self.menu]
        #expect(Self.region(menus) == 1...2)
    }

    /// A slideshow in the article: a carousel repeats its captions (clones for endless
    /// scrolling), each several times, interleaved. Seventeen such lines do not end the region
    /// as a run of seventeen menu lines does; one caption repeated alone is no slideshow.
    @Test func aSlideshowsRepeatedCaptionsDoNotEndTheArticle() {
        let repeated = BlockClass.bad(ruleID: RepeatedLineHeuristic.id, reason: "repeated")
        // Two captions, A and B, shown in turn between two parts of the article.
        let carousel = (0..<17).map { $0 % 3 == 0 ? 2 : 1 }
        let part = [BlockClass](repeating: .good, count: 3)
        let classes = part + carousel.map { _ in repeated } + part
        var features = [LineFeatures](repeating: LineFeatures(), count: classes.count)
        for (offset, caption) in carousel.enumerated() { features[offset + 3].fingerprint = caption }
        let slides = RepeatedLineHeuristic.slides(features: features, classes: classes)
        #expect(slides == [false, false, false] + [Bool](repeating: true, count: 17) + [false, false, false])
        let words = [40, 40, 40] + carousel.map { _ in 4 } + [40, 40, 40]
        let separators = [Bool](repeating: false, count: classes.count)
        let across = ArticleRegionHeuristic.region(
            classes: classes, words: words, separators: separators, gallery: slides, Self.t)
        #expect(across == 0...22)
        let without = ArticleRegionHeuristic.region(classes: classes, words: words, separators: separators, Self.t)
        #expect(without == 0...2)

        // One alt text under seven pictures: not a slideshow.
        var alone = features
        for index in 3..<20 { alone[index].fingerprint = 1 }
        #expect(RepeatedLineHeuristic.slides(features: alone, classes: classes) == nil)
    }

    /// A text browser's slideshow: bracketed alt texts that a rule dropped (no repeated-line
    /// class), taking turns. Copies further apart than `altTextGap` are another gallery.
    @Test func bracketedAltTextsTakingTurnsAreASlideshow() {
        let dropped = BlockClass.bad(ruleID: "ui.bracketed-text", reason: "alt text")
        let carousel = [1, 1, 2, 2, 1, 3, 1, 2, 1, 2, 2, 1, 3, 1, 2]
        let part = [BlockClass](repeating: .good, count: 3)
        let classes = part + carousel.map { _ in dropped } + part
        var features = [LineFeatures](repeating: LineFeatures(), count: classes.count)
        for (offset, alt) in carousel.enumerated() {
            features[offset + 3].fingerprint = alt
            features[offset + 3].isPlaceholder = true
        }
        let slides = RepeatedLineHeuristic.slides(features: features, classes: classes)
        #expect(slides == [false, false, false] + [Bool](repeating: true, count: carousel.count) + [false, false, false])

        var apart = [LineFeatures](repeating: LineFeatures(), count: 30)
        for index in [2, 25] {
            apart[index].fingerprint = 7
            apart[index].isPlaceholder = true
        }
        #expect(RepeatedLineHeuristic.bracketedAltTextGroups(features: apart).isEmpty)
    }

    /// Pictures without alt text (pandoc's `[]`, markdown's `![](url)`) do not end the region
    /// either: a gallery of them sits between an article's paragraphs.
    @Test func picturesWithoutAltTextAreRecognised() {
        func check(_ line: String) -> Bool {
            var line = line
            return line.withUTF8 { HeuristicPass.pictureAlts(UnsafeRawBufferPointer($0)) == 0 }
        }
        #expect(check("[]"))
        #expect(check("[] []"))
        #expect(check("![](https://example.com/a.jpg) ![](b.png)"))
        #expect(!check("[Photo]"))
        #expect(!check("![Harbour at dawn](a.jpg)"))
        #expect(!check("![Harbour at dawn](a.jpg"))
        #expect(!check("[ ]"))
        #expect(!check("[] Subscribe"))
        #expect(!check(""))
    }

    /// A slideshow of pictures whose alt texts take turns is a gallery; one alt text under
    /// several pictures is not.
    @Test func picturesWithAltTextsTakingTurnsAreAGallery() {
        func alts(_ line: String) -> UInt64? {
            var line = line
            return line.withUTF8 { HeuristicPass.pictureAlts(UnsafeRawBufferPointer($0)) }
        }
        let bag = alts("![Straw bag with a print](/uploads/bag-1.jpg)")
        let dress = alts("![Maxi dress with flowers](/uploads/dress.jpg)")
        #expect(bag != nil && dress != nil && bag != 0 && bag != dress)
        #expect(alts("![](a.jpg)") == 0)
        #expect(alts("![Straw bag](a.jpg) and text") == nil)
        #expect(alts("[Home](/)") == nil)

        let turns: [(index: Int, alts: UInt64)] = [(10, 7), (12, 9), (14, 7), (16, 9)]
        #expect(turns.indices.allSatisfy { HeuristicPass.isGalleryPicture(at: $0, in: turns) })
        let same: [(index: Int, alts: UInt64)] = [(10, 7), (12, 7), (14, 7)]
        #expect(!same.indices.contains { HeuristicPass.isGalleryPicture(at: $0, in: same) })
        // Pictures far apart are no slideshow.
        let apart: [(index: Int, alts: UInt64)] = [(10, 7), (40, 9)]
        #expect(!apart.indices.contains { HeuristicPass.isGalleryPicture(at: $0, in: apart) })
        #expect(HeuristicPass.isGalleryPicture(at: 0, in: [(5, 0)]))
    }
}
