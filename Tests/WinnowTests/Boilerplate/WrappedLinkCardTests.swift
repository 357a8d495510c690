import Testing
@testable import Winnow

/// A teaser card that markdownify writes over several lines (`["Title`, a blank line, then
/// `Blurb of the story.](https://…)`): the blurb ends a link opened earlier, so it is link
/// text, and the card is no prose for the article region.
@Suite struct WrappedLinkCardTests {
    static func features(_ line: String) -> LineFeatures {
        let blocks = Segmenter().blocks(from: line)
        return FeatureExtractor().features(of: Document(id: "t", blocks: blocks)).lines[0]
    }

    @Test func theEndOfALinkOpenedEarlierIsLinkText() {
        let stats = InlineMarkup.linkStats("Bis zum Sommer entstehen zwölf Kilometer neue Radwege.](https://example.de/lokales/radwege-10050350.html)")
        #expect(stats.links == 1)
        #expect(stats.density == 1)
        // The visible text stops before the address, as in the plain text.
        #expect(stats.visibleBytes == "BiszumSommerentstehenzwölfKilometerneueRadwege.".utf8.count)
    }

    @Test func theTailOfAWrappedLinkIsNoText() {
        let stats = InlineMarkup.linkStats("](https://example.de/a-long-slug) and the sentence goes on")
        #expect(stats.links == 0)
        #expect(stats.visibleBytes == "andthesentencegoeson".utf8.count)
        // A whole link, or parentheses in prose, are what they were.
        #expect(InlineMarkup.linkStats("See [the report](http://x/a_(b)) for more.").links == 1)
        #expect(InlineMarkup.linkStats("The vote (held on Monday) passed.").links == 0)
    }

    @Test func theFeaturesReadTheBlurbAsLinkText() {
        let line = "    Nach zwei Jahren Umbau zeigt das Stadtmuseum seine Sammlung in neuen Räumen.](https://example.de/kultur/museum-oeffnet-wieder-2.html)"
        let features = Self.features(line)
        #expect(features.links == 1)
        #expect(features.linkDensity == 1)
        // The address's slug is no words.
        #expect(features.words == 12)
        #expect(features.endsWrappedLink)
        #expect(Self.features("](https://example.de/a-long-slug) and the sentence goes on").endsWrappedLink)
        #expect(Self.features("](https://example.de/a-long-slug) and the sentence goes on").words == 5)
        // Prose that only ends in parentheses is no link.
        #expect(Self.features("The vote passed after a long debate (held on Monday evening)").links == 0)
    }

    @Test func cardsAboveTheArticleAreNotTheArticle() throws {
        var page = "* [Start](/)\n* [Politik](/politik)\n\n"
        for index in 0..<5 {
            page += """
                  + [![Bild](https://example.de/img/\(index).png)](https://example.de/story-\(index))

                    ["Die Stadt baut neue Radwege, Teil \(index)"

                    Bis zum Sommer sollen in der Innenstadt zwölf Kilometer neue Radwege entstehen, die Arbeiten beginnen im März an der Hauptstraße und dauern Monate.](https://example.de/lokales/radwege-\(index).html)


                """
        }
        page += """
            # Der Rat beschließt den Haushalt

            Der Stadtrat hat am Donnerstagabend den Haushalt für das kommende Jahr beschlossen, nach einer langen Debatte über die Kosten für Schulen und Straßen.

            Die Stadt will im nächsten Jahr mehr Geld für die Sanierung der Schulen ausgeben, als in den vergangenen fünf Jahren zusammen, sagte der Kämmerer.

            * [Impressum](/impressum)
            """
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.count == 3, "\(kept)")
        #expect(kept.allSatisfy { !$0.contains("Radwege") })
    }
}

/// The lines between a link's opening `[` and its `](url)` lines below are one link's text.
@Suite struct WrappedLinkCardInsideTests {
    static func inside(_ page: String) -> [Int] {
        let blocks = Segmenter().blocks(from: page)
        let features = FeatureExtractor().features(of: Document(id: "t", blocks: blocks)).lines
        return WrappedLinkCard.insideLines(of: blocks, features: features).map { blocks[$0].origin.line }
    }

    @Test func aCardsLinesAreInsideItsLink() {
        let page = """
            Prose of the article before the card, a whole sentence of it.

            [![Bahn und Bus](https://example.de/card.jpg)

            Nach Zugunfällen

            ### Dieser Mann setzt die Bahn unter Druck

            Er hat seine Mutter beim Zugunglück verloren und verlangt mehr Sicherheit.

            Von Ann Lee](https://example.de/wirtschaft/bahn-1.html)

            Prose of the article after the card.
            """
        // The opening line and the lines up to the link's end (which reads as link text alone).
        #expect(Self.inside(page) == [3, 5, 7, 9])
    }

    @Test func aTitleThatOpensTheLinkIsInsideIt() {
        let page = "[\"Die Stadt baut neue Radwege\"\n\nBis zum Sommer entstehen zwölf Kilometer.](https://example.de/a.html)"
        #expect(Self.inside(page) == [1])
    }

    @Test func noOpeningOrTooFarAboveIsNoCard() {
        // An end without an opening above: nothing inside.
        #expect(Self.inside("First line of text\n\nBlurb of a story.](https://example.de/a.html)").isEmpty)
        // An opening farther than a card spans.
        let far = ["[![](a.jpg)"] + (1...WrappedLinkCard.maximumSpan).map { "Line \($0) of prose" } + ["End](https://x.example/a)"]
        #expect(Self.inside(far.joined(separator: "\n")).isEmpty)
        // Whole links close where they open.
        #expect(Self.inside("[![](a.jpg)](https://x.example/)\nText\nMore](https://x.example/b)").isEmpty)
    }

    @Test(arguments: [
        ("[![](a.jpg)", 0), ("[\"Title", 0), ("Read [more", 5), ("[a](b) [c", 7), ("[a](b)", nil), ("\\[not a link", nil),
    ] as [(String, Int?)])
    func unclosedBrackets(line: String, position: Int?) {
        var line = line
        #expect(line.withUTF8 { WrappedLinkCard.unclosedBracket(UnsafeRawBufferPointer($0)) } == position)
    }
}

/// markdownify writes an in-article "related" box as an empty one-cell table around a link:
/// the table's border rows are markup, neither article nor boilerplate, so the box is one
/// link-dense line between two paragraphs, not four bad lines.
@Suite struct EmptyTableBoxTests {
    @Test func anEmptyTableAroundARelatedLinkDoesNotSplitTheArticle() throws {
        let paragraph = "The council said on Friday that the library will open on Sundays from next month, after a survey showed that most readers wanted to visit at the weekend."
        var page = "* [Home](/)\n* [News](/news)\n\n"
        for index in 0..<4 {
            page += "\(paragraph) Part \(index).\n\n|  |\n| --- |\n|  |\n| [**Read also: the library's new opening hours, explained**](https://example.com/hours-\(index)) |\n\n"
        }
        page += "* [About us](/about)\n* [Contact](/contact)\n"
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.filter { $0.hasPrefix("The council said") }.count == 4, "\(kept)")
        #expect(!kept.contains { $0.contains("Read also") })
    }
}
