/// Keeps the lines around the article region when none of them looks like boilerplate: the
/// edges of a text that has been cleaned before.
///
/// A page's footer always holds something boilerplate-shaped: a line a rule drops (copyright,
/// "Follow us", a counter), a menu entry, a link line, a repeated line or a comment heading.
/// A text that has been cleaned before has none of these. Its last short lines are the
/// article's own: a list's entries without their bullets, a sign-off, a source line. Without
/// their page around them, the tail walk stops at the first of them that does not end like a
/// sentence, and a second cleaning dropped them as footer.
///
/// The head needs more. A blog's masthead and tagline ("Physics and Physicists", "ZapperZ's
/// physics blog on …") are as plain as a post's title and date, so a clean head alone said
/// nothing: on the dev set, keeping it kept 27 mastheads. The head is kept only when no rule
/// dropped any line of the page, which a page from the web (its menus, share bars and footer)
/// almost never is, and a cleaned text almost always is.
///
/// On the dev set the tail changes one first-cleaning page in 1,372 (html2text; none in w3m)
/// and the head none. The pages that a second cleaning changes went from 33 to 2 (w3m) and from
/// 49 to 9 (html2text), with the other mends of the same stop.
///
/// Only the rules know a footer's copyright line, "Follow us" or counter, so the heuristic
/// runs only after them: the heuristics alone would see a clean tail in "Most read" and its
/// headlines.
///
/// The same lines count in every mode. A mode whose region is smaller sees longer edges, and
/// if a longer edge is clean, so is the shorter one. So the modes stay nested.
enum CleanEdgesHeuristic {
    static let id = "heuristic.clean-edges"
    static let description = HeuristicDescription(
        id: id,
        name: "Clean edges",
        description: "When rules judged the page, keeps the lines after the article region if none of them is boilerplate-shaped: no rule dropped one, none is a menu entry, link line, placeholder or repeated line, and no comment thread starts there. A page's footer always has one of these; a text cleaned before has none, and its last short lines (a list's entries without their bullets, a sign-off) are the article's. The lines above the region are kept the same way when, besides, no rule dropped any line of the page (a blog's masthead is as plain as a post's title). It drops nothing itself.",
        source: "winnow: cleaning clean text changes nothing (idempotence)",
        examples: [])

    /// The region's new last line: the page's last line when every line after `upper` is
    /// clean, otherwise `upper`.
    static func end(after upper: Int, count: Int, isClean: (Int) -> Bool) -> Int {
        guard upper + 1 < count, (upper + 1..<count).allSatisfy(isClean) else { return upper }
        return count - 1
    }

    /// The region's new first line: the page's first when every line above `lower` is clean
    /// and no rule dropped a line of the page, otherwise `lower`.
    static func start(before lower: Int, pageHasRuleDrops: Bool, isClean: (Int) -> Bool) -> Int {
        guard lower > 0, !pageHasRuleDrops, (0..<lower).allSatisfy(isClean) else { return lower }
        return 0
    }
}
