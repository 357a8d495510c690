/// A comment heading that counts the comments and names the post: "27 comments to Free Speech,
/// Context, and Visibility: Protesting Racist Ads", "40 Responses to “How to Lose 100 Pounds …”",
/// "12 thoughts on Harbour cycle lane approved".
///
/// `CommentThreadHeuristic` reads headings of at most 8 words, so a long post title after the
/// count hid the heading and the comments joined the article. A line of up to `maximumWords`
/// words that opens with a number and a comment word (in any of the heading languages) and does
/// not end with a full stop is such a heading: the thread starts there. A sentence that opens
/// with a count ("40 responses came in before the deadline.") ends with one.
///
/// Source: the WordPress, Blogger and TypePad comment templates ("%d Responses to “%s”").
enum CountedCommentHeading {
    /// The most words of such a heading (the count, the comment word, a long post title).
    static let maximumWords = 30
    /// Second words that make a counted heading besides `CommentThreadHeuristic.headingWords`.
    static let countedWords: Set<String> = ["thoughts", "responses", "comments", "reactions"]

    /// Whether the line's shape makes it a counted comment heading: 9 to `maximumWords` words,
    /// a number first and a comment word second (cheap: the features only).
    static func isCandidate(_ features: LineFeatures) -> Bool {
        guard features.words > 8, features.words <= maximumWords, features.leadingWords.count >= 2,
            startsWithCount(features)
        else { return false }
        guard let word = features.leadingWords.trimmedWord(1) else { return false }
        return CommentThreadHeuristic.headingWords.contains(word) || countedWords.contains(word)
    }

    /// Whether the line's first word is a number ("27 comments to …", "4 Comments").
    static func startsWithCount(_ features: LineFeatures) -> Bool {
        features.leadingWords.count > 0 && features.leadingWords.isNumber(0)
    }

    /// Whether the visible text ends as a heading does, not with a full stop (a post title
    /// may end with `?` or `!`: "38 comments to What questions do you have?").
    static func endsAsHeading(_ plainText: String) -> Bool {
        let last = plainText.unicodeScalars.last { !$0.properties.isWhitespace }
        return last != "."
    }

    /// Takes back the counted headings above the page's first prose line: a comment thread
    /// follows the article, so a count there is the post's meta line ("106 Comments Print
    /// Recipe Posted by Ann in Recipes"), and the title walk must not stop at it.
    static func keepMetaLines(_ headings: [Int], separators: inout [Bool], reasons: inout [String?], classes: [BlockClass]) {
        guard !headings.isEmpty else { return }
        let firstProse = classes.firstIndex(of: .good) ?? classes.count
        for index in headings where index < firstProse {
            CommentThreadHeuristic.unmark(index, separators: &separators, reasons: &reasons)
        }
    }
}
