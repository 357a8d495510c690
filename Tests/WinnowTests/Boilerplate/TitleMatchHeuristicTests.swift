import Testing
@testable import Winnow

/// A title that shares its content words with the article joins it across a share bar; a line
/// that does not (a site name, another story's headline) stays out.
@Suite struct TitleMatchHeuristicTests {
    static let prose = """
        The new bridge at Millbrook will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
        The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and the delay has cost the county dearly.
        """

    static func page(title: String) -> String {
        """
        Daily Valley News
        • Home
        • Sport
        • Weather
        \(title)
        By Sam Reed
        Photo gallery
        • Share
        • Tweet
        • Email
        • Print
        \(prose)
        """
    }

    @Test func titleAboveAShareBarJoinsTheArticle() throws {
        let document = try BoilerplateTestSupport.processed(Self.page(title: "Millbrook bridge to open in May after long delay"))
        let kept = document.blocks.filter(\.isKept).map(\.text)
        #expect(kept.first == "Millbrook bridge to open in May after long delay")
        #expect(kept.contains("By Sam Reed"))
        #expect(!kept.contains("Daily Valley News"))
        // The share bar between them is still dropped, by its own heuristic.
        for block in document.blocks where block.text.hasPrefix("•") {
            #expect(block.verdict?.action == .drop && block.verdict?.reason.ruleID == MenuItemHeuristic.id)
        }
    }

    @Test func aLineSharingFewWordsStaysOut() throws {
        let kept = try BoilerplateTestSupport.processed(Self.page(title: "Storm warning for the weekend across the north"))
            .blocks.filter(\.isKept).map(\.text)
        #expect(!kept.contains("Storm warning for the weekend across the north"))
        // One shared word ("county") is not enough either.
        let one = try BoilerplateTestSupport.processed(Self.page(title: "County fair opens with record crowds"))
            .blocks.filter(\.isKept).map(\.text)
        #expect(!one.contains("County fair opens with record crowds"))
    }

    @Test func crossesACommentTabButNotACommentHeading() throws {
        func kept(_ between: String) throws -> [String] {
            let page = Self.page(title: "Millbrook bridge to open in May after long delay")
                .replacingOccurrences(of: "Photo gallery", with: between)
            return try BoilerplateTestSupport.keptTexts(page)
        }
        #expect(try kept("12 Comments").contains("Millbrook bridge to open in May after long delay"))
        #expect(try !kept("Leave a comment on this story").contains("Millbrook bridge to open in May after long delay"))
    }

    @Test func offInPrecisionMode() throws {
        let kept = try BoilerplateTestSupport.processed(
            Self.page(title: "Millbrook bridge to open in May after long delay"), mode: .precision
        ).blocks.filter(\.isKept).map(\.text)
        #expect(!kept.contains("Millbrook bridge to open in May after long delay"))
    }

    @Test func contentWordsSkipStopwordsAndNumbersAndFoldCase() {
        var words: [Int] = []
        let english = StopwordIndex.shared.slot(of: "en").map { UInt64(1) << UInt64($0) }
        TitleMatchHeuristic.forEachContentWord(
            "The “Bridge” will open in 2025", index: .shared, stopwordBit: english
        ) { words.append($0) }
        var expected: [Int] = []
        TitleMatchHeuristic.forEachContentWord("bridge open", index: .shared, stopwordBit: english) { expected.append($0) }
        #expect(words == expected)
    }
}
