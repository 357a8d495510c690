/// Keeps the lines after the article region when none of them looks like boilerplate.
///
/// A page's footer always holds something boilerplate-shaped: a line a rule drops (copyright,
/// "Follow us", a counter), a menu entry, a link line, a repeated line or a comment heading.
/// A text that has been cleaned before has none of these. Its last short lines are the
/// article's own: a list's entries without their bullets, a sign-off, a source line. Without
/// their page around them, the tail walk stops at the first of them that does not end like a
/// sentence, and a second cleaning dropped them as footer.
///
/// On the dev set this changes one first-cleaning page in 1,372 (html2text; none in w3m). It
/// halves the number of pages that a second cleaning changes: 33 to 8 in w3m, 49 to 34 in
/// html2text.
///
/// Only the rules know a footer's copyright line, "Follow us" or counter, so the heuristic
/// runs only after them: the heuristics alone would see a clean tail in "Most read" and its
/// headlines.
///
/// The same lines count in every mode. A mode whose region ends earlier sees a longer tail,
/// and if that longer tail is clean, so is the shorter one. So the modes stay nested.
enum CleanTailHeuristic {
    static let id = "heuristic.clean-tail"
    static let description = HeuristicDescription(
        id: id,
        name: "Clean tail",
        description: "When rules judged the page, keeps the lines after the article region if none of them is boilerplate-shaped: no rule dropped one, none is a menu entry, link line, placeholder or repeated line, and no comment thread starts there. A page's footer always has one of these; a text cleaned before has none, and its last short lines (a list's entries without their bullets, a sign-off) are the article's. It drops nothing itself.",
        source: "winnow: cleaning clean text changes nothing (idempotence)",
        examples: [])

    /// The region's new last line: the page's last line when every line after `upper` is
    /// clean, otherwise `upper`.
    static func end(after upper: Int, count: Int, isClean: (Int) -> Bool) -> Int {
        guard upper + 1 < count, (upper + 1..<count).allSatisfy(isClean) else { return upper }
        return count - 1
    }
}
