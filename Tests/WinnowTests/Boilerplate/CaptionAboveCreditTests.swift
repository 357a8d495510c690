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
}
