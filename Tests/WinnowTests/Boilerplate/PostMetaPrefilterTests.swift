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

    /// The byte path for ASCII lines finds a count exactly when the `Character` path does.
    @Test func asciiPathMatchesTheCharacterPath() {
        let pieces = ["14", "0", "3", " ", " ", "Comments", "comment", "REPLIES", "replys", "x", "Kommentare", ":", "|", "-", "•", ".", "a1", "1a", "comments2"]
        var random = SplitMix(state: 3)
        for _ in 0..<5_000 {
            var line = ""
            for _ in 0..<random.below(8) { line += pieces[random.below(pieces.count)] }
            #expect(PostMetaHeuristic.countsComments(line) == PostMetaHeuristic.characterCountsComments(line), "\(line.debugDescription)")
            if line.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(PostMetaHeuristic.asciiCountsComments(line) == PostMetaHeuristic.characterCountsComments(line), "\(line.debugDescription)")
            }
        }
    }
}
