/// The lines of a list of phrases: a review's pros and cons ("Long battery life", "Small dust
/// bin"), a product's features, the points of a tip. Its entries are written in sentence case,
/// words after the first in lower case, and several of them run to three words or more.
///
/// A menu's entries are labels: one or two words, in title case ("World News", "Contact Us"),
/// or links. Short list entries are menu entries to `MenuItemHeuristic`; the entries of a
/// phrase list are not, and a gap holding one is the article's own list for the bridges (like
/// a quantity list), so the sentence under a review's list of cons stays with the review.
enum PhraseList {
    /// The fewest entries of three words or more a phrase list has.
    static let minimumLongEntries = 2
    /// Words an entry needs to count as long.
    static let longEntryWords = 3
    /// At least half the entries have at most this many words: a list of headlines in sentence
    /// case (news sites in Britain and Australia write them so) has longer entries than a
    /// list of points ("Mum proud to still breastfeed her 4-year-old daughter").
    static let maximumShortEntryWords = 7

    /// Which lines belong to a phrase list: a run of adjacent list items of one paragraph, none
    /// decided by a rule or holding a link, every entry in sentence case, at least
    /// `minimumLongEntries` of them of `longEntryWords` words or more, and at least half of
    /// them of `maximumShortEntryWords` words or fewer.
    static func members(
        features: [LineFeatures], isListItem: (Int) -> Bool, isDecided: (Int) -> Bool, paragraph: (Int) -> Int
    ) -> [Bool] {
        var members = [Bool](repeating: false, count: features.count)
        for entries in ListRuns.ranges(count: features.count, isListItem: isListItem, paragraph: paragraph)
        where entries.count >= minimumLongEntries
            && entries.allSatisfy({ !isDecided($0) && features[$0].links == 0 && isSentenceCase(features[$0]) })
            && entries.count(where: { features[$0].letteredWords >= longEntryWords }) >= minimumLongEntries
            && 2 * entries.count(where: { features[$0].words <= maximumShortEntryWords }) >= entries.count
        {
            for index in entries { members[index] = true }
        }
        return members
    }

    /// Whether the line's words after the first start in lower case ("Long battery life"), and
    /// it has words at all.
    static func isSentenceCase(_ line: LineFeatures) -> Bool {
        let lettered = line.letteredWords
        guard lettered >= 1 else { return false }
        let lowercase = (Double(lettered) * (1 - line.capitalisedShare)).rounded()
        return lowercase >= Double(lettered - 1)
    }
}
