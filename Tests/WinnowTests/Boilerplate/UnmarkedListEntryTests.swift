import Testing
@testable import Winnow

/// A counter that shares its paragraph with other short entries is a toolbar entry, not the
/// comment thread's heading, when the rendering printed no bullets.
@Suite struct UnmarkedListEntryTests {
    static let t = HeuristicThresholds(mode: .balanced)

    static func features(_ words: [Int], sentence: Set<Int> = []) -> [LineFeatures] {
        words.enumerated().map { index, count in
            var line = LineFeatures()
            line.words = count
            line.endsLikeSentence = sentence.contains(index)
            return line
        }
    }

    @Test func aLineBesideAShortLineInItsParagraphIsAnEntry() {
        let lines = Self.features([2, 2, 1, 20])
        let paragraphs = [0, 0, 0, 1]
        #expect(UnmarkedListEntry.isEntry(at: 1, features: lines, paragraph: { paragraphs[$0] }, Self.t))
    }

    @Test func aLineAloneInItsParagraphIsNot() {
        let lines = Self.features([20, 2, 20])
        let paragraphs = [0, 1, 2]
        #expect(!UnmarkedListEntry.isEntry(at: 1, features: lines, paragraphs: paragraphs))
    }

    @Test func sentencesAroundItDoNotMakeItAnEntry() {
        // "3 Comments" right under the article's last line, then a comment's first line.
        let lines = Self.features([25, 2, 9], sentence: [0, 2])
        let paragraphs = [0, 0, 0]
        #expect(!UnmarkedListEntry.isEntry(at: 1, features: lines, paragraphs: paragraphs))
    }

    @Test func onlyBlankLinesMakeParagraphs() {
        #expect(!UnmarkedListEntry.usesBlankLines(Segmenter().blocks(from: "One\nTwo\nThree")))
        #expect(UnmarkedListEntry.usesBlankLines(Segmenter().blocks(from: "One\n\nTwo")))
    }

    /// The article under a toolbar of counters survives in a plain rendering: "4 Comments" is
    /// one of the toolbar's entries, so the thread does not start there and the author box
    /// above it does not become the article (it did when the counter started the thread).
    @Test func aCounterInAToolbarDoesNotStartTheThread() throws {
        let article = [
            "The county opened the new bridge at Millbrook on Monday, two years later than planned, after a final inspection of all of the steel work by the engineers.",
            "The old bridge, which is more than a hundred years old, will now close for repairs, and it will be used only by walkers and cyclists when it opens again.",
            "Work on the old bridge is expected to take a year, and the county said that the cost of the repairs would be shared with the national rail company.",
            "Traffic on the new bridge was light on its first morning, but the county expects it to carry more than ten thousand cars a day by the end of the year.",
            "Shops in the old town, which lost trade while the road was closed, said they hoped that their customers would now come back in time for the summer.",
            "The county will hold a small ceremony at the bridge next month, when the families of the workers who built it are invited to walk across it first.",
        ]
        let authorBox = [
            "Sam Reed is the editor of the Valley News and has written about the county and its roads for more than twenty years.",
            "He lives in Millbrook with his family and writes a column about the towns and villages of the valley every week.",
        ]
        let page = ["Daily Valley News", ""] + authorBox.flatMap { [$0, ""] }
            + ["12 Articles", "4 Comments", "Print", "", "New bridge opens at Millbrook", ""]
            + article.flatMap { [$0, ""] } + ["Contact us"]
        let kept = try BoilerplateTestSupport.keptTexts(page.joined(separator: "\n"))
        #expect(kept == ["New bridge opens at Millbrook"] + article)
    }
}

extension UnmarkedListEntry {
    /// `isEntry` with the paragraphs as an array (tests).
    static func isEntry(at index: Int, features: [LineFeatures], paragraphs: [Int]) -> Bool {
        isEntry(at: index, features: features, paragraph: { paragraphs[$0] }, HeuristicThresholds(mode: .balanced))
    }
}
