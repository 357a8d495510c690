import Testing

@testable import Winnow

/// html2text writes a list inside an ordered item as `1.      * x`: the number labels an outer
/// item with no text of its own, and the bullet's item is the line's text.
@Suite struct NestedListMarkerTests {
    @Test(arguments: [
        ("1.      * x", "x"),
        ("  3.      * Jump to video", "Jump to video"),
        ("12)  - [Home](/)", "Home"),
        ("2.   + Item", "Item"),
        ("100. * x", "x"),
        ("1. * Mix the flour", "Mix the flour"),
    ])
    func bulletInsideAnOrderedItemIsTheText(line: String, text: String) {
        #expect(InlineMarkup.plainText(line) == text)
        #expect(MatchSubject.plainText(line) == text)
    }

    /// A single space before `-` or `+` is text the fast path does not parse (`1. - 5 degrees`):
    /// the number and the dash stay, for the parser and the fast path alike.
    @Test(arguments: ["1. - 5 degrees", "1. + 2 = 3", "1. Mix the flour", "1.5 * 2", "2.\t+ Item"])
    func otherOrderedLinesKeepTheirNumber(line: String) {
        #expect(InlineMarkup.plainText(line).hasPrefix(String(line.prefix(2))))
        #expect(MatchSubject.plainText(line) == InlineMarkup.plainText(line))
    }

    @Test func cleanedTextHasNoStrayBullet() throws {
        let page = """
            The city will open three new libraries next year, the mayor said on Tuesday, paid for by a bond.

            The branches, in the order they open:

              1.      * North Branch on Elm Street
              2.      * South Branch on Oak Avenue

            The council votes on the plan next month, after a public hearing at the city hall.
            """
        let cleaned = try BoilerplateTestSupport.clean(page)
        #expect(cleaned.contains("\nNorth Branch on Elm Street\n"))
        #expect(!cleaned.contains("* "))
    }
}
