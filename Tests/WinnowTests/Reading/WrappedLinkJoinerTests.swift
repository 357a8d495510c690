import Foundation
import Testing
@testable import Winnow

/// A markdown link or image that a fixed-width wrap cut across lines is one block again.
@Suite struct WrappedLinkJoinerTests {
    let segmenter = Segmenter()

    @Test func anImageCutInItsAltTextIsOneBlock() {
        let blocks = segmenter.blocks(from: "# Title\n\n![Scott and Kathy\nCleveland](http://x.example/a.jpg)\n\nText.\n")
        #expect(blocks.map(\.text) == ["# Title", "![Scott and Kathy Cleveland](http://x.example/a.jpg)", "Text."])
        #expect(blocks[1].origin.line == 3)
        #expect(blocks[1].origin.lastLine == 4)
        #expect(blocks[1].kind == .linkLine)
        #expect(blocks[2].origin.lastLine == 6)
    }

    @Test func aLinkCutInItsTitleIsOneBlock() {
        let text = "  * [Email](http://x.example/mail?u=1 \"Email this\n    story\")\n  * [Print](/p)\n"
        let blocks = segmenter.blocks(from: text)
        #expect(blocks.map(\.text) == ["* [Email](http://x.example/mail?u=1 \"Email this story\")", "* [Print](/p)"])
        #expect(blocks[0].kind == .listItem)
        #expect(blocks[0].origin.byteOffset == 0)
        #expect(blocks[0].origin.byteLength == text.utf8.count - "\n  * [Print](/p)\n".utf8.count)
    }

    @Test func aNestedImageLinkAcrossFourLinesIsOneBlock() {
        let blocks = segmenter.blocks(from: "* ###  [ Watch Church refuses ![Charles and\nWilson\n](http://x.example/a.jpg)\n](/news/1)\n")
        #expect(blocks.count == 1)
        #expect(blocks.first?.origin.lineCount == 4)
    }

    @Test func aLinkInWrappedProseJoinsOnlyItsOwnLines() {
        let text = """
            Alex Lloyd gave a great talk [on Building
            Spanner](http://vimeo.com/1), that is the term
            that fits Spanner best.
            """
        #expect(segmenter.blocks(from: text).map(\.text) == [
            "Alex Lloyd gave a great talk [on Building Spanner](http://vimeo.com/1), that is the term",
            "that fits Spanner best.",
        ])
    }

    @Test(arguments: [
        "A bracket [that never closes\nand the next line.",  // no link
        "A bracketed [aside\nthat closes] on the next line.",  // closes, but no target
        "[Open link text\n\nin the next paragraph](http://x)",  // a blank line ends the paragraph
        "Escaped \\[bracket\nnext](x) line",  // an escaped bracket opens nothing
        "[a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk](http://x)",  // too many lines for a wrap
    ])
    func linesThatAreNotACutLinkStayApart(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).count
        #expect(segmenter.blocks(from: text).count == lines)
    }

    /// Cards whose links close and reopen on every line are joined a few at a time, never a
    /// whole paragraph into one block.
    @Test func aChainOfOpenLinksIsCapped() {
        let line = "[a](http://x/1) [b"
        let text = Array(repeating: line, count: 100).joined(separator: "\n") + "](http://x/2)\n"
        let blocks = segmenter.blocks(from: text)
        #expect(blocks.allSatisfy { $0.origin.lineCount <= WrappedLinkJoiner.maximumJoinedLines })
        #expect(blocks.map(\.origin.lineCount).reduce(0, +) == 100)
    }

    @Test func theScanFollowsTargetsAndTitles() {
        func isOpen(_ text: String) -> Bool {
            var scan = LinkScan()
            var text = text
            text.withUTF8 { scan.feed(UnsafeRawBufferPointer($0)) }
            return scan.isOpen
        }
        #expect(!isOpen("[a](b) and [c](d (e)) done"))
        #expect(isOpen("[a](http://x \"a title with ) inside"))
        #expect(isOpen("[![img"))
        #expect(!isOpen("[[x]] and ] stray"))
        #expect(isOpen("see [x](http://a.example/b_(c"))
    }

    /// The counting shortcut agrees with the scan wherever it answers (lines long and short,
    /// so both the eight-byte steps and the tail count).
    @Test func theCountingShortcutAgreesWithTheScan() {
        let lines = [
            "[a](b) and [c](d (e)) done, a long enough line for several steps", "[![img", "tail [Open link text of a card",
            "[x](http://e.com/a?u=1 \"Title cut", "see [x](http://a.example/b_(c", "plain words only", "(an aside) and [1]",
        ]
        for line in lines {
            var full = LinkScan()
            var text = line
            text.withUTF8 { full.feed(UnsafeRawBufferPointer($0)) }
            var scan = LinkScan()
            let open = text.withUTF8 { LinkScan.endsOpen(UnsafeRawBufferPointer($0), scan: &scan) }
            #expect(open == full.isOpen, "\(line)")
        }
    }

    @Test func explainAndRemovedSpansNameEveryLineOfAJoinedBlock() throws {
        var document = Document(id: "d", blocks: segmenter.blocks(from: "Intro text here.\n\n![a\nb](http://x/i.jpg)\n"))
        document.blocks[1].verdict = Verdict(action: .drop, reason: Reason(ruleID: "test.rule", message: "m"))
        #expect(RemovedSpan.spans(of: document).map { [$0.firstLine, $0.lastLine] } == [[3, 4]])
        #expect(ExplainRenderer().render(document).contains("   3-4 drop  ![a b](http://x/i.jpg)"))
    }
}
