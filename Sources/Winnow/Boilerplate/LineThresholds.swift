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
    /// The last language asked for and its thresholds: a page has few languages.
    private var lastCode: String?
    private var lastThresholds: HeuristicThresholds?

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
            let confidence = blocks[index].languageConfidence, confidence >= 0.5,
            StopwordIndex.shared.slot(of: code) != nil
        else { return page }
        // Chinese, Korean, Thai: their lists say little of a line (length and punctuation decide).
        guard !StopwordLists.densityIsUnreliable(for: code) else { return (page.thresholds, false) }
        if code == lastCode, let known = lastThresholds { return (known, page.stopwordsUsable) }
        var scaled = base
        let scale = StopwordLists.densityScale(for: code)
        scaled.stopwordsHigh *= scale
        scaled.stopwordsLow *= scale
        lastCode = code
        lastThresholds = scaled
        return (scaled, page.stopwordsUsable)
    }
}
