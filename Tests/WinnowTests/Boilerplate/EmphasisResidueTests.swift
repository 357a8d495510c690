import Testing

@testable import Winnow

/// html2text closes bold or italics on a line of its own (`**`, `_`): no text, and no
/// placeholder that ends the article.
@Suite struct EmphasisResidueTests {
    @Test(arguments: [("**", true), ("_", true), ("__", true), ("**_", true), ("_**", true),
        ("*", false), ("***", false), ("___", false), ("* * *", false), ("**a", false), ("", false)])
    func residue(line: String, isResidue: Bool) {
        #expect(Array(line.utf8).withUnsafeBytes { HeuristicPass.isEmphasisResidue($0) } == isResidue)
    }

    @Test func aListUnderABoldHeadingClosedOnItsOwnLineStays() throws {
        let page = """
            [Home](/) | [Blog](/blog) | [Contact](/contact)

            Spending a whole day by the water without a plan is the best way I know to get my head clear again after a busy week at work.

            The coast up north has so many quiet places that I could go somewhere new every weekend of the year and still not run out.

            #### **My favourite spots by the water up north:
            **

            * The old jetties on the river, best on a weekday morning
            * The dog beach at Stein on the Baltic coast, with lunch nearby
            * The river bank west of the lighthouse and everything beyond it

            Tell me about your own favourite places in the comments, I am always looking for new ones to visit with the dog.
            """
        var document = Document(id: "test", blocks: Segmenter().blocks(from: page))
        try BoilerplateRemover(rules: try RuleSet.builtin()).process(&document)
        let cleaned = TextRenderer().render(document)
        #expect(cleaned.contains("\nThe dog beach at Stein on the Baltic coast, with lunch nearby\n"))
        #expect(!cleaned.contains("**"))
    }
}
