/// Drops a line that says the same phrase twice: the text of a teaser card, where the image's
/// alt text, the headline link and sometimes a category label or a slide counter are rendered
/// side by side ("Storm closes bridge Storm closes bridge", "Storm closes bridge World Storm
/// closes bridge 3 of 9"). Article prose almost never repeats a phrase of four or more words
/// back to back so that the two copies make up most of the line.
///
/// Source: the field notes (related / "more stories" headlines read like content, the main
/// precision leak of line filters); text browsers render an image's alt text beside its caption.
enum CardTitleHeuristic {
    static let id = "heuristic.card-title"
    static let description = HeuristicDescription(
        id: id,
        name: "Card title",
        description: "A line made mostly of one phrase of 4+ words said twice, a few words apart at most: a teaser card's image text and headline rendered side by side.",
        source: "Field notes (related headlines read like content); text-browser rendering of linked images",
        examples: [
            HeuristicExample("""
                The harbour authority closed the old swing bridge on Monday after divers found that two of its supports had cracked during the winter storms.
                There's no hope in that. There's no hope in war.
                Engineers expect the repairs to take at least six weeks, and ferries will run every twenty minutes between the two quays until the bridge opens again.
                ↓• Council votes to keep the night buses running Council votes to keep the night buses running
                ↓• Ten walks along the coast path Travel Ten walks along the coast path 2 of 9
                """),
        ])

    /// The fewest words a repeated phrase has.
    static let minimumPhraseWords = 4
    /// The share of the line's words that the two copies must cover.
    static let minimumCoverage = 0.7
    /// The most words between the end of the first copy and the start of the second.
    static let maximumGap = 3
    /// Longer lines are not looked at (a card is a headline, not a paragraph).
    static let maximumWords = 80

    /// Whether the words (hashes of case-folded words, in line order) hold one phrase twice.
    /// A line that ends like a sentence needs the copies back to back: prose repeats the start
    /// of a clause with other words between ("There's no hope in that. There's no hope in war.").
    static func repeatsPhrase(_ words: [UInt64], endsLikeSentence: Bool) -> Bool {
        words.withUnsafeBufferPointer { repeatsPhrase($0, endsLikeSentence: endsLikeSentence) }
    }

    /// `repeatsPhrase(_:endsLikeSentence:)` on the feature extractor's scratch buffer.
    static func repeatsPhrase(_ words: UnsafeBufferPointer<UInt64>, endsLikeSentence: Bool) -> Bool {
        let count = words.count
        guard count >= 2 * minimumPhraseWords, count <= maximumWords else { return false }
        let allowedGap = endsLikeSentence ? 0 : maximumGap
        let needed = Int((minimumCoverage * Double(count) / 2).rounded(.up))
        let phrase = max(minimumPhraseWords, needed)
        // The first copy starts near the line's start (a date or a label may come first).
        for first in 0..<min(count, 4) {
            // The second copy starts right after the first ends, or a few words later.
            let earliest = first + phrase
            guard earliest + phrase <= count else { break }
            for second in earliest...(count - phrase) {
                var length = 0
                while second + length < count, first + length < second, words[first + length] == words[second + length] {
                    length += 1
                }
                if length >= phrase, second - (first + length) <= allowedGap { return true }
            }
        }
        return false
    }

    static func reason(_ features: LineFeatures) -> String? {
        features.repeatsPhrase ? "one phrase said twice: a teaser card's image text and headline" : nil
    }
}
