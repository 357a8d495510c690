/// One page's lines as the heuristics see them: each line's features and class, and the
/// comment-thread separators between them.
struct PageLines {
    let features: [LineFeatures]
    /// Each line's words, made once for the heuristics that take them as an array.
    let words: [Int]
    var classes: [BlockClass]
    /// Lines that are the caption of the photo credited on the next line.
    var captionLines: [Bool]
    /// Lines that open or mark the comment thread (headings, comment bylines, forms).
    var separators: [Bool]
    var separatorReasons: [String?]
    /// The comment headings that count their comments ("3 Comments").
    var countedHeadings: [Int]
    /// The lines of quantity lists (a recipe's ingredients): the article's own list.
    let quantityLines: [Bool]
    /// A listicle's numbered subheadings, each with prose under it (`CountedList.subheadings`).
    let subheadings: [Bool]
    /// The entries of lists of phrases (`PhraseList`: a review's pros and cons) and of fields
    /// (`FieldList`: a fact box).
    let phraseLines: [Bool]
    /// The number each list item opens with (`CountedList.leadingNumber`), nil elsewhere.
    let listNumbers: [Int?]

    init(
        features: [LineFeatures], classes: [BlockClass], captionLines: [Bool], separators: [Bool],
        separatorReasons: [String?], countedHeadings: [Int], quantityLines: [Bool], subheadings: [Bool],
        phraseLines: [Bool], listNumbers: [Int?]
    ) {
        self.features = features
        self.words = features.map(\.words)
        self.classes = classes
        self.captionLines = captionLines
        self.separators = separators
        self.separatorReasons = separatorReasons
        self.countedHeadings = countedHeadings
        self.quantityLines = quantityLines
        self.subheadings = subheadings
        self.phraseLines = phraseLines
        self.listNumbers = listNumbers
    }
}

/// The article region chosen on a page, and what the bridges and walks around it need.
struct ArticleRegionChoice {
    /// The best run of prose lines, before the bridges widen it.
    let found: ClosedRange<Int>
    /// The breadcrumb trail the article was found after, if any.
    let breadcrumb: Int?
    /// The lines no region spans: comment separators and teasers' read-more lines.
    let regionBreaks: [Bool]
    /// Lines a rule dropped that end an article where they sit (not image text or captions).
    let ruleDropped: [Bool]
    /// The entries of lists the article's own text introduces ("The schools closed are:").
    let introducedLists: [Bool]
    /// The lines of lists only articles hold: quantity lists, lists counted in order, numbered
    /// subheadings.
    let articleLists: [Bool]
    /// The lines of teaser lists' excerpts: prose of other pages.
    let excerpts: [Bool]
}
