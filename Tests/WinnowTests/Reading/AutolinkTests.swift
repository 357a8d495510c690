import Testing
@testable import Winnow

/// An autolink (`<https://…>`, `<name@example.com>`) is written as its address: the angle
/// brackets are markdown, like a link's `[…](…)`.
@Suite struct AutolinkTests {
    @Test(arguments: [
        ("see <http://example.com/report> for more", "see http://example.com/report for more"),
        ("<https://example.com/a_b?x=1&y=2>", "https://example.com/a_b?x=1&y=2"),
        ("write to <press@example.com>.", "write to press@example.com."),
        ("* <mailto:ann@example.com>", "mailto:ann@example.com"),
        // No autolinks: a comparison, a heart, HTML, a one-letter scheme, a space inside.
        ("a < b and b > c", "a < b and b > c"),
        ("I <3 it", "I <3 it"),
        ("<br> stays", "<br> stays"),
        ("<a href=\"x\">", "<a href=\"x\">"),
        ("<c:x> is a drive", "<c:x> is a drive"),
        ("<http://a b>", "<http://a b>"),
        ("<@example.com>", "<@example.com>"),
    ])
    func writtenAsItsAddress(line: String, plain: String) {
        #expect(InlineMarkup.plainText(line) == plain)
        #expect(MatchSubject.plainText(line) == plain)
        let blocks = Segmenter().blocks(from: line)
        #expect(blocks.first?.plainText == plain)
    }

    @Test func theEndIsAfterTheClosingBracket() {
        let text = Array("x <http://a.example/b> y".utf8)
        #expect(text.withUnsafeBytes { Autolink.end(in: $0, at: 2) } == 22)
        #expect(text.withUnsafeBytes { Autolink.end(in: $0, at: 0) } == nil)
    }

    @Test func aLineWithAnAutolinkIsNotVerbatim() {
        let blocks = Segmenter().blocks(from: "The report is at <http://example.com/report> now.")
        #expect(blocks.first.map { !$0.traits.contains(.verbatim) } == true)
        #expect(TextRenderer().render(Document(id: "t", blocks: blocks)) == "The report is at http://example.com/report now.\n")
    }
}
