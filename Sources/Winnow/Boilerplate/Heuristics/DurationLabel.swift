/// A line whose clock-like number is a running time, not a comment's timestamp: a video card
/// ("• Watch: Flooding hits the coast 2:14", "[grey] 01:30 Meet the winner"), a race result
/// ("1. Tsegaye Kebede - 2:04:38"). (A player's bare "0:00 / 4:32" is `ui.media-player-time`'s.)
/// A comment byline puts its time
/// beside a date, an am/pm, a time zone or a word such as "at" ("Mark on March 3, 2013 at
/// 9:14 pm", "Anna 12:48", "heute, 14:05 Uhr"); a line of four or more words with a time and
/// none of these is a label, and it does not open a comment thread.
///
/// Source: the boilerplate dev set's time-bearing short lines (of 9,026, 290 had no date or
/// clock word: video cards, race splits, players, live-ticker entries).
enum DurationLabel {
    /// The fewest words of a label: "Anna 12:48" and "Jo Smith 9:14" stay bylines.
    static let minimumWords = 4

    /// Words right after a time that make it a clock reading (case-folded): am/pm, "Uhr",
    /// time zones ("9:14 pm", "14:05 Uhr", "3:12 ET"; also glued on: "9:14pm").
    static let clockSuffixes: Set<String> = [
        "am", "pm", "uhr", "h", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    ]

    /// Words that make a time a clock reading wherever they stand: relative days.
    static let relativeDays: Set<String> = [
        "ago", "today", "yesterday", "heute", "gestern", "aujourd", "ayer", "hoy", "ieri", "oggi", "vandaag", "gisteren",
        "hoje", "ontem", "сегодня", "вчера",
    ]

    /// Words that make the time right after them a clock reading ("at 9:14", "um 14:05").
    static let timePrepositions: Set<String> = ["at", "um", "à", "alle", "om", "kl", "às", "a", "las", "o", "в"]

    /// Whether `text` (a line of `words` words with a time of day) is a label with a running
    /// time rather than a timestamped byline.
    static func isLabel(_ text: String, words: Int) -> Bool {
        guard words >= minimumWords, !DatedBylineHeuristic.containsDate(text) else { return false }
        let lowered = text.lowercased()
        // "a.m." and "p.m." break into one-letter words below.
        if lowered.contains("a.m.") || lowered.contains("p.m.") { return false }
        let tokens = lowered.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
        func word(_ index: Int) -> String {
            tokens.indices.contains(index) ? String(tokens[index].filter(\.isLetter)) : ""
        }
        for (index, token) in tokens.enumerated() {
            if isTime(token) {
                // "9:14pm" carries its suffix; "at 9:14", "9:14 pm" have it beside.
                let glued = String(token.drop { !$0.isLetter }.filter(\.isLetter))
                if timePrepositions.contains(word(index - 1)) || clockSuffixes.contains(word(index + 1))
                    || clockSuffixes.contains(glued)
                {
                    return false
                }
            }
            for part in token.split(whereSeparator: { !$0.isLetter }) where relativeDays.contains(String(part)) { return false }
        }
        return true
    }

    /// Whether `token` holds a clock-like number ("2:14", "(1:03:15)").
    private static func isTime(_ token: Substring) -> Bool {
        let characters = Array(token)
        for index in characters.indices.dropFirst() where characters[index] == ":" {
            if index + 1 < characters.count, characters[index - 1].isASCII, characters[index - 1].isNumber,
                characters[index + 1].isASCII, characters[index + 1].isNumber
            {
                return true
            }
        }
        return false
    }
}
