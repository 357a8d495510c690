/// A timestamped line that counts the post's comments is the article's meta line, not a
/// comment's byline: "Posted on November 8, 2012 at 1:24 PM • 14 Comments",
/// "posted by Anna at 7:10 AM | 0 comments", "12. März 2012, 14:05 · 3 Kommentare".
///
/// A comment's byline names its author and time; only the post itself says how many comments
/// it has. Taking such a line for a comment byline split the title and byline from the text,
/// or the text from the page. The line is then classed like any other (the title walk keeps it
/// with the article as its dated line).
///
/// Source: the field notes (WordPress, Blogger and TypePad post templates).
enum PostMetaHeuristic {
    static let id = "heuristic.post-meta"
    static let description = HeuristicDescription(
        id: id,
        name: "Post meta line",
        description: "A timestamped line with the post's comment count (\"Posted on May 2, 2012 at 1:24 PM • 14 Comments\") is the article's meta line, not a comment byline: it does not split the article (keeps; never drops).",
        source: "field notes (WordPress, Blogger, TypePad post templates)",
        examples: [
            HeuristicExample("""
                New river bridge to open in May
                Posted on May 2, 2012 at 1:24 PM • 14 Comments
                A new bridge over the river will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and it will then be used only by walkers.
                """),
        ])

    /// Words that follow a comment count ("14 Comments", "3 Kommentare", "0 réponses").
    static let countedWords: Set<String> = [
        "comment", "comments", "response", "responses", "reply", "replies", "kommentar", "kommentare",
        "commentaire", "commentaires", "comentario", "comentarios", "comentário", "comentários", "commento",
        "commenti", "reactie", "reacties", "komentarz", "komentarze", "komentarzy", "kommentar", "kommentarer",
        "réponse", "réponses", "respuesta", "respuestas",
    ]

    /// `text` holds a number followed by a comment word ("• 14 Comments", "0 comments").
    static func countsComments(_ text: String) -> Bool {
        guard mayCountComments(text.utf8) else { return false }
        return asciiCountsComments(text) ?? characterCountsComments(text)
    }

    /// `countsComments` by `Character` (any text).
    static func characterCountsComments(_ text: String) -> Bool {
        var previousWasNumber = false
        for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            if previousWasNumber, countedWords.contains(word.lowercased()) { return true }
            previousWasNumber = word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber)
        }
        return false
    }

    /// `countsComments` of an all-ASCII line, on its bytes (there a letter or number
    /// `Character` is one ASCII letter or digit, so the words are runs of those); `nil` when the
    /// line has a non-ASCII byte.
    static func asciiCountsComments(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var previousWasNumber = false
            var start = -1
            var digitsOnly = true
            for position in 0...bytes.count {
                let byte: UInt8 = position < bytes.count ? bytes[position] : 0x20
                if byte >= 0x80 { return nil }
                let isDigit = byte &- 0x30 < 10
                if isDigit || (byte | 0x20) &- 0x61 < 26 {
                    if start < 0 {
                        start = position
                        digitsOnly = true
                    }
                    if !isDigit { digitsOnly = false }
                    continue
                }
                guard start >= 0 else { continue }
                if previousWasNumber {
                    let word = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
                    if countedWords.contains(word) { return true }
                }
                previousWasNumber = digitsOnly
                start = -1
            }
            return false
        }
    }

    /// A byte test that is false only when `countsComments` is false, so most lines skip the
    /// Unicode word split: a count needs an ASCII digit, and a counted word after it starts
    /// with a letter that lower-cases to c, r or k (`C c R r K k`, or the Kelvin sign
    /// U+212A, E2 84 AA: any E2 lead byte after a digit is let through).
    static func mayCountComments(_ utf8: String.UTF8View) -> Bool {
        var sawDigit = false
        for b in utf8 {
            if b &- 0x30 < 10 {
                sawDigit = true
            } else if sawDigit {
                switch b | 0x20 {
                case 0x63, 0x72, 0x6B: return true  // c, r, k in either case
                default: if b == 0xE2 { return true }
                }
            }
        }
        return false
    }
}
