/// Stopword sets per language, compiled into the binary (no file is read at run time).
///
/// The lists come from stopwords-iso (MIT, see `LICENSE-stopwords-iso.md`). Words are stored
/// NFC-normalised and case-folded; look a word up after folding it the same way.
public enum StopwordLists {
    /// Every language with a list, sorted.
    public static let languages: [String] = generated.keys.sorted()

    /// Parsed sets, built once per process on first use.
    static let sets: [String: Set<String>] = {
        var sets: [String: Set<String>] = [:]
        for (code, joined) in generated {
            sets[code] = Set(joined.split(separator: " ").map(String.init))
        }
        return sets
    }()

    /// The stopwords of `language` (ISO 639-1), or `nil` when there is no list for it.
    public static func stopwords(for language: String) -> Set<String>? {
        sets[language]
    }

    /// How a language's stopword density compares with English on these lists: the share of
    /// running text its list covers over English's (wordfreq; at most 1). Ukrainian prose
    /// scores 0.12 where English scores 0.53, so thresholds set for English prose are scaled by
    /// this. 1 for languages without a share (their density is taken as it is).
    /// Whether stopword density says little about prose in `language`, so that length and
    /// punctuation judge its lines, as they do for languages without a list. Chinese is
    /// segmented by a dictionary into words of one to four characters, its list is mostly
    /// single characters that are also parts of content words, and terse news prose has few
    /// function words (0.10–0.16 on news paragraphs against 0.31 on a headline). Korean
    /// attaches its particles to the words (은, 는, 이, 가), so a list of free-standing words
    /// sees few of them; Thai has no word-frequency data to scale its thresholds by. Measured
    /// on paragraphs of the language-ID dev set between a menu and a footer: 8 of 8 kept for
    /// each of the three (was 8, 1 and 0 of 8 for zh, ko, th).
    public static func densityIsUnreliable(for language: String?) -> Bool {
        language == "zh" || language == "ko" || language == "th"
    }

    public static func densityScale(for language: String?) -> Double {
        guard let language, let share = generatedProseShare[language], let english = generatedProseShare["en"], english > 0
        else { return 1 }
        return min(1, share / english)
    }
}
