/// A comment heading the page prints twice ("4 Comments" under the post's byline, and
/// "4 Comments" again above the thread): the first copy is the post's meta line, a jump link to
/// the thread, not the thread's start.
///
/// Taken for the thread's start, the meta line put the whole article "in the comment thread",
/// and the best region above it (a search form, a teaser) won. Only the last copy of a heading
/// splits the page; earlier copies with the same text (the same fingerprint of letters and
/// digits) and a count first are taken back.
///
/// Source: blog and news templates (a comment count beside the byline links to the thread
/// heading, which repeats it).
enum RepeatedCommentHeading {
    /// Takes back every counted comment heading ("4 Comments") above the page's first prose line
    /// whose text comes back in a later comment heading. Uncounted ones ("Reply", "Comments")
    /// repeat under every comment.
    static func keepEarlierCopies(
        separators: inout [Bool], reasons: inout [String?], features: [LineFeatures], classes: [BlockClass],
        headingReason: String
    ) {
        let firstProse = classes.firstIndex(of: .good) ?? classes.count
        var later: Set<Int> = []
        for index in separators.indices.reversed() where separators[index] && reasons[index] == headingReason {
            guard CountedCommentHeading.startsWithCount(features[index]) else { continue }
            let fingerprint = features[index].fingerprint
            if later.contains(fingerprint), index < firstProse {
                CommentThreadHeuristic.unmark(index, separators: &separators, reasons: &reasons)
            } else {
                later.insert(fingerprint)
            }
        }
    }
}
