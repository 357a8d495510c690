import Testing
@testable import Winnow

/// The caption line right above a photo credit goes with it (unless captions are kept).
@Suite struct CaptionAboveCreditTests {
    static let page = """
        Die Bundesregierung will im kommenden Jahr rund zwölf Milliarden Euro einsparen, das geht aus einem Papier des Finanzministeriums hervor.

        Finanzminister im Bundestag: Kürzungen bei Förderprogrammen geplant
        Foto: Kay Nietfeld / dpa

        Der Minister verteidigte die Pläne am Dienstag. Man könne nicht dauerhaft mehr ausgeben, als man einnehme, sagte er in Berlin.
        """

    static func verdicts(keepCaptions: Bool, rules: RuleSet? = nil) throws -> [Int: String] {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try rules ?? RuleSet.builtin(), options: BoilerplateOptions(keepCaptions: keepCaptions))
            .process(&document)
        var dropped: [Int: String] = [:]
        for block in document.blocks where !block.isKept {
            dropped[block.origin.line] = block.verdict?.reason.ruleID
        }
        return dropped
    }

    @Test func captionAboveACreditIsDropped() throws {
        let dropped = try Self.verdicts(keepCaptions: false)
        #expect(dropped[3] == CaptionAboveCredit.id)
        #expect(dropped[4] == "captions.photo-credit")
        #expect(dropped[1] == nil && dropped[6] == nil, "\(dropped)")
    }

    /// A paragraph of three sentences over the credit for a post's photos is the post's.
    @Test func aParagraphOverACreditIsNoCaption() throws {
        let page = """
            Die Veranstaltung war laut, voll und viel zu lang, und am Ende wusste niemand mehr, worum es eigentlich gegangen war.

            PS: Habe zuhause mal den Duschkopf abgeschraubt und das Ganze getestet, Ehrensache. Da hat nix gespritzt. Wer sich ein Gießrohr wünscht, gibt Bescheid, ne?
            Photo Credit: Catwalkpictures
            """
        var document = Document(id: "ps", blocks: Segmenter().blocks(from: page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover().process(&document)
        #expect(document.blocks[1].verdict?.reason.ruleID != CaptionAboveCredit.id)
        #expect(CaptionAboveCredit.sentenceBreaks(in: "Guards at a checkpoint. Picture taken June 11.") == 1)
        #expect(CaptionAboveCredit.sentenceBreaks(in: "One. Two! Three? four") == 2)
    }

    @Test func keepCaptionsKeepsIt() throws {
        let dropped = try Self.verdicts(keepCaptions: true)
        #expect(dropped[3] == nil)
        #expect(dropped[4] == "captions.photo-credit")
    }

    /// The credit is known by its rule's `photo-credit` signal, not by the rule's id.
    @Test func aUsersCreditRuleTakesPartByItsSignal() throws {
        func credit(_ id: String, signals: RuleSignals) -> Rule {
            Rule(
                id: id, name: id, description: "A photo credit.", scope: .line, match: RulePattern(.prefix("Foto: ")),
                signals: signals,
                examples: RuleExamples(drop: [RuleExample(text: "Foto: dpa", line: 1)], keep: [RuleExample(text: "Fotos", line: 1)]),
                location: RuleLocation(path: "mine.yaml", line: 1))
        }
        let mine = try Self.verdicts(keepCaptions: false, rules: RuleSet(rules: [credit("mine.credit", signals: .photoCredit)]))
        #expect(mine[3] == CaptionAboveCredit.id && mine[4] == "mine.credit", "\(mine)")
        // The built-in id without the signal: the line above is no caption.
        let unsignalled = try Self.verdicts(keepCaptions: false, rules: RuleSet(rules: [credit("captions.photo-credit", signals: [])]))
        #expect(unsignalled[3] != CaptionAboveCredit.id && unsignalled[4] == "captions.photo-credit", "\(unsignalled)")
    }

    @Test func onlyInTheCreditsParagraph() {
        let blocks = Segmenter().blocks(from: "A line of text here.\n\nPhoto: Jane Doe, AP")
        #expect(!CaptionAboveCredit.isCaption(at: 0, blocks: blocks, words: 4))
    }

    static let figure = """
        The city has long been seen as a testing ground for new surveillance technology, and residents say the war has made it far worse.

        On Sunday, Ahmed Azza was given permission to leave his neighborhood for the first time in three days, and he walked to the checkpoint.

        People in combat gear stand near white vans with a red tape barrier
        Israeli security forces near a checkpoint in the West Bank on October 11, 2023. Photograph: Ahmad Gharabli/Getty Images

        He placed his belongings on a table to be searched and crossed through the rotating metal barriers into the city.

        Ten hours later, he was given a one-hour window to return home before the checkpoint closed for the next two days.

        Azza lives in the most tightly controlled neighborhood in the city, where cameras watch the street from every roof.
        """

    /// A text browser's alt-text line over a caption that a rule dropped by its credit.
    @Test func altTextAboveACreditedCaptionIsDropped() throws {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: Self.figure))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions()).process(&document)
        let ids = Dictionary(uniqueKeysWithValues: document.blocks.map { ($0.origin.line, $0.isKept ? "kept" : $0.verdict?.reason.ruleID ?? "") })
        #expect(ids[5] == CaptionAboveCredit.id && ids[6] == "captions.credited-caption", "\(ids)")
        #expect(ids[1] == "kept" && ids[3] == "kept" && ids[8] == "kept", "\(ids)")
    }

    /// A byline over a file name with a credit stays: the slug does not read as a caption.
    @Test func aBylineOverACreditedSlugStays() throws {
        let page = """
            Smoking rates among teenagers have fallen for the fifth year in a row, a new survey finds, and the decline is sharpest among girls.

            By Anahad O'Connor
            [05well_smoking2-articleInl]Bruce Dale/Getty Images

            The survey asked more than forty thousand students in three hundred schools about their habits and what their friends did.
            """
        var document = Document(id: "test", blocks: Segmenter().blocks(from: page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions()).process(&document)
        let byline = document.blocks.first { $0.origin.line == 3 }
        #expect(byline?.verdict?.reason.ruleID != CaptionAboveCredit.id)
    }

    /// An alt text that repeats the caption's opening goes with it, a full sentence or not.
    @Test func altTextRepeatingTheCaptionIsDropped() throws {
        let page = Self.figure.replacingOccurrences(
            of: "People in combat gear stand near white vans with a red tape barrier",
            with: "Israeli security forces near a checkpoint in the West Bank on October 11, 2023.")
        var document = Document(id: "test", blocks: Segmenter().blocks(from: page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions()).process(&document)
        let alt = document.blocks.first { $0.origin.line == 5 }
        #expect(alt?.verdict?.reason.ruleID == CaptionAboveCredit.id)
    }
}
