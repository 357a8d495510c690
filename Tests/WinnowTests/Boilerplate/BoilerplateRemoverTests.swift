import Testing
import Winnow

@Suite struct BoilerplateRemoverTests {
    typealias Support = BoilerplateTestSupport

    static let pages: [String] = Heuristics.all.flatMap { $0.examples.map { Support.unmark($0.markedText).text } }

    @Test(arguments: pages)
    func modesAreNested(page: String) throws {
        let precision = try Support.keptLines(page, mode: .precision)
        let balanced = try Support.keptLines(page, mode: .balanced)
        let recall = try Support.keptLines(page, mode: .recall)
        #expect(precision.isSubset(of: balanced))
        #expect(balanced.isSubset(of: recall))
    }

    @Test(arguments: BoilerplateOptions.Mode.allCases)
    func cleaningCleanOutputChangesNothing(mode: BoilerplateOptions.Mode) throws {
        for page in Self.pages {
            let once = try Support.clean(page, mode: mode)
            let twice = try Support.clean(once, mode: mode)
            #expect(twice == once, "not idempotent in \(mode): \(once)")
        }
    }

    @Test func everyDropHasAHeuristicIDAndReason() throws {
        for page in Self.pages {
            for block in try Support.processed(page).blocks where !block.isKept {
                let reason = try #require(block.verdict?.reason)
                #expect(reason.ruleID.hasPrefix("heuristic."))
                #expect(!reason.message.isEmpty)
                #expect(reason.score != nil)
            }
        }
    }

    /// A converter puts the title, a byline, a lead image with its caption and a share bar above
    /// the text; the heading is the article's, the menu above it is not.
    @Test func markdownTitleAboveBylineImageAndCaptionIsKept() throws {
        let page = """
            * [Accueil](/)
            * [Culture](/culture/)

            # La ville de Lyon lance un plan pour ses ponts

            Par [Claire Martin](/auteur/claire-martin) Publié le 12 mars 2024

            ![Le pont Lafayette](/img/pont.jpg)

            Le pont Lafayette, en 2023.

            La métropole de Lyon a présenté mercredi un plan de rénovation de ses ponts les plus anciens, dont plusieurs datent du XIXe siècle, et les travaux doivent commencer à l’automne.

            Le coût total est estimé à 240 millions d’euros, a expliqué le vice-président chargé des mobilités lors d’une conférence de presse organisée à l’hôtel de ville.
            """
        let text = try Support.clean(page)
        #expect(text.hasPrefix("La ville de Lyon lance un plan pour ses ponts\n"), "\(text)")
        #expect(!text.contains("Accueil"))
    }

    @Test func emptyDocumentStaysEmpty() throws {
        var document = Document(id: "empty", blocks: [])
        try BoilerplateRemover().process(&document)
        #expect(document.blocks.isEmpty)
    }

    @Test func ruleVerdictsAreRespected() throws {
        struct DropFirstLine: RuleApplying {
            func applyRules(to document: inout Document, keepCaptions: Bool) {
                document.blocks[0].verdict = .drop("test.first", "first line")
            }
        }
        let page = """
            The first paragraph of this article is long enough to be prose, with plenty of the words that every sentence in English needs to have.
            The second paragraph is just as long and also reads like prose, so that the heuristics would keep it together with the first one.
            """
        var document = Document(id: "rules", blocks: Segmenter().blocks(from: page))
        try BoilerplateRemover(rules: DropFirstLine()).process(&document)
        #expect(document.blocks[0].verdict?.reason.ruleID == "test.first")
        #expect(document.blocks[1].isKept)
    }

    @Test func heuristicsCanBeTurnedOff() throws {
        var document = Document(id: "off", blocks: Segmenter().blocks(from: "• Home\n• About\n"))
        try BoilerplateRemover(options: BoilerplateOptions(useHeuristics: false)).process(&document)
        #expect(document.blocks.allSatisfy { $0.isKept })
    }

    @Test func foreignShortBlockAmongShortBlocksIsDropped() throws {
        let page = """
            The village school will get a new roof this summer, after the county found the money in its repair budget for the coming year.
            Parents had asked for the work for years, because rain came into two of the classrooms every winter and lessons had to move.
            Trending videos
            Chú mèo con đáng yêu nhất
            The builders will start on the first day of the holidays and should finish before the children come back in September.
            """
        var document = Document(id: "foreign", blocks: Segmenter().blocks(from: page))
        document.language = LanguageGuess(code: "en", confidence: 0.99)
        document.blocks[3].language = LanguageGuess(code: "vi", confidence: 0.9)
        try BoilerplateRemover().process(&document)
        #expect(document.blocks[3].verdict?.reason.ruleID == "heuristic.foreign-short-block")
        #expect(document.blocks[0].isKept && document.blocks[1].isKept && document.blocks[4].isKept)
    }

    @Test func thaiWordsAreCountedByDictionaryBreak() throws {
        // Eight Thai words without spaces: the heuristics see words, not one long token.
        let page = "ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอน"
        var document = Document(id: "thai", blocks: Segmenter().blocks(from: page))
        try BoilerplateRemover().process(&document)
        #expect(document.blocks.count == 1)
    }
}
