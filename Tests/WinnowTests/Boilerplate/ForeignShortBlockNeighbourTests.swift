import Testing
@testable import Winnow

/// A short line beside a short line in the page's own language is one of the article's entries
/// (a list of places with their addresses), not a widget's card: it stays whatever language
/// the detector gives it. Beside a short line that is foreign too, it goes.
@Suite struct ForeignShortBlockNeighbourTests {
    static let page = """
        Der Sommer in Montauk ist ruhig, und die meisten Restaurants liegen direkt am Wasser, nur wenige Minuten vom Hafen entfernt.
        Meine Tipps für Lunch und Dinner, alle selbst getestet und für gut befunden, findet ihr in der folgenden Liste.
        Montauk Yacht Club / schöner, ruhiger Platz
        Westlake Fish House / the local place for fish
        Sloppy Tuna / sehr lässig, genau am Strand
        Am Abend lohnt sich ein Spaziergang zum Leuchtturm, von dem aus man den Sonnenuntergang über dem Meer sehen kann.
        """

    /// Whether the heuristic takes the middle entry when its two neighbours are in `language`.
    private func takesMiddleEntry(neighboursIn language: String) -> Bool {
        var blocks = Segmenter().blocks(from: Self.page)
        for index in blocks.indices { blocks[index].language = LanguageGuess(code: "de", confidence: 0.95) }
        blocks[3].language = LanguageGuess(code: "en", confidence: 0.95)
        blocks[2].language = LanguageGuess(code: language, confidence: 0.95)
        blocks[4].language = LanguageGuess(code: language, confidence: 0.95)
        let classes: [BlockClass] = [.good, .good, .short, .short, .short, .good]
        return ForeignShortBlockHeuristic.applies(at: 3, blocks: blocks, classes: classes, documentLanguage: "de")
    }

    @Test func anEntryAmongTheArticlesOwnShortLinesStays() {
        #expect(!takesMiddleEntry(neighboursIn: "de"))
    }

    @Test func aCardAmongForeignCardsGoes() {
        #expect(takesMiddleEntry(neighboursIn: "fr"))
    }
}
