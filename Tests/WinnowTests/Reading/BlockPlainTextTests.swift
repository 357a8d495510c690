import Testing
@testable import Winnow

/// `Block.plainText` hands back the text itself for a line without markup; that must be what
/// `InlineMarkup.plainText` gives for every line.
@Suite struct BlockPlainTextTests {
    @Test func plainTextIsTheParsersOnEveryLine() {
        let pieces = [
            "word", "The", " ", " ", "  ", "\t", "*", "**", "_", "`", "\\", "#", "## ", "> ", "* ", "- ", "+ ", "1. ", "[", "]",
            "](", "(u)", "![", "ü", "—", "|", "~~", ":", ".", "•", "● ", "□", "·", "[![](a.jpg)", "| |",
        ]
        var random = SplitMix(state: 11)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<random.below(10) { text += pieces[random.below(pieces.count)] }
            let block = Block(text: text, origin: SourceSpan(line: 1, byteOffset: 0, byteLength: text.utf8.count))
            #expect(block.plainText == InlineMarkup.plainText(text), "\(text.debugDescription)")
        }
    }
}
