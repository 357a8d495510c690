/// Finds the "Read more" lines that close each teaser of a list of excerpts ("READ THE REST",
/// "Continue reading", "Weiterlesen", "Lire la suite"), printed three times or more on a page.
///
/// A blog's front page or a "more stories" block under a short post is a run of teasers: a
/// title, a sentence or two, a read-more link. Taken as one run their sentences outscore a
/// short article above them; each read-more line ends one teaser, so the article region never
/// spans one, and a teaser is weighed alone against the article.
///
/// Source: the field notes (blog front pages and "more stories" lists under short posts).
enum TeaserBoundary {
    /// The least number of times a read-more line appears for the page to be a teaser list.
    static let minimumRepeats = 3
    /// The most lines between two read-more lines of one list (a title, an image, a summary…).
    static let maximumTeaserLines = 15

    /// Read-more phrases (lower-cased, without trailing label punctuation: `LabelPunctuation`).
    static let phrases: Set<String> = [
        "read the rest", "read more", "read on", "continue reading", "keep reading", "read full story",
        "read full article", "read the full story", "read the full article", "full story", "more",
        "weiterlesen", "mehr", "mehr lesen", "lire la suite", "lire plus", "leer más", "seguir leyendo",
        "continua a leggere", "leggi tutto", "leia mais", "continue lendo", "lees meer", "verder lezen",
    ]

    /// Which lines are read-more lines of a teaser list.
    ///
    /// - Parameters:
    ///   - features: each line's features (fingerprint and words).
    ///   - text: a line's visible text.
    static func lines(features: [LineFeatures], text: (Int) -> String) -> [Bool] {
        var marks = [Bool](repeating: false, count: features.count)
        var counts: [Int: Int] = [:]
        var candidates: [Int] = []
        for index in features.indices where features[index].words > 0 && features[index].words <= 4 {
            var lowered = text(index).lowercased()
            let label = lowered.withUTF8 { String(decoding: LabelPunctuation.trimmed(UnsafeRawBufferPointer($0)), as: UTF8.self) }
            guard phrases.contains(label) else { continue }
            counts[features[index].fingerprint, default: 0] += 1
            candidates.append(index)
        }
        // Teasers of one list are a few lines each: a read-more line far from every other one (an
        // author box's link above the article) is not one of them.
        for (position, index) in candidates.enumerated() where counts[features[index].fingerprint, default: 0] >= minimumRepeats {
            let fingerprint = features[index].fingerprint
            let before = candidates[..<position].last { features[$0].fingerprint == fingerprint }
            let after = candidates[(position + 1)...].first { features[$0].fingerprint == fingerprint }
            if let before, index - before <= maximumTeaserLines { marks[index] = true }
            if let after, after - index <= maximumTeaserLines { marks[index] = true }
        }
        return marks
    }
}
