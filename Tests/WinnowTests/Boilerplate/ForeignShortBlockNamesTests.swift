import Testing
@testable import Winnow

/// A short line of capitalised words (an address, a company, a title) is names, whatever
/// language the detector gives it: it is not a foreign widget card.
@Suite struct ForeignShortBlockNamesTests {
    static let page = """
        If you have questions about this agreement, you should write to us at the address below and we will answer within thirty days.
        Read It Later, Inc.
        San Francisco, CA 94103
        Voici pourquoi les prix montent encore
        The agreement is governed by the laws of the State of California, without regard to its rules on conflicts of law.
        """

    static func verdictRules(_ guess: String) throws -> [Int: String] {
        var document = Document(id: "names", blocks: Segmenter().blocks(from: Self.page))
        document.language = LanguageGuess(code: "en", confidence: 0.99)
        document.blocks[2].language = LanguageGuess(code: guess, confidence: 0.9)
        document.blocks[3].language = LanguageGuess(code: "fr", confidence: 0.95)
        try BoilerplateRemover().process(&document)
        var rules: [Int: String] = [:]
        for index in document.blocks.indices { rules[index] = document.blocks[index].verdict?.reason.ruleID ?? "" }
        return rules
    }

    @Test func anAddressIsNotForeign() throws {
        #expect(try Self.verdictRules("es")[2] != ForeignShortBlockHeuristic.id)
    }

    /// Fewer than three lower-case words: names, dates, numbers and units with a few function
    /// words, whatever the guess.
    @Test func aBylineOrAnIngredientIsNotForeign() {
        func line(_ text: String) -> LineFeatures {
            FeatureExtractor().features(of: Document(id: "l", blocks: Segmenter().blocks(from: text))).lines[0]
        }
        #expect(ForeignShortBlockHeuristic.looksLikeNames(line("by Paulo Coelho on June 27, 2012")))
        #expect(ForeignShortBlockHeuristic.looksLikeNames(line("1/2 teaspoon salt")))
        #expect(!ForeignShortBlockHeuristic.looksLikeNames(line("Voici pourquoi les prix montent encore")))
        #expect(!ForeignShortBlockHeuristic.looksLikeNames(line("Racja, to jest bardzo dobry pomysł")))
        // A script without case is judged by its guess alone.
        #expect(!ForeignShortBlockHeuristic.looksLikeNames(line("ข่าวล่าสุดวันนี้จากกรุงเทพ")))
    }

    @Test func aCardWithLowerCaseWordsStillIs() throws {
        #expect(try Self.verdictRules("es")[3] == ForeignShortBlockHeuristic.id)
    }
}
