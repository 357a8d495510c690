/// A dated line right above a line that is only a web address: the source line of a quoted
/// article ("Thomas Erdbrink, New York Times, August 7, 2012" over its URL), not a comment's
/// byline.
///
/// A news digest or a link blog quotes article after article, each under its title, its
/// author, outlet and date, and its address. The dated lines read as a comment thread's
/// bylines (who, when), and the thread's start ended the page at the first quoted article.
/// Comment bylines are followed by the comment, not by an address.
///
/// Source: the boilerplate dev set (a foreign-policy news digest lost 79 % of its text).
enum SourceCitation {
    /// Unmarks the comment bylines (`CommentThreadHeuristic.bylineReason`) whose next line is
    /// a bare web address (`BareURL`), read by `plainText`.
    static func unmarkCitations(
        separators: inout [Bool], reasons: inout [String?], plainText: (Int) -> String
    ) {
        for index in separators.indices
        where separators[index] && reasons[index] == CommentThreadHeuristic.bylineReason && index + 1 < separators.count {
            var next = plainText(index + 1)
            // An autolink (`<http://…>`) reads as its address here too.
            guard next.withUTF8({ BareURL.isBareURL($0) }) else { continue }
            CommentThreadHeuristic.unmark(index, separators: &separators, reasons: &reasons)
        }
    }
}
