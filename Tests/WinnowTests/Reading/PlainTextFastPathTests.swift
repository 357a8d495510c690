import Testing
@testable import Winnow

/// The fast paths of the text writer (one scan for markup and blank runs, rendering and
/// collapsing in place, the early-out link-only test) against the plain ways they replaced.
@Suite struct PlainTextFastPathTests {
    static let alphabet = "ab c  d\t[]()\\!`*_~|é•#>-+.,<:@"

    /// `appendPlainText` as it was written first: separate probes, a rendering buffer, and
    /// the spaces collapsed from it into `out`.
    static func plainTextReference(_ raw: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let body = UnsafeRawBufferPointer(rebasing: InlineMarkup.strippingBlockMarkers(raw))
        let markup = body.contains { $0 == 0x5C || $0 == 0x5B || $0 == 0x60 || $0 == 0x2A || $0 == 0x5F || $0 == 0x3C }
        let blank = body.contains(0x09) || body.indices.dropLast().contains { body[$0] == 0x20 && body[$0 + 1] == 0x20 }
        let danglingEnd = InlineMarkup.endsWithDanglingLink(body)
        if !markup && !blank && body.first != UInt8(ascii: "]") && !danglingEnd {
            out.append(contentsOf: body)
            return
        }
        if body.first != UInt8(ascii: "]") && !markup && !danglingEnd {
            if InlineMarkup.isOnlyStrayEmphasis(body) { return }
            InlineMarkup.appendCollapsingSpaces(body, to: &out)
            return
        }
        let trimmed = Array(body).drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        if Array(trimmed) == [UInt8(ascii: "[")] || Array(trimmed) == [UInt8(ascii: "!"), UInt8(ascii: "[")] { return }
        var rendered: [UInt8] = []
        let visibleStart = InlineMarkup.danglingLinkTail(body)
        let visibleEnd = max(visibleStart, InlineMarkup.danglingLinkHead(body))
        InlineMarkup.renderInline(UnsafeRawBufferPointer(rebasing: body[visibleStart..<visibleEnd]), into: &rendered)
        let renderedTrimmed = rendered.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        let isOpener = Array(renderedTrimmed) == [UInt8(ascii: "[")] || Array(renderedTrimmed) == [UInt8(ascii: "!"), UInt8(ascii: "[")]
        if rendered.withUnsafeBytes({ InlineMarkup.isOnlyStrayEmphasis($0) || InlineMarkup.isOnlyCellBorders($0) }) || isOpener {
            return
        }
        rendered.withUnsafeBytes { InlineMarkup.appendCollapsingSpaces($0, to: &out) }
    }

    @Test func plainTextAgreesWithTheReference() {
        var generator = SplitMix(state: 41)
        for round in 0..<20000 {
            var line = InlineMarkupFastPathTests.randomLine(from: Self.alphabet, maxLength: round % 4 == 0 ? 120 : 40, &generator)
            if round % 3 == 0 { line = "[t](u) " + line + " ![](i.png)" }
            if round % 5 == 0 { line = "](http://x.example/a) " + line }
            // The end of a link opened on an earlier line (markdownify's cards).
            if round % 7 == 0 { line += "](http://y.example/b-(c))" }
            // Autolinks, whole or broken.
            if round % 11 == 0 { line = "<http://z.example/a_b> " + line + (round % 2 == 0 ? " <a@b.example>" : " <ab:") }
            let bytes = Array(line.utf8)
            // Something in `out` before the line: the fast path renders after it, in place.
            var fast: [UInt8] = Array("prefix  ".utf8)
            var slow = fast
            bytes.withUnsafeBytes {
                InlineMarkup.appendPlainText(UTF8Bytes: $0, to: &fast)
                Self.plainTextReference($0, to: &slow)
            }
            #expect(fast == slow, "\(line.debugDescription)")
        }
    }

    @Test func collapsingInPlaceAgreesWithCollapsingIntoAnotherBuffer() {
        var generator = SplitMix(state: 43)
        for _ in 0..<5000 {
            let line = Array(InlineMarkupFastPathTests.randomLine(from: "ab  \t é", maxLength: 60, &generator).utf8)
            let prefix = Array(InlineMarkupFastPathTests.randomLine(from: "xy ", maxLength: 5, &generator).utf8)
            var expected = prefix
            line.withUnsafeBytes { InlineMarkup.appendCollapsingSpaces($0, to: &expected) }
            var inPlace = prefix + line
            InlineMarkup.collapseSpacesInPlace(&inPlace, from: prefix.count)
            #expect(inPlace == expected, "\(String(decoding: line, as: UTF8.self).debugDescription)")
        }
    }

    /// The C link parser (32 bytes per step, a last step ending at the text's end) against the
    /// Swift one, at every `[` of lines of every length around the steps.
    @Test func linkParserKernelAgreesWithThePortableParser() {
        var generator = SplitMix(state: 59)
        let pieces = ["[", "]", "(", ")", "\\", "x", "abcdefghijklmnopqrstuvwxyz", " ", "[t](u)", "](", "é"]
        for _ in 0..<20000 {
            var line = ""
            for _ in 0..<generator.below(30) { line += pieces[generator.below(pieces.count)] }
            let bytes = Array(line.utf8)
            for open in bytes.indices where bytes[open] == UInt8(ascii: "[") {
                let fast = bytes.withUnsafeBytes { InlineMarkup.parseLink($0, at: open) }
                let slow = bytes.withUnsafeBytes { InlineMarkup.parseLinkPortably($0, at: open) }
                #expect(fast?.text == slow?.text && fast?.end == slow?.end, "\(line) at \(open)")
            }
        }
    }

    @Test func linkOnlyAgreesWithStrippingTheLinks() {
        var generator = SplitMix(state: 47)
        let pieces = ["[a](u)", "![](i.png)", " | ", ", ", " - ", "·", "word", "[b]", "](", "!", " ", "[x [y]](z(1))"]
        for _ in 0..<10000 {
            var line = ""
            for _ in 0..<generator.below(6) { line += pieces[generator.below(pieces.count)] }
            let bytes = Array(line.utf8)
            let expected: Bool = bytes.withUnsafeBytes { raw in
                guard LineShape.hasLinkMiddle(raw) else { return false }
                let plain = InlineMarkup.strippingLinks(raw)
                let separators: Set<UInt8> = [0x20, UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: "-"), 0xC2, 0xB7]
                return plain.residue.allSatisfy(separators.contains) && plain.links > 0
            }
            #expect(bytes.withUnsafeBytes { LineShape.isLinkOnly($0) } == expected, "\(line)")
        }
    }
}
