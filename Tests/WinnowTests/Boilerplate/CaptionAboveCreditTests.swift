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

    static func verdicts(keepCaptions: Bool) throws -> [Int: String] {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions(keepCaptions: keepCaptions))
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

    @Test func onlyInTheCreditsParagraph() {
        let blocks = Segmenter().blocks(from: "A line of text here.\n\nPhoto: Jane Doe, AP")
        #expect(!CaptionAboveCredit.isCaption(at: 0, blocks: blocks, words: 4))
    }
}
