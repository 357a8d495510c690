import Testing
@testable import Winnow

/// A tiny blog post framed by its template: the link to the neighbouring posts above it and the
/// post footer ("Posted in … | Permalink | Comments (0)") under it.
@Suite struct PostFrameTests {
    @Test func theWalkUpStopsAtAPostTopBoundary() {
        // Lines: 0 sidebar line, 1 neighbour links (a rule drop, a boundary), 2 title, 3 text, 4 marker.
        let post = PostBeforeCommentsHeuristic.post(
            classes: [.short, .short, .short, .short, .short], words: [4, 6, 3, 7, 5], isMarker: { $0 == 4 },
            isSkipped: { $0 == 1 }, isHeading: { _ in false }, isBoundary: { $0 == 1 })
        #expect(post == 2...3)
        // Without the boundary the rule-dropped line is stepped over and the sidebar joins.
        let unbounded = PostBeforeCommentsHeuristic.post(
            classes: [.short, .short, .short, .short, .short], words: [4, 6, 3, 7, 5], isMarker: { $0 == 4 },
            isSkipped: { $0 == 1 }, isHeading: { _ in false })
        #expect(unbounded == 0...3)
    }

    @Test func aTinyPostBetweenNeighbourLinksAndItsFooterIsKept() throws {
        let sidebar = (1...26).map { "Craft idea number \($0)" }.joined(separator: "\n")
        let page = """
            Daily Valley Crafts
            • Home
            • About
            Welcome to my little craft corner, where I post one idea for children every single day of the year.
            \(sidebar)
            « Paper boats | Main | Salt dough stars »
            Leaf garland
            A pretty garland of paper leaves to hang over the table.
            Posted at 10:02 AM in Crafts | Permalink | Comments (0)
            """
        var document = Document(id: "test", blocks: Segmenter().blocks(from: page))
        try BoilerplateRemover(rules: try RuleSet.builtin()).process(&document)
        let kept = document.blocks.filter(\.isKept).map(\.text)
        #expect(kept == ["Leaf garland", "A pretty garland of paper leaves to hang over the table."])
    }
}
