import Testing
@testable import Winnow

/// A text that opens with its article (cleaned before, or a feed's item) keeps its head: the
/// few short lines above the article are its title and byline when the first of them speaks of
/// what the article says; a masthead does not.
@Suite struct DocumentHeadTests {
    static let article =
        "The ferry between the old harbour and the island returned to service on Monday after four months in dry dock, where engineers replaced both engines."

    func head(_ lines: [String], classes: [BlockClass], opening: [String] = []) -> Int {
        let text = (lines + opening + [Self.article]).joined(separator: "\n\n")
        let document = Document(id: "d", blocks: Segmenter().blocks(from: text))
        let features = FeatureExtractor().features(of: document).lines
        let count = document.blocks.count
        let page = PageLines(
            features: features, classes: classes + opening.map { _ in .short } + [.good], captionLines: Array(repeating: false, count: count),
            separators: Array(repeating: false, count: count), separatorReasons: Array(repeating: nil, count: count),
            countedHeadings: [], quantityLines: Array(repeating: false, count: count),
            subheadings: Array(repeating: false, count: count), phraseLines: Array(repeating: false, count: count),
            listNumbers: Array(repeating: nil, count: count))
        let options = BoilerplateOptions()
        return HeuristicPass(options: options).documentHead(
            above: lines.count, upper: lines.count + opening.count, page: page, in: document, language: "en", options.thresholds)
    }

    /// The title may be told in the article's short first line rather than in its prose.
    @Test func titleToldInAShortOpeningLine() {
        let lines = ["Wednesday, 7 November 2012", "Some annoying news"]
        #expect(head(lines, classes: [.short, .short], opening: ["I have some annoying news."]) == 0)
        #expect(head(lines, classes: [.short, .short]) == 2)
    }

    @Test func titleAndBylineOpenTheText() {
        #expect(head(["Harbour ferry back after repairs", "By Mira Holt"], classes: [.short, .short]) == 0)
    }

    @Test func mastheadIsNotAHead() {
        #expect(head(["Daily Valley Courier", "By Mira Holt"], classes: [.short, .short]) == 2)
    }

    /// A blog post's date header tops its clean text: the title under it is the line that must
    /// speak of the article, and a date alone above the article is the article's date.
    @Test func dateLineAboveTheTitleOrAloneIsPartOfTheHead() {
        #expect(head(["Wednesday, 7 November 2012", "Harbour ferry back after repairs"], classes: [.short, .short]) == 0)
        #expect(head(["Thursday, August 9, 2012"], classes: [.short]) == 0)
        #expect(head(["October 29 2012", "Daily Valley Courier"], classes: [.short, .short]) == 2)
    }

    @Test func boilerplateShapeOrLongHeadIsNotAHead() {
        let menu: BlockClass = .bad(ruleID: MenuItemHeuristic.id, reason: "")
        #expect(head(["Harbour ferry back after repairs", "Home"], classes: [.short, menu]) == 2)
        let long = ["Harbour ferry back after repairs", "By Mira Holt", "Island desk", "12 March 2024"]
        #expect(head(long, classes: Array(repeating: .short, count: 4)) == 4)
    }
}
