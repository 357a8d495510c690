import Testing
@testable import Winnow

/// An author named by "(@handle)" marks an embedded post's attribution, not a comment byline.
@Suite struct EmbeddedPostAttributionTests {
    @Test func handlesInParentheses() {
        #expect(EmbeddedPostAttribution.isAttribution("\u{2014} Carolina Panthers (@Panthers) August 9, 2012"))
        #expect(EmbeddedPostAttribution.isAttribution("— Peter Wittkamp🐬 (@diktator) 25. September 2018"))
        #expect(EmbeddedPostAttribution.isAttribution("A post shared by Ann (@ann.bakes) on Mar 5, 2019 at 10:00am PST"))
        #expect(EmbeddedPostAttribution.isAttribution("— Dylan Byers (@DylanByers)"))
    }

    @Test func otherLinesAreNot() {
        #expect(!EmbeddedPostAttribution.isAttribution("Mark on March 3, 2013 at 9:14 pm"))
        #expect(!EmbeddedPostAttribution.isAttribution("Reply to @anna: March 3, 2013"))  // no parentheses
        #expect(!EmbeddedPostAttribution.isAttribution("Anna (@) March 3, 2013"))  // no handle
        #expect(!EmbeddedPostAttribution.isAttribution("Anna (@anna March 3, 2013"))  // not closed
        #expect(!EmbeddedPostAttribution.isAttribution("Anna (@\(String(repeating: "a", count: 31))) 2013"))  // too long
        #expect(!EmbeddedPostAttribution.isAttribution("(@"))
    }
}
