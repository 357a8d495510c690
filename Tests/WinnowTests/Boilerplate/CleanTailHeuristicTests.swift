import Testing
@testable import Winnow

/// After the rules, short lines after the article are kept when nothing after the region looks
/// like boilerplate (a text cleaned before), and dropped as footer when something does.
@Suite struct CleanTailHeuristicTests {
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

    @Test func endMovesOnlyOverCleanLines() {
        #expect(CleanTailHeuristic.end(after: 3, count: 7, isClean: { _ in true }) == 6)
        #expect(CleanTailHeuristic.end(after: 3, count: 7, isClean: { $0 != 5 }) == 3)
        #expect(CleanTailHeuristic.end(after: 6, count: 7, isClean: { _ in true }) == 6)
    }
}
