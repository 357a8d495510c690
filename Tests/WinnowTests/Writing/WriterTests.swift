import Foundation
import Testing
import Winnow

@Suite struct WriterTests {
    func document(_ text: String) -> Document {
        Document(id: "d", blocks: Segmenter().blocks(from: text))
    }

    @Test func textKeepsParagraphsAndDropsDroppedLines() {
        var doc = document("Title\n\n• Home\n• News\n\nBody one.\nBody two.\n\n\nEnd.")
        doc.blocks[1].verdict = .drop("nav.menu", "menu")
        doc.blocks[2].verdict = .drop("nav.menu", "menu")
        #expect(TextRenderer().render(doc) == "Title\n\nBody one.\nBody two.\n\nEnd.\n")
    }

    @Test func keptMarkdownKeepsTheIndentationOfCode() {
        let text = "Intro.\n\n  ```python\n  def f(x):\n      if x:\n  \t  return 1\n  ```\n\n    Not code: indented prose.\n"
        let doc = document(text)
        let kept = TextRenderer(keepMarkdown: true).render(doc)
        #expect(kept == "Intro.\n\n```python\ndef f(x):\n    if x:\n      return 1\n```\n\nNot code: indented prose.\n")
        // Cleaning the output again gives the same text.
        #expect(TextRenderer(keepMarkdown: true).render(document(kept)) == kept)
        // The text output writes the code without its fences and indentation.
        #expect(TextRenderer().render(doc) == "Intro.\n\ndef f(x):\nif x:\nreturn 1\n\nNot code: indented prose.\n")
    }

    @Test func markdownIsStrippedUnlessKept() {
        let doc = document("# Head\n\n* [Link](http://x) and **bold**\n\n![](http://img.png)\n\nText.")
        #expect(TextRenderer().render(doc) == "Head\n\nLink and bold\n\nText.\n")
        #expect(TextRenderer(keepMarkdown: true).render(doc) == "# Head\n\n* [Link](http://x) and **bold**\n\n![](http://img.png)\n\nText.\n")
    }

    /// Horizontal rules are markup: the text (and JSONL) output leaves them out and keeps the
    /// lines around them apart; `--keep-markdown` keeps them.
    @Test func horizontalRulesAreNotText() throws {
        let text = "Intro.\n━━━━━━━━\nBody.\n\n---\n\n| a | b |\n|---|:---:|\n\n———\nEnd."
        let doc = document(text)
        #expect(TextRenderer().render(doc) == "Intro.\n\nBody.\n\n| a | b |\n\nEnd.\n")
        #expect(TextRenderer(keepMarkdown: true).render(doc) == "Intro.\n━━━━━━━━\nBody.\n\n---\n\n| a | b |\n|---|:---:|\n\n———\nEnd.\n")
        let line = JSONLRenderer().render(doc)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["text"] as? String == "Intro.\n\nBody.\n\n| a | b |\n\nEnd.")
        #expect(ExplainRenderer().render(doc).contains("     2 keep  ━━━━━━━━  (a horizontal rule, a table border, a code fence or a line of marks only: the text output leaves it out unless --keep-markdown)\n"))
    }

    /// html2text wraps long link texts, so a line can start with the end of a link; and stray
    /// emphasis marks can stand on a line of their own. Neither is text.
    @Test func linkTailsAndStrayEmphasisAreNotText() {
        let doc = document("Intro.\n\n](http://x.com/a_(b) \"Title (1)\") 2. Blue Floral\n\n**_\n\n~~__\n\nEnd.")
        #expect(TextRenderer().render(doc) == "Intro.\n\n2. Blue Floral\n\nEnd.\n")
        let opened = document("[Title of a wrapped\n\n[Send me ideas](mailto:a@b.c?subject=Story\n\n[sic] stays")
        #expect(TextRenderer().render(opened) == "Title of a wrapped\n\nSend me ideas\n\n[sic] stays\n")
    }

    @Test func cleaningCleanTextChangesNothing() {
        let once = TextRenderer().render(document("# Head\n\n* item one\n* item two\n\nA [link](u) here."))
        let twice = TextRenderer().render(document(once))
        #expect(once == twice)
    }

    /// A text without blank lines (WET, C4-style JSONL) is one paragraph per line: the output
    /// keeps that layout, so cleaning it again gives the same bytes.
    @Test func textOfOneParagraphPerLineKeepsItsLayout() {
        let long = Array(repeating: "This sentence is one paragraph of a page without blank lines.", count: 3).joined(separator: " ")
        var doc = document("Site menu\n\(long)\n\(long)\nFooter")
        doc.blocks[0].verdict = .drop("nav.menu", "menu")
        let once = TextRenderer().render(doc)
        #expect(once == "\(long)\n\(long)\nFooter\n")
        #expect(TextRenderer().render(document(once)) == once)
        // With blank lines, paragraphs are still set apart by one.
        #expect(TextRenderer().render(document("\(long)\n\n\(long)")) == "\(long)\n\n\(long)\n")
    }

    @Test func droppedDocumentRendersNothing() {
        var doc = document("Some text.")
        doc.verdict = .drop("language.not-requested", "not wanted")
        #expect(TextRenderer().render(doc).isEmpty)
    }

    @Test func jsonlForTextInputCarriesMetadata() {
        var doc = document("Keep me.\n\nDrop me.")
        doc.blocks[1].verdict = .drop("promo.follow-us", "promotional line")
        doc.language = LanguageGuess(code: "en", confidence: 0.9876)
        let line = String(decoding: JSONLRenderer().render(doc), as: UTF8.self)
        #expect(line == #"{"id":"d","text":"Keep me.","winnow":{"lang":"en","lang_confidence":0.988,"paragraphs":[],"removed":[{"lines":[3,3],"rule":"promo.follow-us","reason":"promotional line"}],"encoding":"UTF-8","replacements":0}}"# + "\n")
    }

    /// The escaper copies eight bytes at a time; escapes at every offset of a word, runs longer
    /// than a word and multi-byte text must all round-trip through a real JSON parser.
    @Test func jsonlEscapesRoundTripAtEveryOffset() throws {
        for offset in 0..<17 {
            let prefix = String(repeating: "é", count: offset / 2) + String(repeating: "x", count: offset % 2)
            let text = prefix + "\"q\" back\\slash Tab — “curly” 東京 end"
            let line = JSONLRenderer().render(document(text))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            #expect(object["text"] as? String == text)
        }
    }

    @Test func explainShowsVerdictsAndReasons() {
        var doc = document("Keep me.\nDrop me.")
        doc.blocks[1].verdict = .drop("promo.follow-us", "promotional line", score: 0.5)
        let text = ExplainRenderer().render(doc)
        #expect(text.contains("     1 keep  Keep me.\n"))
        #expect(text.contains("     2 drop  Drop me.  ⟵ promo.follow-us: promotional line (score 0.500)\n"))
    }

    @Test func removedSpansMergeRunsOfOneRule() {
        var doc = document("a\nb\nc\nd")
        for index in 0..<3 { doc.blocks[index].verdict = .drop("r", "m") }
        let spans = RemovedSpan.spans(of: doc)
        #expect(spans.count == 1)
        #expect(spans.first?.firstLine == 1)
        #expect(spans.first?.lastLine == 3)
    }

    @Test func aKeptLineEndsARemovedSpan() {
        var doc = document("a\n\nb\nc\nd")
        for index in [0, 1, 3] { doc.blocks[index].verdict = .drop("r", "m") }
        let spans = RemovedSpan.spans(of: doc)
        #expect(spans.map { [$0.firstLine, $0.lastLine] } == [[1, 3], [5, 5]])
    }
}
