import Testing

@testable import Winnow

/// w3m writes struck-through text as `[S:words:S]`: the words stay, the marks go.
@Suite struct TextBrowserStrikeTests {
    @Test(arguments: [
        ("So He'll Never Forget [S:It:S] Her", "So He'll Never Forget It Her"),
        ("root to blossom cooking, [S:Gangnam:S] vegan style.", "root to blossom cooking, Gangnam vegan style."),
        ("[S:Hannibal Lector:S] Hannibal Lecter", "Hannibal Lector Hannibal Lecter"),
        ("a [S:**bold**:S] word", "a bold word"),
    ])
    func marksGo(line: String, visible: String) {
        #expect(InlineMarkup.plainText(line) == visible)
        #expect(MatchSubject.plainText(line) == visible)
    }

    @Test(arguments: ["An [S: opener without its closer", "See [S] and :S] apart", "A [Section:Start] label"])
    func otherBracketsStay(line: String) {
        #expect(InlineMarkup.plainText(line) == line)
    }

    /// The feature pass reads the struck line as the parser does.
    @Test func theFeaturePassParsesAStruckLine() {
        #expect(Array("Never Forget [S:It:S] Her".utf8).withUnsafeBytes { FeatureExtractor.hasInlineMarkup($0) })
        #expect(!Array("A [Section:Start] label".utf8).withUnsafeBytes { FeatureExtractor.hasInlineMarkup($0) })
    }

    /// A line of openers without a closer is searched once, not once per opener.
    @Test func aLineOfOpenersStaysLinear() {
        let line = String(repeating: "x [S:", count: 20_000)
        #expect(InlineMarkup.plainText(line).utf8.count == line.utf8.count)
        #expect(!Array(line.utf8).withUnsafeBytes { FeatureExtractor.hasInlineMarkup($0) })
    }
}
