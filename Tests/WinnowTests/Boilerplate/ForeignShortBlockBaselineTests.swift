import Testing
@testable import Winnow

/// Only a confident page language says what is foreign: under a doubtful page guess (a tiny
/// post among link menus guessed as Yoruba at 0.54) the post's own short lines stay.
@Suite struct ForeignShortBlockBaselineTests {
    static let page = """
        The village school will get a new roof this summer, after the county found the money in its repair budget for the coming year.
        Parents had asked for the work for years, because rain came into two of the classrooms every winter and lessons had to move.
        Trending videos
        Chú mèo con đáng yêu nhất
        The builders will start on the first day of the holidays and should finish before the children come back in September.
        """

    @Test func aDoubtfulPageLanguageMakesNoBlockForeign() throws {
        var document = Document(id: "doubtful", blocks: Segmenter().blocks(from: Self.page))
        document.language = LanguageGuess(code: "yo", confidence: 0.54)
        document.blocks[3].language = LanguageGuess(code: "vi", confidence: 0.9)
        try BoilerplateRemover().process(&document)
        #expect(document.blocks[3].verdict?.reason.ruleID != ForeignShortBlockHeuristic.id)
    }

    @Test func aConfidentPageLanguageStillDoes() throws {
        var document = Document(id: "confident", blocks: Segmenter().blocks(from: Self.page))
        document.language = LanguageGuess(code: "en", confidence: 0.9)
        document.blocks[3].language = LanguageGuess(code: "vi", confidence: 0.9)
        try BoilerplateRemover().process(&document)
        #expect(document.blocks[3].verdict?.reason.ruleID == ForeignShortBlockHeuristic.id)
    }
}
