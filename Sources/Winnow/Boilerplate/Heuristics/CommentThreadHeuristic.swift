/// Finds the comment thread under an article: a comment heading ("12 Comments", "Leave a
/// Reply", "Kommentare", …), "Reply" links, and the timestamped bylines that start each
/// comment (`Anna on July 2, 2012 at 3:04 pm`). Each such line splits the page; the article
/// region never spans one, and what follows the article's last split is dropped as comments.
///
/// Bylines with a date but no time count too when there are several after the article
/// (`DatedBylineHeuristic`).
///
/// Source: the field notes (comment forms and platform messages on WordPress, Blogger and
/// TypePad pages) and the Dragnet/CETR distinction of "content" from "comments". The heading
/// words cover the main European languages; the timestamp signal needs no words at all.
enum CommentThreadHeuristic {
    static let id = "heuristic.comment-thread"
    static let description = HeuristicDescription(
        id: id,
        name: "Comment thread",
        description: "Comment headings, reply links and timestamped comment bylines (and lines a rule with the comment-byline signal dropped), and the comments between them, after the article.",
        source: "Dragnet content/comments split; field notes (comment forms, platform messages)",
        examples: [
            HeuristicExample("""
                The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.
                Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.
                ↓3 Comments
                ↓Mark on March 3, 2013 at 9:14 pm
                ↓About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it.
                ↓Reply
                ↓Jo on March 4, 2013 at 7:02 am
                ↓I run one of the shops and I am worried about the parking, because most of my customers come by car from the villages where there is no bus at all.
                ↓Reply
                """),
            // The dated byline above the first prose line is the article's, not a comment's.
            HeuristicExample("""
                Harbour cycle lane approved
                Posted by Sam Reed on Tuesday July 24, @11:25AM
                The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.
                Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.
                ↓Mark on March 3, 2013 at 9:14 pm
                ↓About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it.
                """),
            // A long thread outscores the article many times over; the article is still the
            // region that ends just above the thread's heading.
            HeuristicExample("""
                The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.
                Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.
                ↓4 Responses to "Harbour cycle lane approved"
                ↓About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it after all the accidents.
                ↓I run one of the shops and I am worried about the parking, because most of my customers come by car from the villages where there is no bus at all on most days of the week.
                ↓The new car park is a long walk from the shops, and in the winter nobody will want to carry their shopping all that way in the rain and the dark, so the council should think again.
                ↓My children cycle to school along that road every day and I have been asking the council for a safe lane for years, so this is the best news I have had from them in a long time.
                ↓The lane will only help if it is kept clear of parked vans, which is what happened on the other side of town where the lane was blocked by deliveries every single morning.
                ↓If the council had listened to the people who live here they would have put the lane on the old railway path, which is flat, quiet and already used by hundreds of walkers.
                ↓Every time there is a plan for the harbour road it is argued about for years and nothing happens, so I will believe it when I see the diggers arrive and the work really starts.
                ↓I hope the work is done in the quiet months, because the road is already full of traffic in the summer when the visitors come to the harbour for the boats and the fish market.
                """),
            // Bylines with a date and no time, several after the article (`DatedBylineHeuristic`).
            HeuristicExample("""
                The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.
                Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.
                ↓1. Mark Jones - March 3, 2013
                ↓About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it after all the accidents.
                ↓2. Jo Smith - March 4, 2013
                ↓I run one of the shops and I am worried about the parking, because most of my customers come by car from the villages where there is no bus at all on most days of the week.
                ↓3. Sam Green wrote on 05.03.2013
                ↓The new car park is a long walk from the shops, and in the winter nobody will want to carry their shopping all that way in the rain and the dark, so the council should think again.
                """),
            // A count heading with an ellipsis glued to its word (WordPress themes).
            HeuristicExample("""
                The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.
                Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.
                ↓{ 2 comments… read them below or add one }
                ↓About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it after all the accidents.
                ↓I run one of the shops and I am worried about the parking, because most of my customers come by car from the villages where there is no bus at all on most days of the week.
                ↓The new car park is a long walk from the shops, and in the winter nobody will want to carry their shopping all that way in the rain and the dark, so the council should think again.
                """),
            // Under a standfirst, the dated byline is still the article's: more prose follows it.
            HeuristicExample("""
                Harbour cycle lane approved
                The council has approved a new cycle lane along the harbour road after a debate that went on until late on Thursday night.
                Posted 9th August 2012, 5:28pm in News, by Sam Reed
                The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.
                Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.
                ↓Mark on March 3, 2013 at 9:14 pm
                ↓About time too, the harbour road has been dangerous for bikes for years and I am glad that somebody has finally decided to do something about it.
                """),
        ])

    /// First words of a comment-section heading (after an optional count), case-folded.
    static let headingWords: Set<String> = [
        "comment", "comments", "responses", "reply", "replies", "discussion", "trackbacks",
        "pingbacks", "kommentar", "kommentare", "commentaire", "commentaires", "comentario",
        "comentarios", "comentários", "commento", "commenti", "reactie", "reacties", "kommentarer",
        "kommentit", "komentarze", "komentáře", "hozzászólások", "yorumlar", "comentarii",
        "комментарии", "комментариев", "коментарі", "antworten", "répondre", "responder", "rispondi",
        "reageer", "svara", "odpowiedz", "ответить",
    ]

    /// Two-word openings of a comment heading or form (`leave a reply`, `post a comment`, …).
    static let headingPhrases: Set<String> = [
        "leave a", "post a", "add a", "add comment", "add your", "write a", "join the", "reader comments",
        "show comments", "view comments", "hide comments", "laisser un", "deja un", "dejar un",
        "lascia un", "deixe um", "schreibe einen", "kommentar schreiben", "plaats een",
    ]

    /// The UTF-8 lengths of `headingWords`: a word of another length needs no hash lookup.
    static let headingWordLengths: ClosedRange<Int> = {
        let lengths = headingWords.map(\.utf8.count)
        return (lengths.min() ?? 0)...(lengths.max() ?? 0)
    }()

    /// The words before the space of `headingPhrases` (a cheap test before joining two words).
    static let headingPhraseFirstWords: Set<String> = Set(headingPhrases.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// `headingWords`, `headingPhraseFirstWords` and the second words of a count heading
    /// ("12 thoughts on …"), compared with an ASCII leading word in place.
    static let headingWordBytes = KeywordBytes(headingWords)
    static let headingPhraseFirstWordBytes = KeywordBytes(headingPhraseFirstWords)
    static let secondWordBytes = KeywordBytes(["thoughts", "responses"])
    /// Counts written as a word before a heading word ("No comments", "One response").
    static let countWords: Set<String> = ["no", "one", "zero", "keine", "ein", "aucun", "aucune", "un", "une", "sin", "nessun", "geen", "één"]
    static let countWordBytes = KeywordBytes(countWords)

    /// The first bytes of `headingWords` and `headingPhraseFirstWords` (a word starting with
    /// another byte is in neither set, so it needs no hash lookup).
    static let openingBytes: [Bool] = {
        var bytes = [Bool](repeating: false, count: 256)
        for word in headingWords.union(headingPhraseFirstWords) {
            if let first = word.utf8.first { bytes[Int(first)] = true }
        }
        return bytes
    }()

    /// The reason given for a timestamped byline separator (and for a line a rule dropped with
    /// the `commentByline` signal; a timestamped line with `notCommentByline` is none).
    static let bylineReason = "timestamped byline of a comment"

    /// Takes line `index` out of the page's comment separators (`separators` and `reasons`
    /// side by side): the line only looked like a comment's marker.
    static func unmark(_ index: Int, separators: inout [Bool], reasons: inout [String?]) {
        separators[index] = false
        reasons[index] = nil
    }
    /// The reason given for a heading that starts with a comment word (after a count).
    static let headingReason = "comment heading or reply link"
    /// The reason given for a heading known by its second word ("12 thoughts on …").
    static let secondWordReason = "comment heading"
    /// A comment heading that opens a form ("Leave a Reply", "Post a comment").
    static let formReason = "comment heading or comment form"

    /// Drops the timestamped bylines above the page's first prose line from `separators`: a
    /// comment follows the article, so a dated byline before any prose is the article's own
    /// ("Posted by NAME on DATE, 11:25AM") and must not cut the article off from its title.
    ///
    /// The page's first separator, when it is a dated byline, is also the article's when at
    /// least two prose lines and more prose follow it (up to the next separator) than precede
    /// it: a comment's byline comes
    /// after the article, so the text above it outweighs the one comment below it, while an
    /// article's byline sits under a title, a standfirst or teasers and above the whole text
    /// ("Posted 9th August 2012, 5:28pm in News").
    static func keepArticleBylines(
        separators: inout [Bool], reasons: [String?], classes: [BlockClass], words: [Int], _ t: HeuristicThresholds
    ) {
        if let firstProse = classes.firstIndex(of: .good) {
            for index in 0..<firstProse where separators[index] && reasons[index] == bylineReason {
                separators[index] = false
            }
        }
        // A dated byline with nothing after it but boilerplate signs the post ("posted by NAME
        // @ 6:43 PM" at the foot of a blog post): a comment's byline heads or ends a comment.
        // As a separator it cut the signature off the post's clean text cleaned again, where it
        // is the last line.
        if let last = separators.lastIndex(of: true), reasons[last] == bylineReason,
            !classes.indices[(last + 1)...].contains(where: { words[$0] > 0 && !classes[$0].isBad })
        {
            separators[last] = false
        }
        guard let first = separators.firstIndex(of: true), reasons[first] == bylineReason else { return }
        func prose(_ range: Range<Int>) -> Double {
            range.reduce(0) { sum, index in sum + max(0, classes[index].regionScore(words: words[index], t)) }
        }
        let next = separators[(first + 1)...].firstIndex(of: true) ?? separators.count
        let proseLinesAfter = classes[(first + 1)..<next].count { $0 == .good || $0 == .nearGood }
        if proseLinesAfter >= 2, prose(first + 1..<next) > prose(0..<first) { separators[first] = false }
    }

    /// `word` without the non-ASCII punctuation and symbols at its end (`comments…` → `comments`).
    static func droppingTrailingPunctuation(_ word: String) -> String {
        // An ASCII word has no non-ASCII character to drop.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        var trimmed = Substring(word)
        while let last = trimmed.last, !last.isASCII, !last.isLetter, !last.isNumber { trimmed = trimmed.dropLast() }
        return trimmed.count == word.count ? word : String(trimmed)
    }

    static func separatorReason(_ features: LineFeatures, _ t: HeuristicThresholds) -> String? {
        guard features.words > 0, features.words <= t.separatorMaxWords else { return nil }
        if features.words <= 8 {
            let words = features.leadingWords
            // The count may be a word on a heading of three words at most ("No comments:",
            // "Keine Kommentare", "No responses yet"): not in a sentence ("No comment, he said.").
            let countWord = features.words <= 3 && words.count > 1
                && words.withWholeASCII(0, { countWordBytes.contains($0) }) == true
            let start = words.count > 0 && (words.isNumber(0) || countWord) ? 1 : 0
            // "{ 43 comments… read them below or add one }", "Comments »": non-ASCII punctuation
            // glued to a heading word is not part of it (the feature pass counts every non-ASCII
            // character as a word character). Only the first two words are read; a `nil` word
            // (too long to be kept) is no heading word.
            if start < words.count {
                // Most lines' first word starts with a byte no heading word or phrase starts with
                // (dropping trailing punctuation keeps the first byte, or leaves nothing).
                let rawMayOpen = openingBytes[Int(words.firstByte(start))]
                var first: String?
                // Phrases have one space, so only a phrase's first word can start one.
                var opensPhrase = false
                if rawMayOpen,
                    let found = words.withWholeASCII(start, { (headingWordBytes.contains($0), headingPhraseFirstWordBytes.contains($0)) })
                {
                    // An ASCII word kept whole is its own trailing-punctuation-free form: it is
                    // compared as bytes, and made a string only to be joined into a phrase.
                    if found.0 { return headingReason }
                    opensPhrase = found.1
                    if opensPhrase { first = words.word(start) }
                } else {
                    first = rawMayOpen ? words.trimmedWord(start) : ""
                    let mayOpen = rawMayOpen && first?.isEmpty != true
                    if mayOpen, let first, headingWordLengths.contains(first.utf8.count), headingWords.contains(first) {
                        return headingReason
                    }
                    opensPhrase = mayOpen && first.map { headingPhraseFirstWords.contains($0) } == true
                }
                if words.count - start >= 2 {
                    // The second word is read only when it may matter (it keeps its first byte).
                    let secondByte = words.firstByte(start + 1)
                    if !opensPhrase, let counts = words.withWholeASCII(start + 1, { secondWordBytes.contains($0) }) {
                        if counts { return secondWordReason }
                    } else if opensPhrase || secondByte == UInt8(ascii: "t") || secondByte == UInt8(ascii: "r") {
                        let second = words.trimmedWord(start + 1)
                        if opensPhrase, let first, let second, headingPhrases.contains(first + " " + second) {
                            return formReason
                        }
                        if second == "thoughts" || second == "responses" { return secondWordReason }
                    }
                }
            }
        }
        // A time in a sentence ("Doors open at 7:30 p.m.", "The vote closes at 18:00.") is the
        // article's: a byline is a name and a time, with no sentence ending (dev set: one page
        // changes, for the better; an event notice lost its last paragraphs as a "thread").
        if features.hasTimeOfDay, !features.endsLikeSentence {
            return bylineReason
        }
        return nil
    }
}
