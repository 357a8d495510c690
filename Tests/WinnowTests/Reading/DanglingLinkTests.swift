import Testing
@testable import Winnow

/// A link whose text started on an earlier line ends on this one (`Title](url)`, markdownify
/// keeps the HTML's line breaks): its destination is markup, not words.
@Suite struct DanglingLinkTests {
    static func plain(_ line: String) -> String { InlineMarkup.plainText(line) }

    @Test func theEndOfALinkOpenedEarlierIsMarkup() {
        #expect(Self.plain("Baby-Boom im Kinderkrankenhaus: 36 Schwestern! 🤰](https://www.example.de/aktuell/baby-boom-10050350.html)") == "Baby-Boom im Kinderkrankenhaus: 36 Schwestern! 🤰")
        #expect(Self.plain("* Trend-Alarm: die Sandalen des Sommers](https://x.example/mode/trends (Mode))") == "Trend-Alarm: die Sandalen des Sommers")
        #expect(Self.plain("[Link](http://x) and text](http://y)") == "Link and text")
        // Both ends of two wrapped links on one line.
        #expect(Self.plain("](http://a) text](http://b)") == "text")
        #expect(Self.plain("](http://a)") == "")
    }

    @Test func wholeLinksAndParenthesesStay() {
        #expect(Self.plain("See [the report](http://x/a_(b)) for more.") == "See the report for more.")
        #expect(Self.plain("[![](a.jpg)](http://x)") == "")
        #expect(Self.plain("The vote (held on Monday) passed.") == "The vote (held on Monday) passed.")
        #expect(Self.plain("A list [1] ends (see above)") == "A list [1] ends (see above)")
        #expect(InlineMarkup.danglingLinkHead(UnsafeRawBufferPointer(start: nil, count: 0)) == 0)
    }

    /// The open `[` is looked for backward from the link's end; a forward count is the
    /// reference (random lines of brackets, letters and one final destination).
    @Test func theBackwardReadAgreesWithAForwardCount() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["[", "]", "a", " ", "![", "](x)", "("]
        for _ in 0..<5_000 {
            let head = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var line = head + "](http://y.example/a)"
            let (found, expected) = line.withUTF8 { raw -> (Int, Int) in
                let bytes = UnsafeRawBufferPointer(raw)
                let bracket = bytes.count - "](http://y.example/a)".utf8.count
                var open = 0
                for position in 0..<bracket {
                    if bytes[position] == UInt8(ascii: "[") {
                        open += 1
                    } else if bytes[position] == UInt8(ascii: "]"), open > 0 {
                        open -= 1
                    }
                }
                return (InlineMarkup.danglingLinkHead(bytes), open > 0 ? bytes.count : bracket)
            }
            #expect(found == expected, "\(line)")
        }
    }

    @Test func theFastPathsAgree() {
        for line in ["Title](https://x.example/a-b-c)", "* Title](u)", "Plain text (with parentheses)", "[a](b)"] {
            var text = line
            let start = text.withUTF8 { MatchSubject.plainStart(UnsafeRawBufferPointer($0)) }
            let byByte = text.withUTF8 { MatchSubject.plainStartByByte(UnsafeRawBufferPointer($0)) }
            #expect(start == byByte, "\(line)")
            #expect(Block(text: line, origin: SourceSpan(line: 1, byteOffset: 0, byteLength: line.utf8.count)).plainText == InlineMarkup.writtenText(line), "\(line)")
        }
    }
}
