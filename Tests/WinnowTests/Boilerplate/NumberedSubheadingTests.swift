import Testing
@testable import Winnow

/// A listicle's numbered points each head a paragraph: they are the article's subheadings, not
/// menu entries, even in plain text where no link tells a list of links from an article's list.
@Suite struct NumberedSubheadingTests {
    static let page = """
        • Home
        • Careers
        • Contact

        Five habits of good interns

        Every summer we take on a handful of interns, and every summer the ones who do best share a few habits that have nothing to do with talent.

        1. Be a sponge

        Listen more than you talk in the first weeks, take notes in every meeting, and ask the people around you why things are done the way they are.

        2. Be slow to speak

        When you do speak up, make sure you have understood the problem first, because a good question is worth more than a quick answer to the wrong one.

        3. Be kind

        The office remembers who helped others when they were busy, long after it has forgotten who wrote the cleverest report of the summer.

        1. Home
        2. About
        3. Jobs
        """

    @Test func numberedPointsAboveProseAreKept() throws {
        let kept = try BoilerplateTestSupport.keptTexts(Self.page)
        #expect(kept.contains("1. Be a sponge"))
        #expect(kept.contains("3. Be kind"))
        #expect(!kept.contains("2. About"))
        #expect(!kept.contains("• Careers"))
    }

    @Test func aPlaceholderHeadsNothing() throws {
        let blocks = Segmenter().blocks(from: "1. [photo-0412]\nThe harbour at seven in the morning, when the fishing boats come back in with the tide and the gulls.")
        let classes: [BlockClass] = [.bad(ruleID: MenuItemHeuristic.id, reason: ""), .good]
        #expect(!MenuItemHeuristic.headsProse(at: 0, classes: classes, blocks: blocks))
        let entry = Segmenter().blocks(from: "4) Shop at thrift stores\nThe harbour at seven in the morning, when the fishing boats come back in with the tide and the gulls.")
        #expect(MenuItemHeuristic.headsProse(at: 0, classes: classes, blocks: entry))
        #expect(!MenuItemHeuristic.headsProse(at: 0, classes: [classes[0], .short], blocks: entry))
    }
}
