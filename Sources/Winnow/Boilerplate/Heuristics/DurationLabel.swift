/// A line whose clock-like number is a running time, not a comment's timestamp: a video card
/// ("• Watch: Flooding hits the coast 2:14", "[grey] 01:30 Meet the winner"), a player
/// ("0:00 / 4:32"), a race result ("Tsegaye Kebede - 2:04:38"). A comment byline puts its time
/// beside a date, an am/pm, a time zone or a word such as "at" ("Mark on March 3, 2013 at
/// 9:14 pm", "Anna 12:48", "heute, 14:05 Uhr"); a line of four or more words with a time and
/// none of these is a label, and it does not open a comment thread.
///
/// Source: the boilerplate dev set's time-bearing short lines (of 9,026, 290 had no date or
/// clock word: video cards, race splits, players, live-ticker entries).
enum DurationLabel {
    /// The fewest words of a label: "Anna 12:48" and "Jo Smith 9:14" stay bylines.
    static let minimumWords = 4

    /// Words that make a time a clock reading (case-folded): am/pm, time zones, relative days,
    /// and the prepositions that introduce a time.
    static let clockWords: Set<String> = [
        "am", "pm", "uhr", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
        "ago", "today", "yesterday", "heute", "gestern", "hier", "aujourd", "ayer", "hoy", "ieri", "oggi", "vandaag",
        "gisteren", "hoje", "ontem", "at", "um", "à", "alle", "om", "kl", "às", "a", "las",
    ]

    /// Whether `text` (a line of `words` words with a time of day) is a label with a running
    /// time rather than a timestamped byline.
    static func isLabel(_ text: String, words: Int) -> Bool {
        guard words >= minimumWords, !DatedBylineHeuristic.containsDate(text) else { return false }
        let lowered = text.lowercased()
        // "a.m." and "p.m." break into one-letter words below.
        if lowered.contains("a.m.") || lowered.contains("p.m.") { return false }
        var token = ""
        for character in text {
            if character.isLetter {
                token.append(character)
                continue
            }
            if !token.isEmpty, clockWords.contains(token.lowercased()) { return false }
            token = ""
        }
        if !token.isEmpty, clockWords.contains(token.lowercased()) { return false }
        return true
    }
}
