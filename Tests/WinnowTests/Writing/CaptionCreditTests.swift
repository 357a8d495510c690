import Foundation
import Testing
@testable import Winnow

/// `--keep-captions` keeps a caption's text; its credit still goes.
@Suite struct CaptionCreditTests {
    static func cut(_ raw: String, visible: String? = nil, at start: Int) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes in
            TextRenderer.withoutCredit(UnsafeRawBufferPointer(bytes), visible: visible ?? String(decoding: bytes, as: UTF8.self), creditStart: start)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test func cutsTheCreditFromTheLine() {
        let line = "Guards at a checkpoint. REUTERS/Stringer"
        #expect(Self.cut(line, at: 24) == "Guards at a checkpoint.")
        let ap = "The president waves. (AP Photo/Evan Vucci)"
        #expect(Self.cut(ap, at: 21) == "The president waves.")
        // Markup before the credit stays; the credit's own text must end the line.
        #expect(Self.cut("* **Guards** at a checkpoint. REUTERS/Stringer", visible: line, at: 24) == "* **Guards** at a checkpoint.")
        // A credit whose markup differs (a link in it) is not cut from the line's bytes.
        #expect(Self.cut("Soon. (Photo: [Ann](https://x))", visible: "Soon. (Photo: Ann)", at: 6) == nil)
        #expect(Self.cut(line, at: 0) == nil)
        // The label that introduces the credit goes with it; a sentence's own words stay.
        #expect(Self.cut("Tom Watson MP. Photo: Getty Images", at: 22) == "Tom Watson MP.")
        #expect(Self.cut("The harbour at dawn. Photo credit: Ann Lee", at: 35) == "The harbour at dawn.")
        #expect(Self.cut("La place du marché. Crédit photo : AFP", at: 37) == "La place du marché.")
        #expect(Self.cut("Troops in the city, according to the source: AFP", at: 45) == "Troops in the city, according to the source:")
    }

    /// A credit span is listed only where the writer cuts the credit: with `--keep-markdown`, a
    /// credit whose markup differs from its text stays in the line, and no span claims it.
    @Test func creditSpansFollowWhatTheWriterCuts() {
        var document = Document(
            id: "d", blocks: Segmenter().blocks(from: "Guards at a checkpoint. REUTERS/Stringer\n\nSoon. (Photo: [Ann](https://x))"))
        document.blocks[0].creditStart = 24
        document.blocks[0].creditRuleID = "captions.credited-caption"
        document.blocks[1].creditStart = 6
        document.blocks[1].creditRuleID = "captions.labelled-source"
        #expect(RemovedSpan.spans(of: document).map(\.firstLine) == [1, 3])
        #expect(RemovedSpan.spans(of: document, keepMarkdown: true).map(\.firstLine) == [1])
        #expect(RemovedSpan.spans(of: document).allSatisfy { $0.part == .credit })
    }

    @Test func keepCaptionsWritesTheSeedsCaptionsWithoutCredits() throws {
        let seed = URL(fileURLWithPath: RuleCatalog.rulesDirectory).deletingLastPathComponent()
            .appendingPathComponent("Corpus/seeds/raw/000_fe72407b8f1ba837.txt")
        let kept = try CLIRunner.run(["clean", seed.path, "--keep-captions"])
        #expect(kept.stdoutText.contains("They continued their lightning advance on Thursday, moving into towns just an hour's drive from the capital.\n"))
        #expect(!kept.stdoutText.contains("REUTERS/Stringer"))
        #expect(!kept.stdoutText.contains("Picture taken"))
        let explained = try CLIRunner.run(["explain", seed.path, "--keep-captions"])
        #expect(explained.stdoutText.contains("(a caption kept without its credit \"Picture taken June 11, 2014. REUTERS/Stringer\")"))
        // JSONL's removed spans name the line whose credit went, with the caption rule.
        let jsonl = try CLIRunner.run(["clean", seed.path, "--keep-captions", "--format", "jsonl"])
        #expect(jsonl.stdoutText.contains("\"reason\":\"\(RemovedSpan.creditMessage)\",\"part\":\"credit\""))
        let dropped = try CLIRunner.run(["clean", seed.path, "--format", "jsonl"])
        #expect(!dropped.stdoutText.contains("\"part\":"))
    }
}
