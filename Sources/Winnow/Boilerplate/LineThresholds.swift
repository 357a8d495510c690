/// The stopword thresholds a line is judged by: those of its own language when the detector is
/// sure of it and the language has a stopword list (its stopwords were counted with that
/// list), otherwise the page's; a line in Chinese, Korean or Thai is judged without
/// stopwords, as a page in one is.
///
/// A page's language is voted by all its lines, boilerplate included: a Turkish or Korean
/// article under forty English menu entries is an "English" page, and its sentences, counted
/// against the Turkish or Korean list, fell short of the English thresholds (a list that
/// covers less of its language's running text holds lower ones, `StopwordLists.densityScale`).
struct LineThresholds {
    let blocks: [Block]
    let page: String?
    let base: HeuristicThresholds
    /// The last language asked for and its own thresholds (nil: the page's): a page has few
    /// languages, and lines of one run together.
    private var last: (code: String, own: (thresholds: HeuristicThresholds, stopwordsUsable: Bool)?)?

    init(blocks: [Block], page: String?, base: HeuristicThresholds) {
        self.blocks = blocks
        self.page = page
        self.base = base
    }

    /// The thresholds for line `index` and whether its stopwords count: `page` is the page's
    /// (thresholds already scaled, stopwords usable or not).
    mutating func of(
        _ index: Int, _ page: (thresholds: HeuristicThresholds, stopwordsUsable: Bool)
    ) -> (thresholds: HeuristicThresholds, stopwordsUsable: Bool) {
        guard let code = blocks[index].languageCode, code != self.page,
            let confidence = blocks[index].languageConfidence, confidence >= 0.5
        else { return page }
        if let last, last.code == code { return last.own.map { ($0.thresholds, $0.stopwordsUsable && page.stopwordsUsable) } ?? page }
        let own = Self.thresholds(for: code, base: base)
        last = (code, own)
        return own.map { ($0.thresholds, $0.stopwordsUsable && page.stopwordsUsable) } ?? page
    }

    /// `code`'s own thresholds, or nil for a language without a stopword list (its lines were
    /// counted with the page's list). Chinese, Korean, Thai: their lists say little of a line,
    /// so length and punctuation decide.
    private static func thresholds(for code: String, base: HeuristicThresholds) -> (thresholds: HeuristicThresholds, stopwordsUsable: Bool)? {
        guard StopwordIndex.shared.slot(of: code) != nil else { return nil }
        guard !StopwordLists.densityIsUnreliable(for: code) else { return (base, false) }
        var scaled = base
        let scale = StopwordLists.densityScale(for: code)
        scaled.stopwordsHigh *= scale
        scaled.stopwordsLow *= scale
        return (scaled, true)
    }
}
