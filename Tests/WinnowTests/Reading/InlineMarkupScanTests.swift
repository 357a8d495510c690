import Testing
@testable import Winnow

/// The inline-markup scans that jump sixteen bytes at a time must find exactly what a walk
/// byte by byte finds, at every offset and across the sixteen-byte steps' edges.
@Suite struct InlineMarkupScanTests {
    static let alphabet = "ab c  d\t[]()\\!`*_é"

    static func randomBytes(_ generator: inout some RandomNumberGenerator) -> [UInt8] {
        Array(InlineMarkupFastPathTests.randomLine(from: alphabet, maxLength: 90, &generator).utf8)
    }

    /// `parseLink` as it was written first: one byte per step.
    static func parseLinkByteByByte(_ text: [UInt8], at open: Int) -> (text: Range<Int>, end: Int)? {
        var depth = 0
        var index = open
        var close = -1
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    close = index
                    break
                }
            }
            index += 1
        }
        guard close > 0, close + 1 < text.count, text[close + 1] == UInt8(ascii: "(") else { return nil }
        var parens = 0
        index = close + 1
        while index < text.count {
            if text[index] == UInt8(ascii: "(") { parens += 1 }
            if text[index] == UInt8(ascii: ")") {
                parens -= 1
                if parens == 0 { return (open + 1..<close, index + 1) }
            }
            index += 1
        }
        return nil
    }

    @Test func parseLinkAgreesWithTheByteWalk() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var bytes = Self.randomBytes(&generator)
            // Plenty of whole links, some with long URLs and nested parentheses.
            if Bool.random(using: &generator) {
                let url = String(repeating: "x", count: Int.random(in: 0..<40, using: &generator))
                bytes.insert(contentsOf: Array("[t \\] [u]](http://\(url)(a)b)".utf8), at: Int.random(in: 0...bytes.count, using: &generator))
            }
            for open in bytes.indices where bytes[open] == UInt8(ascii: "[") {
                let fast = bytes.withUnsafeBytes { InlineMarkup.parseLink($0, at: open) }
                let slow = Self.parseLinkByteByByte(bytes, at: open)
                #expect(fast?.text == slow?.text && fast?.end == slow?.end, "\(String(decoding: bytes, as: UTF8.self)) at \(open)")
            }
        }
    }

    @Test func collapsingSpacesAgreesWithTheByteWalk() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let bytes = Self.randomBytes(&generator)
            var fast: [UInt8] = []
            bytes.withUnsafeBytes { InlineMarkup.appendCollapsingSpaces($0, to: &fast) }
            let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" })
            // A single space between words stays; a run of blanks (or a tab) becomes one space.
            #expect(fast == Array(words.joined(separator: " ").utf8), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func vectorScansFindTheFirstMatchingByte() {
        var generator = SystemRandomNumberGenerator()
        let markup: Set<UInt8> = [0x5C, 0x21, 0x5B, 0x60, 0x2A, 0x5F]
        for _ in 0..<3000 {
            let bytes = Self.randomBytes(&generator)
            let from = Int.random(in: 0...bytes.count + 2, using: &generator)
            bytes.withUnsafeBytes { raw in
                let expectedMarkup = from >= bytes.count ? max(bytes.count, from) : (bytes[from...].firstIndex(where: markup.contains) ?? bytes.count)
                #expect(InlineMarkup.nextMarkupCandidate(in: raw, from: from) == expectedMarkup)
                let brackets: Set<UInt8> = [0x5C, 0x5B, 0x5D]
                let expectedBracket = from >= bytes.count ? max(bytes.count, from) : (bytes[from...].firstIndex(where: brackets.contains) ?? bytes.count)
                #expect(SWAR.firstIndex(in: raw, from: from, of: 0x5C, 0x5B, 0x5D) == expectedBracket)
                let blanks = bytes.filter { $0 == 0x20 || $0 == 0x09 }.count
                #expect(InlineMarkup.nonBlankCount(raw) == bytes.count - blanks)
            }
        }
    }
}
