import Testing
@testable import Winnow

/// A long paragraph the page prints more than once is shown once, its last copy; a shorter
/// line that repeats is left to the other heuristics.
@Suite struct RepeatedParagraphTests {
    private func earlierCopies(_ lines: [String]) -> [Int] {
        droppedCopies(lines).map(\.index)
    }

    private func droppedCopies(_ lines: [String]) -> [(index: Int, passage: Bool)] {
        let blocks = lines.enumerated().map { index, text in
            Block(text: text, paragraph: index, origin: SourceSpan(line: index + 1, byteOffset: 0, byteLength: text.utf8.count))
        }
        var features = [LineFeatures](repeating: LineFeatures(), count: lines.count)
        for (index, line) in lines.enumerated() {
            features[index].words = line.split(separator: " ").count
            features[index].fingerprint = line.lowercased().filter { $0.isLetter || $0.isNumber }.hashValue
        }
        return RepeatedParagraphHeuristic.earlierCopies(in: blocks, features: features)
    }

    static let paragraph = "The city council approved a plan on Tuesday evening to build new cycle lanes after a long debate."
    static let sentence = "The council met on Tuesday evening to talk about the lanes."

    @Test func everyCopyButTheLastGoes() {
        #expect(earlierCopies([Self.paragraph, "Other text.", Self.paragraph, Self.paragraph]) == [0, 2])
    }

    @Test func aShorterLineIsNotJudged() {
        #expect(earlierCopies([Self.sentence, Self.paragraph, Self.sentence]).isEmpty)
    }

    @Test func theShortLinesAroundACopyGoWithIt() {
        // A post printed twice: its heading and byline repeat with the paragraph; the heading
        // over the second copy differs from the line above the first, where the walk stops.
        let lines = [
            "Menu", "Pumpkin ravioli", Self.paragraph, "Posted by tofu", "Archive",
            "Pumpkin ravioli", Self.paragraph, "Posted by tofu", "Comments",
        ]
        let dropped = droppedCopies(lines)
        #expect(dropped.map(\.index) == [1, 2, 3])
        #expect(dropped.map(\.passage) == [true, false, true])
    }

    @Test func aPassagePrintedBackToBackGoesOnce() {
        // The earlier copy's walk ahead stops where the later copy starts.
        #expect(earlierCopies(["Intro", Self.paragraph, "Intro", Self.paragraph]) == [0, 1])
        #expect(earlierCopies([Self.paragraph, "Note", Self.paragraph, "Note"]) == [0, 1])
        #expect(earlierCopies([Self.paragraph, Self.paragraph, Self.paragraph]) == [0, 1])
    }

    /// A long page printed twice: every line of the first copy goes, once (each pair of copies
    /// inside a passage already walked is not walked again).
    @Test func aLongPagePrintedTwiceGoesOnce() {
        let page = (0..<2_000).map { "Paragraph \($0) of the long report on the city's budget, which the council debated for several weeks this spring." }
        let copies = droppedCopies(page + page)
        #expect(copies.map(\.index) == Array(0..<2_000))
        #expect(copies.allSatisfy { !$0.passage })
    }
}
