/// One run of the heuristics over one document (holds the per-call ICU scratch).
struct HeuristicPass {
    let options: BoilerplateOptions
    let thresholds: HeuristicThresholds
    /// Whether rules judged the page first: only then do edges without a dropped line say that
    /// the text was cleaned before (`CleanEdgesHeuristic`).
    let rulesApplied: Bool
    /// A page whose words are less than this share stopwords is judged without them: its
    /// language has no list, its list misses the page's words, or the detector got it wrong.
    static let usableDensity = 0.08

    init(options: BoilerplateOptions, rulesApplied: Bool = false) {
        self.options = options
        self.thresholds = options.thresholds
        self.rulesApplied = rulesApplied
    }

    /// Classifies the lines, finds the article region (the densest run of prose before the
    /// comment thread), widens it over bridges and to its title and tail, and drops every
    /// undecided line outside it (and the boilerplate-shaped ones inside).
    func run(on document: inout Document) {
        // Read before any heuristic decides a line: every drop so far is a rule's.
        let pageHasRuleDrops = rulesApplied && document.blocks.indices.contains { document.blocks[$0].verdictAction == .drop }
        let extractor = FeatureExtractor()
        var (features, language) = extractor.features(of: document)
        // A card's lines inside one link that spans them are link text (`WrappedLinkCard`).
        for row in WrappedLinkCard.insideLines(of: document.blocks, features: features) where features[row].words > 0 {
            features[row].links = max(features[row].links, 1)
            features[row].linkDensity = 1
        }
        let t = thresholds(for: language)
        var page = classify(document, features: features, language: language, t)
        markCommentSeparators(&page, in: document, t)
        guard let choice = chooseRegion(page, in: &document, t) else { return }
        let widened = widen(choice, page: page, in: document, t)
        var lower = top(of: widened, page: page, in: document, language: language, t)
        // The title walk does not climb over the breadcrumb trail the article was found after.
        let anchored = choice.breadcrumb.flatMap { $0 < widened.lowerBound ? $0 : nil }
        if let anchored, lower <= anchored { lower = anchored + 1 }
        var upper = end(of: widened, page: page, ruleDropped: choice.ruleDropped, in: document, t)
        func isClean(_ index: Int) -> Bool {
            !Block.isDecided(document.blocks, at: index) && !page.separators[index] && !page.classes[index].isBad
        }
        if rulesApplied { upper = CleanEdgesHeuristic.end(after: upper, count: features.count, isClean: isClean) }
        // The writer's box under the article is no part of it.
        if let box = AuthorBioHeuristic.start(
            endingAt: upper, from: lower, features: features, isOpen: { !Block.isDecided(document.blocks, at: $0) },
            paragraph: { document.blocks[$0].paragraph }, text: { Block.plainText(of: document.blocks, at: $0) })
        {
            for index in box...upper where !Block.isDecided(document.blocks, at: index) {
                document.blocks[index].verdict = .drop(
                    AuthorBioHeuristic.id, "the writer's name and biography under the article", score: 0)
            }
            upper = box - 1
        }
        lower = postTop(lower...upper, page: page, in: &document, t)
        lower = documentHead(above: lower, upper: upper, page: page, in: document, language: language, t)
        if rulesApplied, anchored == nil {
            lower = CleanEdgesHeuristic.start(before: lower, pageHasRuleDrops: pageHasRuleDrops, isClean: isClean)
        }
        let region = lower...upper
        let parts = splitParts(above: region, anchored: anchored, choice: choice, page: page, t)
        applyVerdicts(
            region: region, parts: parts, page: page, anchored: anchored, introducedLists: choice.introducedLists,
            language: language, to: &document, t)
        if t.shortRunLength > 0 {
            dropShortRuns(in: region, document: &document, features: features, classes: page.classes)
        }
        // Last: the pair is read from the lines the clean text keeps.
        for altText in DoubledLineHeuristic.firstCopies(in: document.blocks, features: features) {
            document.blocks[altText].verdict = .drop(
                DoubledLineHeuristic.id, "a picture's alt text: the line under it says the same", score: 0)
        }
        if let heading = TrailingHeadingHeuristic.trailingHeading(in: document.blocks, features: features) {
            document.blocks[heading].verdict = .drop(TrailingHeadingHeuristic.id, "a heading with nothing under it", score: 0)
        }
        for copy in RepeatedParagraphHeuristic.earlierCopies(in: document.blocks, features: features) {
            document.blocks[copy.index].verdict = .drop(
                RepeatedParagraphHeuristic.id,
                copy.passage
                    ? "part of a passage the page shows again further down" : "a paragraph the page shows again further down",
                score: 0)
        }
    }

    /// The thresholds for a page in `language`.
    ///
    /// The stopword thresholds suit English prose; a language whose list covers less of its
    /// running text (Ukrainian, Hebrew, Turkish) is held to proportionally lower ones.
    private func thresholds(for language: String?) -> HeuristicThresholds {
        let scale = StopwordLists.densityScale(for: language)
        var t = thresholds
        t.stopwordsHigh *= scale
        t.stopwordsLow *= scale
        return t
    }

    /// The article's first part above `region` that a widget cut off (`SplitArticleHeuristic`),
    /// looked for below the breadcrumb trail and the last comment separator above the region.
    private func splitParts(
        above region: ClosedRange<Int>, anchored: Int?, choice: ArticleRegionChoice, page: PageLines,
        _ t: HeuristicThresholds
    ) -> [ClosedRange<Int>] {
        var start = (anchored ?? -1) + 1
        if let separator = (start..<max(start, region.lowerBound)).last(where: { page.separators[$0] }) { start = separator + 1 }
        guard start < region.lowerBound else { return [] }
        return SplitArticleHeuristic.parts(
            above: region, found: choice.found, from: start, classes: page.classes, words: page.words,
            breaks: choice.regionBreaks, excerpts: choice.excerpts, listLines: page.quantityLines, t)
    }

    /// Whether block `index` tops a post: the link to the neighbouring posts, or the breadcrumb.
    func isPostTop(_ index: Int, in document: Document) -> Bool {
        // Not `.map { … } ?? false` on the signals: with the annotations held in the block,
        // that form crashed the compiler (Swift 6.3.1, CopyPropagation).
        guard let signals = document.blocks[index].verdictSignals else { return false }
        return !signals.isDisjoint(with: PostBeforeCommentsHeuristic.postTop)
    }

    /// A line that stays dropped inside the article too: a rule dropped it, or it is a placeholder.
    func isDroppedAnywhere(_ index: Int, document: Document, classes: [BlockClass]) -> Bool {
        if document.blocks[index].verdictAction == .drop { return true }
        if case .bad(let ruleID, _) = classes[index] { return ruleID == PlaceholderHeuristic.id }
        return false
    }

    private func dropShortRuns(
        in region: ClosedRange<Int>, document: inout Document, features: [LineFeatures], classes: [BlockClass]
    ) {
        let runs = ShortRunHeuristic.runs(
            in: region, minimumLength: thresholds.shortRunLength,
            isDropped: { document.blocks[$0].verdictAction == .drop },
            isUndecided: { !Block.isDecided(document.blocks, at: $0) },
            isCandidate: { ShortRunHeuristic.isCandidate(features[$0], classes[$0]) },
            introducesList: {
                MenuItemHeuristic.introducesList(features[$0], kind: document.blocks[$0].kind, class: classes[$0], thresholds)
            })
        for run in runs {
            for member in run {
                document.blocks[member].verdict = .drop(
                    ShortRunHeuristic.id, "one of \(run.count) short lines in a row", score: Double(run.count))
            }
        }
    }
}
