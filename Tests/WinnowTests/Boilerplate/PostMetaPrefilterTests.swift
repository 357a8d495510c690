import Testing

@testable import Winnow

/// The byte prefilter of `PostMetaHeuristic.countsComments` may only turn away lines the full
/// test would turn away too.
@Suite struct PostMetaPrefilterTests {
    @Test(arguments: [
        "Posted on November 8, 2012 at 1:24 PM • 14 Comments",
        "posted by Anna at 7:10 AM | 0 comments",
        "12. März 2012, 14:05 · 3 Kommentare",
        "0 réponses",
        "5 RESPUESTAS",
        "2 \u{212A}ommentare",  // Kelvin sign lower-cases to k
    ])
    func letsEveryCountThrough(_ line: String) {
        #expect(PostMetaHeuristic.countsComments(line))
        #expect(PostMetaHeuristic.mayCountComments(line.utf8))
    }

    @Test(arguments: [
        "John Smith says: March 3, 2012 at 5:10 pm",
        "Comments are closed",
        "Reply",
        "",
    ])
    func turnsAwayLinesWithoutACount(_ line: String) {
        #expect(!PostMetaHeuristic.mayCountComments(line.utf8))
        #expect(!PostMetaHeuristic.countsComments(line))
    }
}
