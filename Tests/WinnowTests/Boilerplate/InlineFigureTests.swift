import Testing
@testable import Winnow

/// A figure between two paragraphs of a short article does not cut it in two.
@Suite struct InlineFigureTests {
    static func kept(_ text: String) throws -> [Int] {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: text))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions()).process(&document)
        return document.blocks.filter(\.isKept).map(\.origin.line)
    }

    static let above = "On Sunday, Ahmed Azza was given permission to leave his neighborhood for the first time in three days, and he walked to the checkpoint."
    static let below = "He placed his belongings on a table to be searched and crossed through the rotating metal barriers into the city."
    static let caption = "Israeli security forces near a checkpoint in the West Bank on October 11, 2023. Photograph: Ahmad Gharabli/Getty Images"

    /// w3m: the alt text over the credited caption, in one paragraph.
    @Test func aTextBrowsersFigureKeepsBothParts() throws {
        let page = "\(Self.above)\n\nPeople in combat gear stand near white vans with a red tape barrier\n\(Self.caption)\n\n\(Self.below)\n"
        #expect(try Self.kept(page) == [1, 6])
    }

    /// html2text: the picture, then its credited caption.
    @Test func aMarkdownFigureKeepsBothParts() throws {
        let page = "\(Self.above)\n\n![People in combat gear](https://example.com/a.jpg)\n\n\(Self.caption)\n\n\(Self.below)\n"
        #expect(try Self.kept(page) == [1, 7])
    }

    /// Under a teaser headline (no sentence), the credited photo is no figure of the article.
    @Test func aFigureAboveAHeadlineIsNotWeightless() {
        let blocks = Segmenter().blocks(from: "\(Self.above)\n\n\(Self.caption)\n\nWitness One Woman's Descent Into Madness as Her Coworkers Steal Her Tea\n")
        var document = Document(id: "test", blocks: blocks)
        document.blocks[1].verdict = Verdict(
            action: .drop, reason: Reason(ruleID: "captions.credited-caption", message: "caption", signals: .imageText))
        let features = FeatureExtractor().features(of: document).lines
        let classes: [BlockClass] = [.good, .bad(ruleID: "captions.credited-caption", reason: "caption"), .good]
        let captionLines = [false, false, false]
        #expect(InlineFigure.weightlessLines(classes: classes, features: features, captionLines: captionLines, blocks: document.blocks).isEmpty)
        let prose = Segmenter().blocks(from: "\(Self.above)\n\n\(Self.caption)\n\n\(Self.below)\n")
        var article = Document(id: "test", blocks: prose)
        article.blocks[1].verdict = document.blocks[1].verdict
        let proseFeatures = FeatureExtractor().features(of: article).lines
        #expect(InlineFigure.weightlessLines(classes: classes, features: proseFeatures, captionLines: captionLines, blocks: article.blocks) == [1])
    }
}
