import Testing
@testable import Winnow

/// In markdown that shows its links, a short list item without a link is not a menu entry.
@Suite struct UnlinkedListItemTests {
    static let menu = """
        * [Home](/)
        * [Recipes](/recipes)
        * [Travel](/travel)
        * [About](/about)
        * [Contact](/contact)
        """

    static func reasons(_ text: String) -> [String?] {
        let document = Document(id: "t", blocks: Segmenter().blocks(from: text))
        let (features, _) = FeatureExtractor().features(of: document)
        let showsLinks = MenuItemHeuristic.showsLinks(features)
        return zip(document.blocks, features).map { block, line in
            if showsLinks, block.kind == .listItem, line.links == 0 { return nil }
            return MenuItemHeuristic.reason(line, kind: block.kind, HeuristicThresholds(mode: .balanced))
        }
    }

    @Test func pagesWithFiveLinkedLinesShowTheirLinks() {
        let document = Document(id: "t", blocks: Segmenter().blocks(from: Self.menu))
        #expect(MenuItemHeuristic.showsLinks(FeatureExtractor().features(of: document).0))
        let plain = Document(id: "t", blocks: Segmenter().blocks(from: "• Home\n• About\n• Contact\n• Recipes\n• Travel"))
        #expect(!MenuItemHeuristic.showsLinks(FeatureExtractor().features(of: plain).0))
    }

    @Test func unlinkedItemsAreNotMenuEntriesInMarkdown() throws {
        let page = Self.menu + """


            Plum season means one thing in our house: my grandmother's tart, which she baked every Sunday in September with the plums from the garden.

            * 250 g flour
            * 125 g butter
            * 1 kg plums

            The secret is a spoonful of semolina under the fruit: it soaks up the juice, so the pastry stays crisp even the day after it is baked.
            """
        let kept = try BoilerplateTestSupport.keptLines(page, mode: .balanced)
        #expect(kept.isSuperset(of: [7, 9, 10, 11, 13]))
        #expect(kept.isDisjoint(with: [1, 2, 3, 4, 5]))
    }

    @Test func plainTextBulletsStayMenuEntries() {
        // Without visible links, a short bullet is still a menu entry candidate.
        let reasons = Self.reasons("• Home\n• About us\n• Contact")
        #expect(reasons.allSatisfy { $0 != nil })
    }
}
