import Testing
@testable import Winnow

/// A list of teasers, each closed by the same read-more line, does not outscore the short
/// article above it; a lone read-more link far from the others is no teaser's end.
@Suite struct TeaserBoundaryTests {
    static let page = """
        Hating the young is the prejudice everyone is allowed to boast about, the cartoonist says in a short strip that ran on the news channel this week.

        Here is the strip, which is worth reading in full before the comments start.

        A choir sings with two rock stars in a hall full of fans
        The good folks at the choir are still doing their thing, and now they have invited two famous guests to sing along with the whole crowd.
        Read more »

        A graphic novel for young readers about growing up
        The author is several kinds of excellent comics person, from her debut novel to her work on a long-running series for older readers.
        Read more »

        A podcast about the families that run the country
        The latest podcast from the network is about the wealthy, influential political and corporate families that nobody elected to anything.
        Read more »
        """

    @Test func readMoreLinesEndTeasers() throws {
        let kept = try BoilerplateTestSupport.keptTexts(Self.page)
        #expect(kept.first?.hasPrefix("Hating the young") == true)
        #expect(!kept.contains { $0.hasPrefix("The latest podcast") })
    }

    @Test func marksOnlyRepeatedNearbyReadMoreLines() {
        func line(_ fingerprint: Int, words: Int = 2) -> LineFeatures {
            var features = LineFeatures()
            features.fingerprint = fingerprint
            features.words = words
            return features
        }
        let texts = ["Read more »", "Prose", "Read more »", "Prose", "Read more »", "More", "Prose"]
        let features = [line(1), line(2, words: 30), line(1), line(2, words: 30), line(1), line(3, words: 1), line(2, words: 30)]
        #expect(TeaserBoundary.lines(features: features, text: { texts[$0] }) == [true, false, true, false, true, false, false])
        // Far apart, or fewer than three: no teaser list.
        let far = [line(1)] + Array(repeating: line(2, words: 30), count: 20) + [line(1), line(2, words: 30), line(1)]
        let farTexts = ["Read more »"] + Array(repeating: "Prose", count: 20) + ["Read more »", "Prose", "Read more »"]
        let marks = TeaserBoundary.lines(features: far, text: { farTexts[$0] })
        #expect(marks[0] == false && marks[21] == true && marks[23] == true)
        #expect(TeaserBoundary.lines(features: Array(far.prefix(22)), text: { farTexts[$0] }).allSatisfy { !$0 })
    }

    /// A short post under a list of teasers: the teasers' summaries are longer than the post's
    /// paragraph, and the first of them (above the post) no longer wins the region.
    static let postBelowTeasers = """
        A choir sings with two rock stars in a hall full of fans
        The good folks at the choir are still doing their thing, and now they have invited two famous guests to sing along with the whole crowd of more than a thousand fans.
        Read more »

        A graphic novel for young readers about growing up
        The author is several kinds of excellent comics person, from her debut novel to her work on a long-running series for older readers and for the weekly papers.
        Read more »

        A podcast about the families that run the country
        The latest podcast from the network is about the wealthy, influential political and corporate families that nobody elected to anything at all, ever.
        Read more »

        Hating the young is the prejudice everyone is allowed to boast about, the cartoonist says in a short strip that ran on the news channel this week.

        Here is the strip, which is worth reading in full before the comments start.
        """

    @Test func teaserSummariesAboveAPostDoNotWinTheRegion() throws {
        let kept = try BoilerplateTestSupport.keptTexts(Self.postBelowTeasers)
        #expect(kept.first?.hasPrefix("Hating the young") == true)
        #expect(!kept.contains { $0.hasPrefix("The good folks") })
    }

    /// The lines between read-more lines at the list's pace, and the line above the first one;
    /// a read-more line far ahead of the list (a "Read More" heading over a box) opens no teaser.
    @Test func teaserLinesFollowTheListsPace() {
        func ends(_ marks: [Int], count: Int) -> [Bool] { (0..<count).map { marks.contains($0) } }
        #expect(TeaserBoundary.teaserLines(ends: ends([3, 7, 11], count: 14)) == [2, 4, 5, 6, 8, 9, 10])
        // 14 lines before the next one, then every 6: the first mark is not part of the list.
        #expect(TeaserBoundary.teaserLines(ends: ends([5, 19, 25, 31], count: 33)) == [18, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30])
        #expect(TeaserBoundary.teaserLines(ends: ends([5], count: 8)).isEmpty)
    }

    /// The first-scalar filter for non-ASCII lines never turns away a line the lower-cased
    /// comparison accepts (a Kelvin sign lower-cases to "k", "Ä" to "ä").
    @Test func firstScalarFilterAgreesWithLowercasing() {
        let lines = [
            "Leer más", "LEER MÁS:", "Lire la suite »", "\u{212A}eep reading", "Ärger", "Éditorial", "Μore", "更多",
            "Read more »", "Weiterlesen…", "Mehr lesen ›", "Ünd mehr", "", "İstanbul", "ﬁn", "Leia mais",
        ]
        for line in lines {
            #expect(TeaserBoundary.isReadMore(line) == TeaserBoundary.lowercasedIsReadMore(line), "\(line)")
        }
        #expect(TeaserBoundary.isReadMore("\u{212A}eep reading"))
        #expect(TeaserBoundary.isReadMore("LEER MÁS:"))
    }
}
