import Testing
@testable import Winnow

/// A sentence dense with inline links is prose: inside the article it stays, outside it goes
/// with its zone.
@Suite struct LinkDenseProseTests {
    static let page = """
        * [Home](/)
        * [News](/news)
        * [Sport](/sport)

        The council said on Friday that the library will open on Sundays from next month, after a survey showed that most of its readers wanted to visit at the weekend.

        The [survey of readers](/news/survey) was run by [the city's library service](/libraries) and [a group of volunteers](/friends) from the [Friends of the Library](/friends/about) over the summer.

        The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent last year.

        * [About us](/about)
        * [Contact](/contact)
        * [Jobs](/jobs)
        * [Advertise](/advertise)

        This site is run by [the Daily Example](/about) and [its partners](/partners) under [the terms of](/terms) the [Example Media Group](/group) and [its licence](/licence).

        * [Privacy](/privacy)
        * [Terms](/terms)
        """

    @Test func aLinkDenseSentenceInsideTheArticleIsKept() throws {
        let document = try BoilerplateTestSupport.processed(Self.page)
        let kept = Set(document.blocks.filter(\.isKept).map(\.origin.line))
        #expect(kept == [5, 7, 9])
    }

    @Test func theSentenceIsStillLinkDense() {
        let blocks = Segmenter().blocks(from: Self.page)
        let features = FeatureExtractor().features(of: Document(id: "t", blocks: blocks))
        guard let line = blocks.firstIndex(where: { $0.origin.line == 7 }) else {
            Issue.record("no line 7")
            return
        }
        let t = HeuristicThresholds(mode: .balanced)
        #expect(LinkDenseHeuristic.reason(features.lines[line], kind: blocks[line].kind, t) != nil)
    }
}
