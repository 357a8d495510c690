import Testing
@testable import Winnow

/// After the rules, short lines around the article are kept when nothing there looks like
/// boilerplate (a text cleaned before), and dropped as header or footer when something does.
@Suite struct CleanEdgesHeuristicTests {
    static let article = [
        "Planting a hedge for birds",
        "Autumn is the best time to plant a native hedge, because the soil is still warm and the winter rain settles the roots before the young plants have to put out leaves in spring.",
        "A mixed hedge of hawthorn, blackthorn, hazel and dog rose gives birds shelter from cats and from the wind, and its flowers and berries feed insects and birds for most of the year.",
    ]
    static let list = [
        "• Bare-root whips of five or six native species",
        "• A spade, a bucket of water and a pair of gloves",
        "• Rabbit guards and canes for every single whip",
    ]
    static let page = (["• Home", "• Gardening", "• Contact", ""] + article.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        + list + ["", "• Share", "• Tweet", "Copyright 2024 The Garden Journal"]).joined(separator: "\n")

    func cleaned(_ text: String, rules: Bool = true) throws -> String {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: text))
        try BoilerplateRemover(rules: rules ? try RuleSet.builtin() : nil).process(&document)
        return TextRenderer().render(document)
    }

    @Test func listEndingAnArticleSurvivesASecondCleaning() throws {
        let once = try cleaned(Self.page)
        for line in Self.list { #expect(once.contains(line.dropFirst(2)), "\(line)") }
        #expect(!once.contains("Copyright") && !once.contains("Tweet"))
        #expect(try cleaned(once) == once)
    }

    @Test func tailWithAFooterLineIsDropped() throws {
        let text = (Self.article + ["What to bring", "Gloves", "Follow us on Twitter"]).joined(separator: "\n\n")
        let once = try cleaned(text)
        #expect(!once.contains("What to bring") && !once.contains("Gloves"))
    }

    @Test func heuristicsAloneDoNotTrustATail() throws {
        let text = (Self.article + ["Most read", "Council tax to rise by four per cent"]).joined(separator: "\n\n")
        // Without rules nothing says that this is a widget, so the tail is not trusted (with
        // them, the widget-section rule drops "Most read" and its headlines).
        #expect(!(try cleaned(text, rules: false)).contains("Council tax"))
        #expect(!(try cleaned(text)).contains("Council tax"))
    }

    /// A cleaned blog post opens with its date and a one-word title that documentHead does not
    /// take (its word is not in the article's opening).
    static let post = [
        "Sunday, October 28, 2012", "Backwards!",
        "I have read several items over the last few weeks that are trying to come together in my head, and this post is my attempt to write them down in one place.",
        "The first is a piece about how a car company sells and services its cars, which turns the usual way of doing it around on purpose and for good reasons.",
    ]

    @Test func cleanHeadIsKeptWhenNoRuleDroppedALine() throws {
        let once = try cleaned(Self.post.joined(separator: "\n\n"))
        #expect(once.hasPrefix("Sunday, October 28, 2012\n\nBackwards!\n\n"))
        #expect(!(try cleaned(Self.post.joined(separator: "\n\n"), rules: false)).contains("Backwards!"))
    }

    @Test func cleanHeadIsDroppedWhenARuleDroppedALine() throws {
        let text = (Self.post + ["Follow us on Twitter"]).joined(separator: "\n\n")
        #expect(!(try cleaned(text)).contains("Backwards!"))
    }

    @Test func startMovesOnlyOverCleanLinesOfAPageWithoutRuleDrops() {
        #expect(CleanEdgesHeuristic.start(before: 3, pageHasRuleDrops: false, isClean: { _ in true }) == 0)
        #expect(CleanEdgesHeuristic.start(before: 3, pageHasRuleDrops: true, isClean: { _ in true }) == 3)
        #expect(CleanEdgesHeuristic.start(before: 3, pageHasRuleDrops: false, isClean: { $0 != 1 }) == 3)
    }

    @Test func endMovesOnlyOverCleanLines() {
        #expect(CleanEdgesHeuristic.end(after: 3, count: 7, isClean: { _ in true }) == 6)
        #expect(CleanEdgesHeuristic.end(after: 3, count: 7, isClean: { $0 != 5 }) == 3)
        #expect(CleanEdgesHeuristic.end(after: 6, count: 7, isClean: { _ in true }) == 6)
    }
}
