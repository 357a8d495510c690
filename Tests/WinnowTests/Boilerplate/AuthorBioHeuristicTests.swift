import Testing
@testable import Winnow

/// The writer's name and biography under an article go; profiles inside an article stay.
@Suite struct AuthorBioHeuristicTests {
    static let story = [
        "The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel supports had corroded far more than expected.",
        "Cyclists and people on foot will still be able to cross it, and the council said it would look at the cost of a new bridge over the coming year before deciding.",
    ]

    @Test func namesAndOpenings() {
        #expect(AuthorBioHeuristic.isName("Mary Jo Foley"))
        #expect(AuthorBioHeuristic.isName("Anna O’Neill"))
        #expect(!AuthorBioHeuristic.isName("Zack"))
        #expect(!AuthorBioHeuristic.isName("More from the author"))
        #expect(!AuthorBioHeuristic.isName("Read More By David Kravets Here"))
        #expect(AuthorBioHeuristic.opens("Zack Whittaker writes for ZDNet and CNET.", with: "Zack Whittaker"))
        #expect(AuthorBioHeuristic.opens("Matthias Weber ist ERP-Experte mit langjähriger Berufserfahrung.", with: "Matthias Weber"))
        #expect(!AuthorBioHeuristic.opens("Zack Whittaker, a reporter, said the figures were wrong.", with: "Zack Whittaker"))
        #expect(!AuthorBioHeuristic.opens("Zack Whittakers is a name.", with: "Zack Whittaker"))
    }

    @Test func theWritersBoxUnderTheArticleGoes() throws {
        let page = (Self.story + [
            "Anna Lindqvist",
            "Anna Lindqvist is a staff writer who covers transport and city politics. She has worked for the paper since 2009.",
        ]).joined(separator: "\n\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept == Self.story)
    }

    @Test func aProfileInsideTheArticleStays() throws {
        let profiles = [
            "Jane Doe",
            "Jane Doe is a lawyer who has run the legal aid clinic in the old town for twelve years and wants to cut waiting times.",
            "John Roe",
            "John Roe is a teacher at the harbour school and has led the parents' campaign for a safer crossing on the coast road.",
        ]
        let page = ([Self.story[0]] + profiles + [Self.story[1]]).joined(separator: "\n\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        for line in profiles { #expect(kept.contains(line), "\(line)") }
    }
}
