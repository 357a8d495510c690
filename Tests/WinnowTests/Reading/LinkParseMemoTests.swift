import Testing
@testable import Winnow

/// Lines of many unclosed brackets once cost time quadratic in their length, and deeply nested
/// links overflowed the stack. The memo must answer exactly what the direct scan answers.
@Suite struct LinkParseMemoTests {
    static let alphabet: [UInt8] = Array("[[]]((()\\!a ".utf8)

    @Test func pairsAnswerLikeTheDirectScanAtEveryBracket() {
        var random = SplitMix(state: 23)
        for _ in 0..<3000 {
            let line = random.bytes(from: Self.alphabet, count: 0...70)
            line.withUnsafeBytes { text in
                var pairs = LinkPairs(text)
                // In line order (the cursors step on), then backward (they fall back to bisection).
                let opens = text.indices.filter { text[$0] == UInt8(ascii: "[") }
                for open in opens + opens.reversed() {
                    let direct = InlineMarkup.parseLink(text, at: open)
                    switch pairs.link(at: open, in: text) {
                    case .link(let range, let end):
                        #expect(direct.map { $0.text } == range && direct.map { $0.end } == end, "\(line) at \(open)")
                    case .none:
                        #expect(direct == nil, "\(line) at \(open)")
                    case .unknown:
                        // Only a `[` escaped when read from the line's start may be unknown.
                        #expect(open > 0 && text[open - 1] == UInt8(ascii: "\\"), "\(line) at \(open)")
                    }
                }
            }
        }
    }

    @Test func renderingIsTheSameWithAndWithoutPairs() {
        // Long lines with many failures, so the memo switches to its pairs part way along.
        var random = SplitMix(state: 5)
        for _ in 0..<500 {
            let line = random.bytes(from: Self.alphabet, count: 40...400)
            line.withUnsafeBytes { text in
                var memo = LinkParseMemo()
                var index = 0
                while index < text.count {
                    if text[index] == UInt8(ascii: "[") {
                        let direct = InlineMarkup.parseLink(text, at: index)
                        let memoised = memo.parseLink(text, at: index)
                        #expect(direct.map { $0.text } == memoised.map { $0.text } && direct.map { $0.end } == memoised.map { $0.end })
                    }
                    index += 1
                }
            }
        }
    }

    @Test func manyUnclosedBracketsRenderInLinearTime() {
        // 200,000 brackets took minutes before the memo; now milliseconds.
        let clock = ContinuousClock()
        let started = clock.now
        for line in [String(repeating: "[", count: 200_000), String(repeating: "![ ", count: 70_000), String(repeating: "[a](", count: 50_000)] {
            #expect(!InlineMarkup.plainText("words " + line).isEmpty)
            #expect(InlineMarkup.linkStats("words " + line).links == 0)
        }
        #expect(clock.now - started < .seconds(20))
    }

    @Test func deeplyNestedLinksDoNotOverflowTheStack() {
        let depth = 50_000
        let line = String(repeating: "[", count: depth) + "a" + String(repeating: "](b)", count: depth)
        #expect(InlineMarkup.plainText(line).count < line.count)
        #expect(InlineMarkup.linkStats(line).links > 0)
    }

    @Test func shallowNestingStillRendersInnerLinks() {
        #expect(InlineMarkup.plainText("[see [the page](x) here](y)") == "see the page here")
    }
}
