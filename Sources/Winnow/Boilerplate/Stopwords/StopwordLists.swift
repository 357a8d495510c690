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
    public static func densityScale(for language: String?) -> Double {
        guard let language, let share = generatedProseShare[language], let english = generatedProseShare["en"], english > 0
        else { return 1 }
        return min(1, share / english)
    }
}
