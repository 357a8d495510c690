import Testing
@testable import Winnow

/// The segmenter marks lines that the writers may copy as they are (`TextTraits.verbatim`), and
/// the JSONL writer escapes the clean text straight into its output. Both are shortcuts: the
/// bytes must be exactly those of the general path.
@Suite struct VerbatimLineTests {
    let segmenter = Segmenter()

    /// Bytes that a writer has to look at: markup, quotes, controls and tabs, double spaces.
    static func hasSpecialByte(_ line: [UInt8]) -> Bool {
        for (index, byte) in line.enumerated() {
            if byte < 0x20 || byte == 0x22 || byte == 0x2A || (0x5B...0x60).contains(byte) { return true }
            if byte == 0x20, index > 0, line[index - 1] == 0x20 { return true }
        }
        return false
    }

    @Test func plainLinesAreVerbatimAndOthersAreNot() {
        let plain = [
            "Short line.", "A line long enough to take the sixteen-byte path, twice over at least.",
            "Привет, это строка на русском языке без разметки.", "ภาษาไทยไม่มีช่องว่างระหว่างคำ", "# Heading words",
            // Indentation and trailing spaces are trimmed away, so they are not double spaces.
            "    An indented line as text browsers print every paragraph of a page.", "  • List item  ",
            "\u{A0}\u{A0}   no-break spaces first, then a line long enough for the vectors   ",
        ]
        let special = [
            "A line with a [link](http://x) in it, long enough.", "He said \"yes\" and left the room quietly.",
            "Two  spaces inside a long line of ordinary words.", "tab\tinside", "snake_case_name",
            "back\\slash in a rather long line of text here", "emphasis *here* and there, long line", "a  b",
            "caf\u{65}\u{301} with a combining accent, a long line of text",
        ]
        for text in plain {
            let blocks = segmenter.blocks(from: text)
            #expect(blocks.count == 1 && blocks[0].traits.contains(.verbatim), "\(text)")
        }
        for text in special {
            let blocks = segmenter.blocks(from: text)
            #expect(blocks.count == 1 && !blocks[0].traits.contains(.verbatim), "\(text)")
        }
        // A cleaned line (a control character removed) is never verbatim: removing it can
        // leave two spaces side by side.
        let cleaned = segmenter.blocks(from: "words \u{7} more words in a line longer than sixteen")
        #expect(cleaned.count == 1 && !cleaned[0].traits.contains(.verbatim))
        // Controls among the indentation: the spaces on both sides of them are indentation.
        let indented = segmenter.blocks(from: "  \u{1}  \u{7F} Words after controls and spaces.")
        #expect(indented.count == 1 && indented[0].text == "Words after controls and spaces." && indented[0].indent == 5)
        var block = segmenter.blocks(from: "Plain words here.")[0]
        block.text = "now *marked*"
        #expect(!block.traits.contains(.verbatim))
    }

    /// Random lines from pieces that exercise every branch (markup, quotes, tabs, doubled
    /// spaces, controls, CR, NFC-changing sequences, Thai, Cyrillic), at every length around
    /// the sixteen-byte steps.
    static func randomText(_ generator: inout SplitMix) -> String {
        let pieces = [
            "word", " ", " ", "  ", "[a](u)", "*", "_", "`", "\"", "\\", "\t", "\u{1}", "\u{7F}", "\u{85}", "\r",
            "e\u{301}", "\u{1FEF}", "Привет", "ภาษา", "é", "#", "> ", "- ", "1. ", "]", "!", "\n", "\n\n", "x",
            "abcdefghijklmnop",
        ]
        var text = ""
        let count = Int(generator.next() % 40)
        for _ in 0..<count { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return text
    }

    @Test func verbatimLinesHaveNoSpecialByteAndRenderAsThemselves() {
        var generator = SplitMix(state: 7)
        for _ in 0..<3000 {
            for block in segmenter.blocks(from: Self.randomText(&generator)) where block.traits.contains(.verbatim) {
                let bytes = Array(block.text.utf8)
                #expect(!Self.hasSpecialByte(bytes), "\(block.text)")
                var rendered: [UInt8] = []
                bytes.withUnsafeBytes { InlineMarkup.appendPlainText(UTF8Bytes: $0, to: &rendered) }
                let stripped = bytes.withUnsafeBytes { Array(InlineMarkup.strippingBlockMarkers($0)) }
                #expect(rendered == stripped, "\(block.text)")
            }
        }
    }

    @Test func jsonBodyIsTheEscapedCleanText() {
        var generator = SplitMix(state: 11)
        for keepMarkdown in [false, true] {
            let text = TextRenderer(keepMarkdown: keepMarkdown)
            let renderer = JSONLRenderer(text: text)
            for round in 0..<2000 {
                var document = Document(id: "d\(round)", blocks: segmenter.blocks(from: Self.randomText(&generator)))
                for index in document.blocks.indices where generator.next() % 4 == 0 {
                    document.blocks[index].verdict = .drop("test.drop", "random")
                }
                let clean = text.renderBytes(document)
                var direct: [UInt8] = Array("prefix".utf8)
                let visible = renderer.render(document, appendingTo: &direct)
                #expect(visible == !clean.isEmpty)
                if clean.isEmpty {
                    #expect(direct == Array("prefix".utf8))
                } else {
                    var expected: [UInt8] = Array("prefix".utf8)
                    renderer.render(document, cleanText: clean, appendingTo: &expected)
                    #expect(direct == expected, "\(String(decoding: clean, as: UTF8.self))")
                }
            }
        }
    }
}
