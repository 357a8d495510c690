import Testing
@testable import Winnow

/// Link-led list items, and the runs of three that make a list of other pages.
@Suite struct LinkListHeuristicTests {
    @Test func itemsThatOpenWithALink() {
        #expect(LinkListHeuristic.opensWithLink("  * [Night buses saved](/news/buses) after a campaign", kind: .listItem))
        #expect(LinkListHeuristic.opensWithLink("- [![](/img/a.jpg)](/news/a)", kind: .listItem))
        #expect(!LinkListHeuristic.opensWithLink("* Ferries run from [both quays](/ferries).", kind: .listItem))
        #expect(!LinkListHeuristic.opensWithLink("* [not a link, a bracket", kind: .listItem))
        #expect(!LinkListHeuristic.opensWithLink("[Night buses saved](/news/buses)", kind: .linkLine))
    }

    @Test func onlyRunsOfThreeCount() throws {
        let text = """
            * [One](/1) a
            * [Two](/2) b
            * Plain item
            * [Three](/3) c
            * [Four](/4) d
            * [Five](/5) e
            """
        let blocks = Segmenter().blocks(from: text)
        #expect(LinkListHeuristic.members(of: blocks) == [false, false, false, true, true, true])
    }
}
