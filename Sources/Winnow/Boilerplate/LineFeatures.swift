/// The measurements the heuristics take of one block, computed once per document.
struct LineFeatures: Sendable, Equatable {
    /// Words in the visible text (ICU word break for scripts without spaces).
    var words = 0
    /// Of those, words on the stopword list of the line's language.
    var stopwords = 0
    /// Share of the visible text inside markdown links (0 for plain text).
    var linkDensity = 0.0
    /// Links and images on the line.
    var links = 0
    /// The visible text ends like a sentence (`.` `!` `?` `…` `:` a closing quote, CJK stops).
    var endsLikeSentence = false
    /// The line holds a `|`, the separator of inline menus and breadcrumbs.
    var hasPipe = false
    /// How many `|` the line holds (counted only when `hasPipe`).
    var pipes = 0
    /// The line holds an ASCII digit (looked for only when `hasPipe`: a table row has numbers,
    /// an inline menu rarely does).
    var hasDigit = false
    /// The visible text ends with a colon (it introduces what follows).
    var endsWithColon = false
    /// The visible text is nothing but `[…]`: an image's alt text or file name, or a form control.
    var isPlaceholder = false
    /// The line holds a time of day (`3:04 pm`, `@08:25PM`, `14:30`).
    var hasTimeOfDay = false
    /// The line says one phrase twice, as a teaser card does (see `CardTitleHeuristic`).
    var repeatsPhrase = false
    /// Words that start with an ASCII letter (the base of `capitalisedShare`).
    var letteredWords = 0
    /// Words that start with an upper-case letter, of the words that start with a letter.
    var capitalisedShare = 0.0
    /// A hash of the case-folded letters and digits, for spotting lines a template repeats.
    var fingerprint = 0
    /// The first few case-folded words (for keyword heuristics such as comment headings).
    var leadingWords = LeadingWords()

    /// Stopwords per word (0 when the line has no words).
    var stopwordDensity: Double { words == 0 ? 0 : Double(stopwords) / Double(words) }
}
