import Testing
@testable import Winnow

/// A link-dense line with a few words written around one or two links is text, not a menu
/// entry: it is neutral for the article region instead of bad.
@Suite struct LinkDenseWrappedTextTests {
    @Test(arguments: [
        ("Visit [Boy Mama](http://example.com/post) to see more", 4),
        ("  * [Branding for a job](http://example.com/a) by Phil Rosenberg", 3),
        ("175\\. [Friday news](http://example.com/b) (Mar. 20, 2007)", 4),
        ("  * 1 1/2 tsp [pumpkin pie spice](http://example.com/c)", 4),
        ("* ###### [The Well Quiz: Soft Drinks](http://example.com/d)", 0),
        ("[![](http://example.com/i.png)](http://example.com/) [Home](/)", 0),
        ("Labels: [Auto Tires](http://example.com/l)", 0),
        ("Via: [HiConsumption](http://example.com/v) and more", 0),
    ])
    func wordsOutsideTheLinks(line: String, words: Int) {
        #expect(LinkDenseHeuristic.unlinkedWords(line) == words)
    }

    @Test func oneOrTwoLinksWithThreeWordsAroundThem() {
        var features = LineFeatures()
        features.links = 1
        #expect(LinkDenseHeuristic.wrapsLinksInText(features, text: "Visit [the shop](/shop) to see more"))
        #expect(!LinkDenseHeuristic.wrapsLinksInText(features, text: "By [Ann Lee](/author/ann)"))
        features.links = 3
        #expect(!LinkDenseHeuristic.wrapsLinksInText(
            features, text: "[One](/1) and [two](/2) and [three](/3) more"))
    }

    @Test func aLinkWrappedInTextInsideTheArticleIsKept() throws {
        let page = """
            * [Home](/)
            * [News](/news)

            The council said on Friday that the library will open on Sundays from next month, after a survey showed that most of its readers wanted to visit at the weekend.

            Visit [the library's page](/library) to see the new hours

            The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent last year.

            Tags: [libraries](/tag/libraries), [council](/tag/council)

            * [About us](/about)
            * [Contact](/contact)
            """
        let kept = try BoilerplateTestSupport.keptLines(page, mode: .balanced)
        #expect(kept == [4, 6, 8])
    }
}

/// An address that the article's sentence introduces is the article's, though it is a link.
@Suite struct IntroducedAddressTests {
    @Test(arguments: ["name@example.org", "https://example.org/report.pdf", "www.example.org"])
    func addresses(text: String) {
        var text = text
        #expect(text.withUTF8 { LinkDenseHeuristic.isAddress($0) })
    }

    @Test(arguments: ["Contact us", "name@", "@example.org", "a b@example.org", "name@example"])
    func notAddresses(text: String) {
        var text = text
        #expect(!text.withUTF8 { LinkDenseHeuristic.isAddress($0) })
    }

    @Test func anIntroducedAddressIsKeptAndAMenuLinkIsNot() throws {
        let page = """
            * [Home](/)
            * [News](/news)

            The council said on Friday that the library will open on Sundays from next month, after a survey showed that most readers wanted to visit at the weekend.

            For this, the library has already set up a dedicated mailbox for the readers :

            [hours.library@example.org](mailto:hours.library@example.org)

            It asks readers to send their comments and their wishes for the new hours before the end of the month, so that the council can decide.

            Contact:

            [info@example.org](mailto:info@example.org)
            """
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.contains("[hours.library@example.org](mailto:hours.library@example.org)"))
        #expect(!kept.contains("[info@example.org](mailto:info@example.org)"))
    }
}
