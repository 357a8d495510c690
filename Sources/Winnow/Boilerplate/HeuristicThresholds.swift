/// The numbers behind the heuristics, per mode.
///
/// Classification and the article region use the same numbers in every mode (jusText's
/// defaults adapted to lines; see `BlockClass`). The mode changes only the in-region filters:
///
/// | threshold | precision | balanced | recall |
/// | --- | --- | --- | --- |
/// | drop menu items / repeated lines inside the article | yes | yes | no |
/// | drop a run of ≥ `shortRunLength` short unpunctuated lines inside the article | 3 | off | off |
/// | keep up to `titleLines` title/byline lines just above the article | 0 | 2 | 3 |
/// | look `titleSearchLines` lines up for a title sharing words with the article | off | 15 | 15 |
///
/// When `titleLines` is on, a markdown heading up to `titleHeadingLines` (12) lines above the article also joins it
/// if only lines that go anyway (share bars, images) or short metadata lines lie between.
/// `tailLines` (5, every mode): short lines ending like sentences, or list items, right after
/// the last prose line join the article (the end of a list, a sign-off).
public struct HeuristicThresholds: Sendable, Hashable {
    /// A line with at least this many words is long (jusText `length_high` 200 chars ≈ 15 words
    /// of a line; C4 drops lines under 3 words).
    public var longWords = 15
    /// A line with at least this many words and a sentence ending can be near-good.
    public var mediumWords = 6
    /// Stopword density of good text (jusText `stopwords_high` 0.32 on its lists; these
    /// stopwords-iso lists are larger, and 0.30 splits prose from headlines on them).
    public var stopwordsHigh = 0.30
    /// Stopword density of near-good text (jusText `stopwords_low` 0.30 → 0.20 here).
    public var stopwordsLow = 0.20
    /// Link density above which a line is a link line (jusText `max_link_density` 0.2 for good
    /// text; a line here is shorter than a jusText paragraph, so 0.5).
    public var maxLinkDensity = 0.5
    /// Link-dense lines at least this long stay (a sentence with many links is still prose).
    public var linkDenseMaxWords = 30
    /// … unless they are only links: 3+ links and at least this share of link text.
    public var linkOnlyDensity = 0.9
    /// A short line seen this many times in a page is template (site menus, "Reply", share bars).
    public var repeatCount = 3
    /// Lines with fewer words than this can count as repeated template.
    public var repeatMaxWords = 10
    /// A comment heading or timestamp byline has at most this many words.
    public var separatorMaxWords = 12
    /// The article is the first region scoring at least this share of the best region.
    public var regionShare = 0.3
    /// Inside the article, drop menu items, link lines and repeated lines.
    public var dropMenusInRegion = true
    /// Inside the article, drop runs of at least this many short lines without sentence
    /// endings (0 = off).
    public var shortRunLength = 0
    /// A run of at least this many lines without prose (short or boilerplate-shaped) ends a
    /// region the way a comment separator does (0 = off; 16): what follows a long break is another
    /// part of the page (comments, an author box, teasers).
    public var breakLines = 16
    /// Heading or byline lines just above the article that are kept with it (one dated line,
    /// such as "July 24, 2012 12:11 AM", is kept besides them).
    public var titleLines = 2
    /// Lines dropped anyway (a rule's drop, an image placeholder) that the title walk steps
    /// over between the title lines and the article.
    public var titleSkipLines = 3
    /// How far above the article (in lines) its markdown heading may sit, and the most words a
    /// metadata line between them (date, byline) may have.
    public var titleHeadingLines = 12
    public var titleMetadataWords = 12
    /// How far above the article (in lines) `TitleMatchHeuristic` looks for its title (0 = off),
    /// the most words a title has, the share of its content words that must come back in the
    /// article (and the least number of them), and how many of the article's first words it compares with.
    public var titleSearchLines = 15
    public var titleMaximumWords = 30
    public var titleOverlap = 0.5
    public var titleMinimumShared = 2
    public var titleProseWords = 400
    /// Region score per word of a near-good line (a good line scores 1 per word).
    public var nearGoodWeight = 0.5
    /// Region penalty per word of a short line.
    public var shortPenalty = 1.0
    /// Region penalty per word (at most 5 words) of a boilerplate-shaped line (4: a menu entry
    /// or a share bar outweighs a short line of the same length, so a region does not stretch
    /// across a widget to a teaser below it; 3 → 4 gave F1 +0.0014 w3m, +0.0010 html2text).
    public var badPenalty = 4.0
    /// Short lines with a sentence ending right after the article's last prose line join it
    /// (the tail of a list, a sign-off), at most this many.
    public var tailLines = 5

    public init(mode: BoilerplateOptions.Mode) {
        switch mode {
        case .precision:
            shortRunLength = 3
            titleLines = 0
            titleSearchLines = 0
        case .balanced:
            break
        case .recall:
            dropMenusInRegion = false
            titleLines = 3
        }
    }
}
