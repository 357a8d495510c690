/// Drops a short block in another language than the document when it sits among short blocks
/// (a widget's cards from another site, a language switcher), using the language detector's
/// per-block guess.
///
/// Source: the field notes (video cards in Thai, Romanian and French under an English article);
/// a confident guess (≥ 0.8; at 0.5 English headlines went as other Latin-script languages)
/// is required, because short-text language ID fails often, and the block needs
/// `minimumWords` words: a byline or a date ("By Priya Nair", "May 05, 2010") is mostly names
/// and numbers, which the detector labels with any language. The page's own guess must be as
/// confident: a tiny post among markdown link menus was guessed Yoruba (0.54) and then lost its
/// own English lines (F1 html2text +0.0031, w3m +0.0001).
enum ForeignShortBlockHeuristic {
    static let id = "heuristic.foreign-short-block"
    static let description = HeuristicDescription(
        id: id,
        name: "Foreign-language short block",
        description: "A short block whose confident language differs from the document's, next to another short block.",
        source: "field notes (widgets from other sites, often in another language)",
        examples: [])

    /// Fewer words than this are too few to trust a language guess.
    static let minimumWords = 4
    /// The least confidence of the block's language guess (and of the page's, for it to say
    /// what is foreign).
    static let minimumConfidence = 0.8

    /// Whether the line, in a cased script, is names rather than running text: fewer than
    /// `minimumLowercaseWords` of its words that start with a Latin letter are lower-case. Names,
    /// an address or a title ("San Francisco, CA 94103", "Read It Later, Inc.") and a byline, a
    /// date, an ingredient or a price with a few function words ("by Paulo Coelho on June 27,
    /// 2012", "1/2 teaspoon salt", "For sale: $599,000") are labelled with any language by the
    /// detector; half of the dev set's drops by this heuristic were such lines of the article. A
    /// widget's card in another language has lower-case words ("Voici pourquoi …").
    static func looksLikeNames(_ line: LineFeatures) -> Bool {
        let lowercaseWords = Double(line.letteredWords) * (1 - line.capitalisedShare)
        return line.letteredWords > 0 && lowercaseWords.rounded() < Double(minimumLowercaseWords)
    }

    /// Lower-case words a line of a cased script needs for its language guess to count.
    static let minimumLowercaseWords = 3

    static func applies(
        at index: Int, blocks: [Block], classes: [BlockClass], documentLanguage: String?
    ) -> Bool {
        guard let documentLanguage, let own = blocks[index].language, own.confidence >= minimumConfidence, !own.isUndetermined,
            own.code != documentLanguage
        else { return false }
        guard case .short = classes[index] else { return false }
        // A short neighbour in the page's own language is the article's (a list of places, a
        // subtitle under a mixed-language title): a foreign line beside it is one of its entries,
        // not a widget's card. Without this the page's cleaned text, whose language is more
        // confident once its menus are gone, lost such lines when it was cleaned again.
        func isShort(_ neighbour: Int) -> Bool {
            guard classes.indices.contains(neighbour) else { return false }
            switch classes[neighbour] {
            case .bad: return true
            case .short: return blocks[neighbour].languageCode != documentLanguage
            default: return false
            }
        }
        return isShort(index - 1) || isShort(index + 1)
    }
}
