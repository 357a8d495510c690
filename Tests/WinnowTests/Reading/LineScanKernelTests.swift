import CTextScan
import Testing

@testable import Winnow

/// The one-pass C line scan (`winnow_scan_lines`: breaks, trimming and flags together) must
/// give the blocks the portable path gives (breaks, then a trim and a scan per line), for
/// blanks of every kind at either end, CR and CRLF, lines around the 32-byte steps and the
/// text's end.
@Suite struct LineScanKernelTests {
    static let pieces = [
        "word", " ", "  ", "        ", "\t", "\u{A0}", " \u{A0} ", "\n", "\r", "\r\n", "\n\n", "*", "[a](u)", "\"",
        "\\", "\u{1}", "\u{7F}", "\u{85}", "e\u{301}", "ก\u{0E38}\u{0E48}", "ก\u{0E48}\u{0E38}", "—", "•", "Жж", "中",
        "abcdefghijklmnopqrstuvwxyz0123456789", "x", "# ", "- ",
    ]

    static func randomText(_ generator: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<generator.below(60) { text += pieces[generator.below(pieces.count)] }
        return text
    }

    @Test func segmentsLikeThePortablePath() {
        let kernel = Segmenter()
        let portable = Segmenter(portable: true)
        var generator = SplitMix(state: 53)
        for _ in 0..<20_000 {
            SegmenterParity.expectSameBlocks(Self.randomText(&generator), kernel: kernel, portable: portable)
        }
    }

    /// More lines than one call returns: the scan goes on where it stopped.
    @Test func resumesAcrossBatches() {
        let line = "  \u{A0}a line with *markup* \t\r\n\n"
        let text = String(repeating: line, count: 1000) + "last"
        let fast = Segmenter().blocks(from: text)
        let slow = Segmenter(portable: true).blocks(from: text)
        #expect(fast.count == 1001)
        #expect(fast.map(\.origin) == slow.map(\.origin))
        #expect(fast.map(\.traits) == slow.map(\.traits))
        #expect(fast.map(\.indent) == slow.map(\.indent))
    }
}
