/// A block's context-free class, after jusText's `classify_paragraphs`, adapted to lines.
///
/// - `good`: at least `longWords` words and stopword density ≥ `stopwordsHigh` (prose).
/// - `nearGood`: long with density ≥ `stopwordsLow`, or at least `mediumWords` words, density
///   ≥ `stopwordsHigh` and a sentence ending (a short paragraph, a caption, a quote).
/// - `short`: anything else without a boilerplate shape (subheadings, bylines, list items,
///   headlines); context decides.
/// - `bad`: a line heuristic matched (placeholder, link line, menu item, repeated line).
/// - `neutral`: counts neither way (a long sentence made mostly of link text).
enum BlockClass: Sendable, Hashable {
    case good
    case nearGood
    case short
    case bad(ruleID: String, reason: String)
    /// Neither for nor against the region (a long sentence made mostly of links): kept inside
    /// it, dropped with its zone outside.
    case neutral

    var isBad: Bool {
        if case .bad = self { return true }
        return false
    }

    /// The block's contribution to a region's score: words of prose count for it, every line
    /// of boilerplate-like shape against it (BTE's "tokens inside minus tags inside", with
    /// lines as tags).
    func regionScore(words: Int, _ t: HeuristicThresholds) -> Double {
        switch self {
        case .good: Double(words)
        case .nearGood: Double(words) * t.nearGoodWeight
        case .short: -t.shortPenalty * Double(max(1, words))
        // A line repeated in the page is template wherever it is, and its length says nothing
        // about where the article ends: per-photo chrome ("Mouseover photo to load notes")
        // repeats between a gallery post's paragraphs. It costs one line's penalty (F1 +0.0004
        // w3m, +0.0003 html2text).
        case .bad(let ruleID, _) where ruleID == RepeatedLineHeuristic.id: -t.badPenalty
        case .bad: -t.badPenalty * Double(min(max(1, words), 5))
        case .neutral: 0
        }
    }

    /// The scaled low stopword threshold under which a language's list is taken to cover too
    /// little of its prose for a long sentence to need it (`StopwordLists.densityScale` under
    /// about 0.3 of English's: tr uk lt lv he).
    static let lowCoverageThreshold = 0.1

    static func classify(_ features: LineFeatures, stopwordsUsable: Bool, _ t: HeuristicThresholds) -> BlockClass {
        // Without a stopword list for the language, length and punctuation decide alone.
        let density = stopwordsUsable ? features.stopwordDensity : 1
        if features.words >= t.longWords {
            if density >= t.stopwordsHigh { return .good }
            if density >= t.stopwordsLow { return .nearGood }
            // In a language whose stopword list covers little of its running text (Turkish,
            // Ukrainian, Lithuanian, Latvian, Hebrew: agglutinative or richly inflected), a
            // long sentence often holds none of the listed words ("Şehir merkezindeki esnaf
            // ikiye bölündü. Bazıları planı memnuniyetle karşılarken, …"): its length and its
            // sentence ending make it prose.
            if stopwordsUsable, t.stopwordsLow < lowCoverageThreshold, features.endsLikeSentence { return .nearGood }
        } else if features.words >= t.mediumWords, density >= t.stopwordsHigh, features.endsLikeSentence {
            return .nearGood
        }
        return .short
    }
}
