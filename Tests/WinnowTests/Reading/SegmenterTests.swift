import Foundation
import Testing
@testable import Winnow

@Suite struct SegmenterTests {
    let segmenter = Segmenter()

    @Test func splitsLinesAndNumbersParagraphs() {
        let blocks = segmenter.blocks(from: "Title\n\nFirst para line.\nSecond line.\n\n\nLast.\n")
        #expect(blocks.map(\.text) == ["Title", "First para line.", "Second line.", "Last."])
        #expect(blocks.map(\.paragraph) == [0, 1, 1, 2])
        #expect(blocks.map(\.origin.line) == [1, 3, 4, 7])
    }

    @Test func normalisesLineEndsControlsAndSpaces() {
        let blocks = segmenter.blocks(from: "a\r\nb\rc  \t\n  d\u{7}e\u{85}\n")
        #expect(blocks.map(\.text) == ["a", "b", "c", "de"])
        #expect(blocks[3].indent == 2)
    }

    @Test func composesToNFC() {
        let blocks = segmenter.blocks(from: "cafe\u{301}\n")
        #expect(blocks.first?.text == "caf\u{E9}")
    }

    @Test(arguments: [
        ("# Title", BlockKind.heading), ("### [2016-02-6](/news/x.md)", .heading),
        ("• Home", .listItem), ("* [Home](http://x)", .listItem), ("- item", .listItem),
        ("1. [Title](/a.md) _Context: x_", .listItem), ("12) step", .listItem),
        ("[Home](http://a) | [About](http://b)", .linkLine), ("https://example.com/x", .linkLine),
        ("> quoted", .quote), ("| a | b |", .tableRow), ("---", .separator), ("* * *", .separator),
        ("=====", .separator), ("Plain sentence.", .paragraph), ("[image]", .paragraph),
        ("2014 was a year.", .paragraph), ("*emphasis* here", .paragraph),
        ("━━━━━━━━", .separator), ("┌──┬──┐", .separator), ("— — —", .separator), ("———–", .separator),
        ("|---|:---:|", .separator), ("---|---", .separator), ("| |", .separator), ("|", .separator),
        ("— Anna, 1999", .paragraph), ("│ cell │", .paragraph), ("——", .separator), ("|-|", .tableRow),
        ("-- signature", .paragraph), ("–– text", .paragraph),
        // Code fences are no text, like rules.
        ("```", .separator), ("```swift", .separator), ("~~~ python", .separator), ("``not a fence``", .paragraph),
        ("``` `x` ```", .paragraph),
    ])
    func recognisesKinds(line: String, kind: BlockKind) {
        #expect(segmenter.blocks(from: line).first?.kind == kind)
    }

    /// Without blank lines, long lines are paragraphs of their own (WET text, C4-style JSONL);
    /// text wrapped at a fixed width stays one paragraph, whatever its script.
    @Test func aTextWithoutBlankLinesIsSplitIntoParagraphsOnlyWhenUnwrapped() {
        let long = String(repeating: "A sentence of an unwrapped paragraph. ", count: 4)
        #expect(segmenter.blocks(from: "Home | News\n\(long)\nShare this").map(\.paragraph) == [0, 1, 2])
        let wrapped = String(repeating: "wrapped text of a mail body, at most seventy-two columns long\n", count: 5)
        #expect(segmenter.blocks(from: wrapped).map(\.paragraph) == [0, 0, 0, 0, 0])
        let thai = String(repeating: String(repeating: "ภาษาไทย ", count: 9) + "\n", count: 3)  // 71 characters, 197 bytes
        #expect(segmenter.blocks(from: thai).map(\.paragraph) == [0, 0, 0])
        #expect(segmenter.blocks(from: "Title\n\n\(long)\nNext line").map(\.paragraph) == [0, 1, 1])
    }

    @Test func keepsAHugeLineWhole() {
        let line = String(repeating: "word ", count: 200_000)
        let blocks = segmenter.blocks(from: line)
        #expect(blocks.count == 1)
        #expect(blocks[0].text.utf8.count == line.utf8.count - 1)
    }

    /// The line scan steps sixteen bytes at a time with an overlapping last step and one
    /// byte on its own: a control, a C1 control, a combining mark after Cyrillic (whose own
    /// leads skip the NFC check) or markup must be seen at every position of lines of every
    /// length around the step.
    @Test func scanSeesEveryPosition() {
        for length in 1...40 {
            for position in 0..<length {
                for (insert, expected, verbatim) in [
                    ("\u{7}", "", false), ("\u{85}", "", false), ("\u{306}", "\u{306}", false), ("*", "*", false),
                    ("\"", "\"", false), ("д", "д", true), ("—", "—", true), ("\u{2000}", "\u{2002}", false),
                    ("\u{2001}", "\u{2003}", false),
                ] {
                    let prefix = String(repeating: "и", count: position)
                    let suffix = String(repeating: "x", count: length - position)
                    let line = prefix + insert + suffix
                    let blocks = segmenter.blocks(from: line)
                    let want = (prefix + expected + suffix).precomposedStringWithCanonicalMapping
                    #expect(blocks.count == 1 && blocks[0].text == want, "\(length) \(position) \(insert)")
                    #expect(blocks.first?.traits.contains(.verbatim) == verbatim, "\(length) \(position) \(insert)")
                }
            }
        }
    }
}

@Suite struct InlineMarkupTests {
    @Test(arguments: [
        ("# Twitter claims to have closed down 125,000 accounts linked to ISIL.",
         "Twitter claims to have closed down 125,000 accounts linked to ISIL."),
        ("* [Home](http://www.johndcook.com/blog \"Home\")", "Home"),
        ("More on that [here](http://x.com/a_(b)).", "More on that here."),
        ("![\\(r - k\\)](http://x/p.png) for all (real) _r_ and **bold**", "for all (real) r and bold"),
        ("[![](http://img)](http://x) Caption", "Caption"),
        // pandoc's image without alt text before a line's text is no text; `[]` inside one is.
        ("[] Link Copied!", "Link Copied!"),
        ("-   [] [] Share this story", "Share this story"),
        ("[]Save", "Save"), ("[]7-minute read", "7-minute read"), ("[]]>   ]", "[]]> ]"),
        ("String[] args is the parameter", "String[] args is the parameter"),
        ("keep snake_case and 5*3 and a * b", "keep snake_case and 5*3 and a * b"),
        // An `_` without a partner on the line is part of a name, not emphasis (CommonMark pairs
        // them; plain text from w3m has code names in it).
        ("calls _start, then __wasi_fd_write and __assert_fail", "calls _start, then __wasi_fd_write and __assert_fail"),
        ("see https://example.com/_next/static and _private", "see https://example.com/_next/static and _private"),
        ("_Who takes his spot?:_ It was Campbell", "Who takes his spot?: It was Campbell"),
        ("an _(aside)_ and __init__ and _two words_.", "an (aside) and init and two words."),
        // A lone `*` inside a line without a partner there is the text's own (a grade, a
        // footnote mark); paired, or at the line's edge (italics wrap), it is emphasis.
        ("by The Company (*um), 2019", "by The Company (*um), 2019"), ("an A* grade at $3.95* a month", "an A* grade at $3.95* a month"),
        ("We *really* liked it, *she said.*", "We really liked it, she said."),
        ("*Italic opening* and more", "Italic opening and more"), ("*Terms apply to all offers", "Terms apply to all offers"),
        // Bold cut by html2text's line wrap: the partner `**` is on another line.
        ("Guidelines:** Fan feedback", "Guidelines: Fan feedback"), ("What's the Big Idea?**", "What's the Big Idea?"),
        ("Mike Fahey **", "Mike Fahey"), ("Discuss **(0)**", "Discuss (0)"), ("2**8 is 256", "2**8 is 256"),
        ("** NIGELLA LAWSON has revealed it.  **", "NIGELLA LAWSON has revealed it."),
        ("** Thrasher maintained touch", "Thrasher maintained touch"),
        // A bold mark between two words stands for the space the page had there; between
        // digits it is a power.
        ("focused on our**little things** that", "focused on our little things that"),
        ("every list**Pride** , or **hubris**", "every list Pride , or hubris"), ("x**2 and 2**y", "x**2 and 2**y"),
        // A no-break space before a mark is a space.
        ("in luck.\u{A0}**Kindle Direct Delivery** lets you", "in luck.\u{A0}Kindle Direct Delivery lets you"),
        // An item marker alone (its text was an image) is no text; a dash alone stays.
        ("•", ""), ("●", ""), ("*", ""), ("□", ""), ("–", "–"), ("•••", "•••"),
        // A link around an image, opened on its own line: the bracket, the image and the
        // destination are no text; an image-only table row leaves no borders.
        ("[", ""), ("[![](http://x/the-machine.jpg)  ", ""), ("![](/a/CBL.jpg)](http://x.com/caring/ \"Caring for lenses\")", ""),
        ("![](/a.jpg) ](http://x.com/b) More", "More"), ("|  |  [![Blizzard](http://x/a.jpg)](http://x/b)", ""),
        ("| Name | [x](http://y) |", "| Name | x |"),
        // Bold italics: one run of both marks.
        ("_**also bold italic**_ here", "also bold italic here"), ("Some **_bold italic_** words", "Some bold italic words"),
        ("Published on August 9, 2011:_**", "Published on August 9, 2011:"),
        // A mixed run opens an underscore pair that the line's last `_` closes.
        ("_**Update July 3, 8:05AM:**__Added a tweet._", "Update July 3, 8:05AM:Added a tweet."),
        ("_**Photos by Ann Lee**_ and _more_", "Photos by Ann Lee and more"),
        // Bullet and icon glyphs before an item go like `•`; ratings and dialogue dashes stay.
        ("□ Jump to comments (…)", "Jump to comments (…)"), ("♥If you enjoyed this", "If you enjoyed this"),
        ("► More news", "More news"), ("★★★★☆ 4/5", "★★★★☆ 4/5"), ("– Bonjour, dit-il.", "– Bonjour, dit-il."),
        ("→ next", "→ next"), ("* ### Nintendo to Celebrate", "Nintendo to Celebrate"), ("• #1 hit", "#1 hit"),
        // Literal runs in plain text: section marks, notes, blanks, emoticons.
        ("*** Changing the tone", "*** Changing the tone"), ("or beyond(***).", "or beyond(***)."),
        // html2text's empty emphasis (an icon font's empty `<i>`, an empty `<strong>`) is no
        // text: exactly `__` or `****` between blanks goes, with the blank after it.
        ("-2 °C __", "-2 °C"), ("__ Share this", "Share this"), ("words __ here", "words here"),
        ("a **** b", "a b"), ("a ___ blank", "a ___ blank"), ("about timeline.****", "about timeline."),
        ("Not bad!**** Next", "Not bad! Next"),
        ("a ______ refresh", "a ______ refresh"), ("Forgive me. m(__)m", "Forgive me. m(__)m"), ("5 ** 3", "5 ** 3"),
        ("> quoted `code`", "quoted code"),
        ("## Closing hashes ##", "Closing hashes"),
        ("1\\. Not a list", "1. Not a list"),
        ("• 7836 likes (2863/hr)", "7836 likes (2863/hr)"),
        ("[an error occurred while processing this directive]", "[an error occurred while processing this directive]"),
    ])
    func plainText(markdown: String, plain: String) {
        #expect(InlineMarkup.plainText(markdown) == plain)
    }

    /// Each `_` opener asks whether a closer follows; the line is walked for its last closer
    /// once, so a long line of unpaired openers (`_a _a _a …`) stays linear.
    @Test func aLongLineOfUnpairedUnderscoresStaysAsItIs() {
        let line = String(repeating: "_a ", count: 200_000) + "end"
        // Compared as booleans: a failure must not print a 600 KB string.
        #expect(InlineMarkup.plainText(line) == line)
        // With a closer at the end, every opener before it is taken as emphasis.
        let closed = InlineMarkup.plainText(line + " and_")
        #expect(!closed.contains("_") && closed.hasSuffix("a end and"))
    }

    @Test func linkDensity() {
        let stats = InlineMarkup.linkStats("[Home](http://a) [About us](http://b)")
        #expect(stats.links == 2)
        #expect(stats.density == 1)
        #expect(InlineMarkup.linkStats("Plain words only").density == 0)
    }
}

@Suite struct SegmenterControlTests {
    @Test func controlsInsideLongASCIIRunsAreRemoved() {
        let blocks = Segmenter().blocks(from: "abcdefghijkl\u{7F}mnopqrstuvwxyz\u{1}ABCDEFGH\u{9}IJ")
        #expect(blocks.first?.text == "abcdefghijklmnopqrstuvwxyzABCDEFGH\u{9}IJ")
    }
}

@Suite struct InlineMarkupFastPathTests {
    /// A line of fewer than `maxLength` characters drawn from `alphabet`.
    static func randomLine(from alphabet: String, maxLength: Int, _ generator: inout some RandomNumberGenerator) -> String {
        let scalars = Array(alphabet.unicodeScalars)
        let length = Int.random(in: 0..<maxLength, using: &generator)
        return String(String.UnicodeScalarView((0..<length).compactMap { _ in scalars.randomElement(using: &generator) }))
    }

    /// The word-at-a-time check must agree with the byte-by-byte rendering: a line it calls
    /// plain renders to itself.
    @Test func fastPathAgreesWithFullRendering() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let line = Self.randomLine(from: "ab cd  ef\t[]()*_`\\!é.,#-<", maxLength: 40, &generator)
                .trimmingCharacters(in: .whitespaces)
            let bytes = Array(line.utf8)
            let plainByFastPath = bytes.withUnsafeBytes { !InlineMarkup.mayHaveInlineMarkup($0) }
            // The fast path also leaves a wrapped link's tail (`](url) rest`) to the parser.
            let stripped = bytes.withUnsafeBytes { Array(InlineMarkup.strippingBlockMarkers($0)) }
            if stripped.withUnsafeBytes({ InlineMarkup.rendersUnchanged($0) }) {
                #expect(InlineMarkup.plainText(line) == String(decoding: stripped, as: UTF8.self), "\(line)")
            }
            let naive = line.contains { "\\[`*_\t<".contains($0) } || line.contains("  ")
            #expect(plainByFastPath == !naive, "\(line)")
        }
    }

    /// Lines whose only trouble is tabs or doubled spaces skip the parser: the result must be
    /// what the parser and the space collapsing give.
    @Test func spacingOnlyLinesRenderLikeTheParser() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let line = Self.randomLine(from: "ab cd  ef\t~!é.,#->(", maxLength: 40, &generator)
            let bytes = Array(line.utf8)
            var expected: [UInt8] = []
            bytes.withUnsafeBytes { raw in
                let body = UnsafeRawBufferPointer(rebasing: InlineMarkup.strippingBlockMarkers(raw))
                if InlineMarkup.rendersUnchanged(body) {
                    expected.append(contentsOf: body)
                    return
                }
                var rendered: [UInt8] = []
                InlineMarkup.renderInline(body, into: &rendered)
                if rendered.withUnsafeBytes({ InlineMarkup.isOnlyStrayEmphasis($0) }) { return }
                rendered.withUnsafeBytes { InlineMarkup.appendCollapsingSpaces($0, to: &expected) }
            }
            #expect(InlineMarkup.plainText(line) == String(decoding: expected, as: UTF8.self), "\(line.debugDescription)")
        }
    }

    @Test func collapsingSpacesJoinsTheWordsWithOneSpace() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let line = Self.randomLine(from: "ab  \t é", maxLength: 30, &generator)
            var out: [UInt8] = []
            Array(line.utf8).withUnsafeBytes { InlineMarkup.appendCollapsingSpaces($0, to: &out) }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            #expect(String(decoding: out, as: UTF8.self) == words.joined(separator: " "), "\(line.debugDescription)")
        }
    }
}
