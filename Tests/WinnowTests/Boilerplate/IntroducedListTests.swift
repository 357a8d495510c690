import Testing
@testable import Winnow

/// Short bullets under a sentence that ends with a colon are the article's list; under a
/// label ("Hot topics:") they are a menu.
@Suite struct IntroducedListTests {
    static let page = """
        The council said on Friday that the library will open on Sundays from next month, after a survey showed that most of its readers wanted to visit at the weekend.
        The survey asked readers which of the new services they would use most often:
        • Sunday opening
        • Evening classes
        • Home delivery
        The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent last year.
        Hot topics:
        • Elections
        • Weather
        The new hours start on the first Sunday of next month, and the library will publish the full timetable for the winter on its notice board and in the local paper.
        """

    /// The source lines `MenuItemHeuristic.introducedEntries` marks on `page`, its lines
    /// classed by the menu-item heuristic and `BlockClass.classify` alone.
    static func introducedLines(_ page: String) -> Set<Int> {
        let blocks = Segmenter().blocks(from: page)
        let t = HeuristicThresholds(mode: .balanced)
        let features = FeatureExtractor().features(of: Document(id: "t", blocks: blocks)).lines
        let classes = features.indices.map { index -> BlockClass in
            if let reason = MenuItemHeuristic.reason(features[index], kind: blocks[index].kind, t) {
                return .bad(ruleID: MenuItemHeuristic.id, reason: reason)
            }
            return BlockClass.classify(features[index], stopwordsUsable: true, t)
        }
        let introduced = MenuItemHeuristic.introducedEntries(
            classes: classes, features: features, kinds: blocks.map(\.kind), t)
        return Set(blocks.indices.filter { introduced[$0] }.map { blocks[$0].origin.line })
    }

    @Test func entriesOfAnIntroducedListAreKept() throws {
        let kept = try BoilerplateTestSupport.keptLines(Self.page, mode: .balanced)
        #expect(kept.isSuperset(of: [2, 3, 4, 5]))
        #expect(kept.isDisjoint(with: [8, 9]))
    }

    @Test func onlyMenuItemsAfterASentenceWithAColonAreMarked() {
        #expect(Self.introducedLines(Self.page) == [3, 4, 5])
    }

    /// html2text closes a bold introduction on a line of its own (`**`): a line without words
    /// between the introduction and its list does not end the introduction.
    @Test func aWordlessLineDoesNotEndTheIntroduction() {
        let page = """
            The council said on Friday that the library will open on Sundays from next month, after a survey showed that most of its readers wanted to visit at the weekend.
            #### **The services readers said they would use most often:
            **
            * Sunday opening
            * Evening classes
            * Home delivery
            The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent last year.
            """
        #expect(Self.introducedLines(page) == [4, 5, 6])
    }

    /// A listicle's numbered points after "… in ten points:", one of them long enough not to
    /// look like a menu entry, then more of the article: the list is crossed and kept whole.
    static let listicle = """
        The council said on Friday that the library will open on Sundays from next month, after a survey showed that most of its readers wanted to visit at the weekend.
        The librarian explains the new rules for readers in five short points:
        1. Bring your card
        2. Keep quiet upstairs
        3. Return every book you borrowed on time or pay the small fee
        4. No food
        5. Ask for help
        The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent last year.
        The new hours start on the first Sunday of next month, and the library will publish the full timetable for the winter on its notice board and in the local paper.
        Most read
        • Elections
        • Weather
        """

    @Test func aListWithALongerEntryStaysIntroducedAndIsBridged() throws {
        let kept = try BoilerplateTestSupport.keptLines(Self.listicle, mode: .balanced)
        #expect(kept.isSuperset(of: [1, 2, 3, 4, 5, 6, 7, 8, 9]))
        #expect(kept.isDisjoint(with: [10, 11, 12]))
    }
}
