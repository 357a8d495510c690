import Testing
@testable import Winnow

/// `Block.plainText` hands back the text itself for a line without markup; that must be what
/// the writer writes (`InlineMarkup.writtenText`) for every line.
@Suite struct BlockPlainTextTests {
    @Test func plainTextIsTheWrittenTextOnEveryLine() {
        let pieces = [
            "word", "The", " ", " ", "  ", "\t", "*", "**", "_", "`", "\\", "#", "## ", "> ", "* ", "- ", "+ ", "1. ", "[", "]",
            "](", "(u)", "![", "ü", "—", "|", "~~", ":", ".", "•", "● ", "□", "·", "[![](a.jpg)", "| |",
        ]
        var random = SplitMix(state: 11)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<random.below(10) { text += pieces[random.below(pieces.count)] }
            // A rule of marks (`| |`, `---`) is a separator block, which the writer leaves out.
            if text.withUTF8({ LineShape.kind(of: UnsafeRawBufferPointer($0)) }) == .separator { continue }
            let block = Block(text: text, origin: SourceSpan(line: 1, byteOffset: 0, byteLength: text.utf8.count))
            #expect(block.plainText == InlineMarkup.writtenText(text), "\(text.debugDescription)")
        }
    }
}
