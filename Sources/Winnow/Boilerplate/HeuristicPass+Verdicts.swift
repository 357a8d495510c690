extension HeuristicPass {
    /// The verdict of every undecided line, given the article region and the article's `parts`
    /// above it that a widget cut off (lines there are judged as the region's are).
    func applyVerdicts(
        region: ClosedRange<Int>, parts: [ClosedRange<Int>], page: PageLines, anchored: Int?, introducedLists: [Bool],
        language: String?, to document: inout Document, _ t: HeuristicThresholds
    ) {
        let count = page.features.count
        // Only a confident page language says what is foreign: a tiny post among markdown link
        // menus can be guessed as Yoruba (0.54), and then its own lines looked foreign.
        let foreignBaseline = document.language.map { $0.confidence >= ForeignShortBlockHeuristic.minimumConfidence ? $0.code : nil }
            ?? language
        let firstSeparatorAfter = (region.upperBound + 1..<count).first { page.separators[$0] }
        // Only the neighbours of repeated lines are asked, each read in place.
        let ownRepeats = RepeatedLineHeuristic.confined(
            to: region, features: page.features, classes: page.classes,
            isDropped: { index in document.blocks.withUnsafeBufferPointer { $0[index].verdictAction == .drop } })

        for index in 0..<count where !Block.isDecided(document.blocks, at: index) {
            let score = page.classes[index].regionScore(words: page.features[index].words, t)
            let outside = (index < region.lowerBound || index > region.upperBound) && !parts.contains { $0.contains(index) }
            if outside, case .bad(let ruleID, let reason) = page.classes[index] {
                // The more specific reason: a menu entry is a menu entry wherever it is.
                document.blocks[index].verdict = .drop(ruleID, reason, score: score)
            } else if let anchored, index <= anchored {
                document.blocks[index].verdict = .drop(
                    BreadcrumbAnchorHeuristic.id, "above the page's breadcrumb trail", score: score)
            } else if outside, index < region.lowerBound {
                document.blocks[index].verdict = .drop(
                    ArticleRegionHeuristic.headerID, "before the article region", score: score)
            } else if outside, index > region.upperBound {
                if let firstSeparatorAfter, index >= firstSeparatorAfter {
                    let reason = page.separatorReasons[index] ?? "in the comment thread after the article"
                    document.blocks[index].verdict = .drop(CommentThreadHeuristic.id, reason, score: score)
                } else {
                    document.blocks[index].verdict = .drop(
                        ArticleRegionHeuristic.footerID, "after the article region", score: score)
                }
            } else if page.captionLines[index] {
                document.blocks[index].verdict = .drop(
                    CaptionAboveCredit.id, "caption of the photo credited on the next line", score: score)
            } else if case .bad(let ruleID, let reason) = page.classes[index] {
                let alwaysDropped = ruleID == PlaceholderHeuristic.id || ruleID == LinkDenseHeuristic.id
                // The entries of a list the article's text introduces ("The schools closed are:")
                // are the article's, however short.
                let introduced =
                    ruleID == MenuItemHeuristic.id
                    && (introducedLists[index]
                        || MenuItemHeuristic.headsProse(at: index, classes: page.classes, blocks: document.blocks))
                // A line the article itself repeats (a shell transcript's "$ hg push").
                let ownRepeat = ruleID == RepeatedLineHeuristic.id && ownRepeats[index]
                if alwaysDropped || (t.dropMenusInRegion && !introduced && !ownRepeat) {
                    document.blocks[index].verdict = .drop(ruleID, reason, score: score)
                }
            } else if page.features[index].words >= ForeignShortBlockHeuristic.minimumWords,
                !ForeignShortBlockHeuristic.looksLikeNames(page.features[index]),
                ForeignShortBlockHeuristic.applies(
                at: index, blocks: document.blocks, classes: page.classes, documentLanguage: foreignBaseline)
            {
                document.blocks[index].verdict = .drop(
                    ForeignShortBlockHeuristic.id, "short block in another language than the page", score: score)
            }
        }
    }
}
