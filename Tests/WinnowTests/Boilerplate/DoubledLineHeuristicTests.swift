import Testing
@testable import Winnow

/// A line the clean text shows twice in a row is a picture's alt text over its caption.
@Suite struct DoubledLineHeuristicTests {
    static let page = """
        The court heard the case on Monday, and the justices asked both sides about the limits of the new rule for almost two hours.

        Associate Justice Samuel Alito sits during a group photo of the Justices in Washington.
        Associate Justice Samuel Alito sits during a group photo of the Justices in Washington.

        Erin Schaff/Pool/Getty Images

        A ruling is expected before the summer recess, the court's spokeswoman said after the hearing ended in the afternoon.

        Lawyers for both sides declined to comment on the questions from the bench, and the city said it would wait for the ruling.
        """

    static func cleaned(_ text: String, keepCaptions: Bool = false) throws -> Document {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: text))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions(keepCaptions: keepCaptions))
            .process(&document)
        return document
    }

    static func verdicts(_ document: Document) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: document.blocks.map { ($0.origin.line, $0.isKept ? "kept" : $0.verdict?.reason.ruleID ?? "") })
    }

    @Test func bothCopiesGo() throws {
        let ids = Self.verdicts(try Self.cleaned(Self.page))
        #expect(ids[3] == DoubledLineHeuristic.id && ids[4] == DoubledLineHeuristic.id, "\(ids)")
        #expect(ids[1] == "kept" && ids[8] == "kept" && ids[10] == "kept", "\(ids)")
    }

    @Test func keepCaptionsKeepsTheSecond() throws {
        let ids = Self.verdicts(try Self.cleaned(Self.page, keepCaptions: true))
        #expect(ids[3] == DoubledLineHeuristic.id && ids[4] == "kept", "\(ids)")
    }

    /// The copies are read as the clean text shows them: a dropped line between them does not
    /// hide the pair, so the clean text cleaned again drops nothing more.
    @Test func cleaningTheOutputAgainChangesNothing() throws {
        let document = try Self.cleaned(Self.page)
        let once = TextRenderer().render(document)
        let twice = TextRenderer().render(try Self.cleaned(once))
        #expect(once == twice)
        #expect(!once.contains("Samuel Alito sits"))
    }

    /// Short lines that repeat (a name, "Read more") are left to the other heuristics.
    @Test func threeWordsAreNoPicture() {
        let blocks = Segmenter().blocks(from: "Read the report\nRead the report\n")
        let features = FeatureExtractor().features(of: Document(id: "test", blocks: blocks)).lines
        #expect(DoubledLineHeuristic.pairs(in: blocks, features: features).isEmpty)
    }
}
