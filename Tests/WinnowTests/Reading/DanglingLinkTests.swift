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
