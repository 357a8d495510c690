import Testing
@testable import Winnow

/// lynx's link numbers (`[12]Home`) are markup: the visible text loses them, and what a
/// bracketed number means elsewhere (footnotes, list labels, references) is left alone.
@Suite struct TextBrowserLinkNumberTests {
    @Test(arguments: [
        ("[3]Home", "Home"),
        ("   * [12]China Daily Homepage", "China Daily Homepage"),
        ("acceptance of our [120]Terms of Service, [121]Privacy Policy.", "acceptance of our Terms of Service, Privacy Policy."),
        ("[15]评论 [16]海外观察", "评论 海外观察"),
        ("[7]\"Quoted title\"", "\"Quoted title\""),
        ("[4]2023中秋节", "2023中秋节"),
        ("[12345]Five digits", "Five digits"),
        ("[24]Home[25]Latest News[26]Nollywood", "Home Latest News Nollywood"),
        ("Protest gegen Neonazis in [38]#Chemnitz, sagt [46]@markusreuter", "Protest gegen Neonazis in #Chemnitz, sagt @markusreuter"),
    ])
    func numberGoes(line: String, visible: String) {
        #expect(InlineMarkup.plainText(line) == visible)
    }

    @Test(arguments: [
        "He said so.[3] Then he left.",
        "See the text[4] for details.",
        "[5] Smith, J. (2010). A history of the press.",
        "[6]: https://example.com/",
        "[7][8]",
        "The year [2012] was a leap year.",
        "[123456]abc",
        "[1]\u{00A0}non-breaking",
        "[3].",
    ])
    func otherBracketsStay(line: String) {
        #expect(InlineMarkup.plainText(line) == line)
    }

    @Test func aNumberedLinkCountsAsALink() {
        var out: [UInt8] = []
        var stats = InlineMarkup.LinkStats(links: 0, linkedBytes: 0, visibleBytes: 0)
        Array("[1]Home [2]News".utf8).withUnsafeBytes {
            InlineMarkup.renderInline($0, into: &out, stats: &stats, insideLink: false)
        }
        #expect(String(decoding: out, as: UTF8.self) == "Home News")
        #expect(stats.links == 2)
    }
}
