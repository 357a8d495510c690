import Testing
@testable import Winnow

/// A line the clean text would show twice in a row is a picture's alt text over its caption:
/// the first copy goes.
@Suite struct DoubledLineHeuristicTests {
    static let page = """
        The court heard the case on Monday, and the justices asked both sides about the limits of the new rule for almost two hours.

        Associate Justice Samuel Alito sits during a group photo of the Justices in Washington.
        Associate Justice Samuel Alito sits during a group photo of the Justices in Washington.

        Erin Schaff/Pool/Getty Images

        A ruling is expected before the summer recess, the court's spokeswoman said after the hearing ended in the afternoon.

        Lawyers for both sides declined to comment on the questions from the bench, and the city said it would wait for the ruling.
        """

    static func cleaned(_ text: String) throws -> Document {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: text))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions())
            .process(&document)
        return document
    }

    static func verdicts(_ document: Document) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: document.blocks.map { ($0.origin.line, $0.isKept ? "kept" : $0.verdict?.reason.ruleID ?? "") })
    }

    @Test func theFirstCopyGoes() throws {
        let ids = Self.verdicts(try Self.cleaned(Self.page))
        #expect(ids[3] == DoubledLineHeuristic.id && ids[4] == "kept", "\(ids)")
        #expect(ids[1] == "kept" && ids[8] == "kept" && ids[10] == "kept", "\(ids)")
    }

    /// Whatever the mode, the text is shown once: the modes stay nested.
    @Test(arguments: [BoilerplateOptions.Mode.precision, .balanced, .recall])
    func everyModeShowsTheLineOnce(mode: BoilerplateOptions.Mode) throws {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: Self.page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions(mode: mode)).process(&document)
        let text = TextRenderer().render(document)
        #expect(text.components(separatedBy: "Samuel Alito sits").count == 2, "\(text)")
    }

    /// The copies are read as the clean text shows them: a dropped line between them does not
    /// hide the pair, so the clean text cleaned again drops nothing more.
    @Test func cleaningTheOutputAgainChangesNothing() throws {
        let document = try Self.cleaned(Self.page)
        let once = TextRenderer().render(document)
        let twice = TextRenderer().render(try Self.cleaned(once))
        #expect(once == twice)
        #expect(once.components(separatedBy: "Samuel Alito sits").count == 2)
    }

    /// Short lines that repeat (a name, "Read more") are left to the other heuristics.
    @Test func threeWordsAreNoPicture() {
        let blocks = Segmenter().blocks(from: "Read the report\nRead the report\n")
        let features = FeatureExtractor().features(of: Document(id: "test", blocks: blocks)).lines
        #expect(DoubledLineHeuristic.firstCopies(in: blocks, features: features).isEmpty)
    }

    /// With `--keep-captions`, a caption is shown without its credit: an alt text that says
    /// the same as the caption's text is a copy too, so the clean text cleaned again agrees.
    @Test func aKeptCaptionIsComparedWithoutItsCredit() throws {
        let page = """
            The court heard the case on Monday, and the justices asked both sides about the limits of the new rule for almost two hours.

            Guards stand at a checkpoint in the north of the city
            Guards stand at a checkpoint in the north of the city. REUTERS/Stringer

            A ruling is expected before the summer recess, the court's spokeswoman said after the hearing ended in the afternoon.

            Lawyers for both sides declined to comment on the questions from the bench, and the city said it would wait for the ruling.
            """
        func clean(_ text: String) throws -> Document {
            var document = Document(id: "test", blocks: Segmenter().blocks(from: text))
            try LanguageDetector().process(&document)
            try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions(keepCaptions: true)).process(&document)
            return document
        }
        let document = try clean(page)
        let ids = Self.verdicts(document)
        #expect(ids[3] == DoubledLineHeuristic.id && ids[4] == "kept", "\(ids)")
        let once = TextRenderer().render(document)
        #expect(once.components(separatedBy: "Guards stand").count == 2, "\(once)")
        #expect(TextRenderer().render(try clean(once)) == once)
    }
}
