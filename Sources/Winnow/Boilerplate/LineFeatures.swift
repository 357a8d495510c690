/// The measurements the heuristics take of one block, computed once per document.
///
/// Packed into two cache lines (it was three): every line's features are copied from the
/// worker's memo into the document's array, and the heuristics walk that array many times.
/// Counts are kept in 32 bits (a line would need more than two billion words to saturate
/// one) and the flags in one byte; the accessors read and write them as before.
struct LineFeatures: Sendable, Equatable {
    /// The first few case-folded words (for keyword heuristics such as comment headings).
    var leadingWords = LeadingWords()
    /// A hash of the case-folded letters and digits, for spotting lines a template repeats.
    var fingerprint = 0
    /// Share of the visible text inside markdown links (0 for plain text).
    var linkDensity = 0.0
    /// Words that start with an upper-case letter, of the words that start with a letter.
    var capitalisedShare = 0.0

    private var wordCount: Int32 = 0
    private var stopwordCount: Int32 = 0
    private var linkCount: Int32 = 0
    private var pipeCount: Int32 = 0
    private var letteredWordCount: Int32 = 0
    private var flags = Flags()

    /// Words in the visible text (ICU word break for scripts without spaces).
    var words: Int {
        get { Int(wordCount) }
        set { wordCount = Int32(clamping: newValue) }
    }
    /// Of those, words on the stopword list of the line's language.
    var stopwords: Int {
        get { Int(stopwordCount) }
        set { stopwordCount = Int32(clamping: newValue) }
    }
    /// Links and images on the line.
    var links: Int {
        get { Int(linkCount) }
        set { linkCount = Int32(clamping: newValue) }
    }
    /// How many `|` the line holds (counted only when `hasPipe`).
    var pipes: Int {
        get { Int(pipeCount) }
        set { pipeCount = Int32(clamping: newValue) }
    }
    /// Words that start with an ASCII letter (the base of `capitalisedShare`).
    var letteredWords: Int {
        get { Int(letteredWordCount) }
        set { letteredWordCount = Int32(clamping: newValue) }
    }
    /// The visible text ends like a sentence (`.` `!` `?` `…` `:` a closing quote, CJK stops).
    var endsLikeSentence: Bool {
        get { flags.contains(.endsLikeSentence) }
        set { flags.set(.endsLikeSentence, newValue) }
    }
    /// The line holds a `|`, the separator of inline menus and breadcrumbs.
    var hasPipe: Bool {
        get { flags.contains(.hasPipe) }
        set { flags.set(.hasPipe, newValue) }
    }
    /// The line holds an ASCII digit (looked for only when `hasPipe`: a table row has numbers,
    /// an inline menu rarely does).
    var hasDigit: Bool {
        get { flags.contains(.hasDigit) }
        set { flags.set(.hasDigit, newValue) }
    }
    /// The visible text ends with a colon (it introduces what follows).
    var endsWithColon: Bool {
        get { flags.contains(.endsWithColon) }
        set { flags.set(.endsWithColon, newValue) }
    }
    /// The visible text is nothing but `[…]`: an image's alt text or file name, or a form control.
    var isPlaceholder: Bool {
        get { flags.contains(.isPlaceholder) }
        set { flags.set(.isPlaceholder, newValue) }
    }
    /// The line holds a time of day (`3:04 pm`, `@08:25PM`, `14:30`).
    var hasTimeOfDay: Bool {
        get { flags.contains(.hasTimeOfDay) }
        set { flags.set(.hasTimeOfDay, newValue) }
    }
    /// The line says one phrase twice, as a teaser card does (see `CardTitleHeuristic`).
    var repeatsPhrase: Bool {
        get { flags.contains(.repeatsPhrase) }
        set { flags.set(.repeatsPhrase, newValue) }
    }
    /// The line ends a link opened on an earlier line (`Blurb.](https://…)`, or starts with
    /// `](https://…)`): see `WrappedLinkCard`.
    var endsWrappedLink: Bool {
        get { flags.contains(.endsWrappedLink) }
        set { flags.set(.endsWrappedLink, newValue) }
    }

    /// Stopwords per word (0 when the line has no words).
    var stopwordDensity: Double { words == 0 ? 0 : Double(stopwords) / Double(words) }

    /// The yes-or-no features, a bit each.
    private struct Flags: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        static var endsLikeSentence: Flags { Flags(rawValue: 1) }
        static var hasPipe: Flags { Flags(rawValue: 2) }
        static var hasDigit: Flags { Flags(rawValue: 4) }
        static var endsWithColon: Flags { Flags(rawValue: 8) }
        static var isPlaceholder: Flags { Flags(rawValue: 16) }
        static var hasTimeOfDay: Flags { Flags(rawValue: 32) }
        static var repeatsPhrase: Flags { Flags(rawValue: 64) }
        static var endsWrappedLink: Flags { Flags(rawValue: 128) }

        init(rawValue: UInt8) { self.rawValue = rawValue }
        init() { rawValue = 0 }

        mutating func set(_ flag: Flags, _ on: Bool) {
            if on { insert(flag) } else { remove(flag) }
        }
    }
}
