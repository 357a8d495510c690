/// Carries the article region across a stretch of structured article content (a table, a
/// list, code, a run of subheadings) to more prose of the same article further down.
///
/// The maximum-scoring region stops where short lines outweigh the prose around them, so an
/// article whose middle is a table or a list lost everything after it. When the lines after
/// the region lead, without a comment separator, without a line a rule dropped as boilerplate
/// and with few boilerplate-shaped lines, to another prose line, the region goes on to it.
/// The same holds backward: when the part below a list (a recipe's method under its
/// ingredients, the text after a run of photos) outscored the part above, the region reaches
/// back to the earlier prose, never above the breadcrumb trail (F1 +0.0008 w3m, +0.0009
/// html2text). Short sentences (near-good lines: a recipe's steps, a Q&A) are prose the bridge
/// may reach too (w3m +0.0004 on both halves, html2text +0.0002). A widget that a section
/// rule dropped between two of the article's paragraphs ("Most Popular" cards on current news
/// templates) is crossed when a prose paragraph and enough article follow it right away
/// (`bridgedOverWidgets`), and backward to a standfirst right above such a widget
/// (`bridgedBackOverWidgets`). The bridge never drops a line; it only widens the article.
///
/// A gap that holds a list only articles hold (a recipe's quantities, a list counted in order,
/// a listicle's numbered subheadings, phrases in sentence case) carries the region to a single
/// prose line beyond it: a recipe's one-line introduction above its ingredients, a review's
/// verdict under its pros and cons (`minimumListContinuation`). A boilerplate-shaped line
/// among its entries, one for `badShare` of them or fewer, does not make it a menu.
///
/// Source: jusText context smoothing (short paragraphs between good ones are good); the field
/// notes (users ask that lists and subheadings inside the article survive).
enum ArticleBridgeHeuristic {
    static let id = "heuristic.article-bridge"
    static let description = HeuristicDescription(
        id: id,
        name: "Article bridge",
        description: "Widens the article region over a table, a list or subheadings to the next (or previous) prose line when no separator, rule drop or run of boilerplate-shaped lines lies between; a list only articles hold (quantities, a count, phrases, an introduced list, table rows, fields, dated entries, results) carries it to a single sentence (keeps; never drops).",
        source: "jusText context smoothing; field notes (keep lists and subheadings inside the article)",
        examples: [
            HeuristicExample("""
                Prices for houses in the valley rose again in July, the estate agents' association said on Monday, although the rise was smaller than in the spring months.
                The figures for the main towns show how uneven the rise has been across the valley, with the towns nearest the new railway line gaining the most:
                Town
                Price
                Change
                Millbrook
                Northfield
                Eastwick
                Ashford
                Southbridge
                Weston
                Kingsley
                Fairholm
                Dunmore
                Linwood
                Oakridge
                Agents expect prices to level off in the autumn, when the usual slowdown sets in and fewer families move house before the start of the new school year.
                """),
        ])

    /// What the prose beyond a gap holding a list only articles hold (a recipe's ingredients, a
    /// numbered count) must score: one sentence of some words. A recipe's one-line introduction
    /// above its ingredients, a review's verdict under its list, is the article's.
    static let minimumListContinuation = 5.0

    /// The most lines a bridge crosses.
    static let maximumGap = 60
    /// At most one line in this many of a bridged gap may be boilerplate- or headline-shaped.
    static let badShare = 4
    /// The prose beyond the gap must score at least this much (about two long lines): a
    /// lone teaser sentence under a list of headlines is not the article going on.
    static let minimumContinuation = 30.0
    /// … and hold at least this many prose lines.
    static let minimumProseLines = 2

    /// `region` widened forward across clean gaps to later prose.
    ///
    /// - Parameter introduced: menu-shaped entries of a list that the article's text
    ///   introduces (`MenuItemHeuristic.introducedEntries`): the article's, not boilerplate in
    ///   the gap.
    static func bridged(
        _ region: ClosedRange<Int>, classes: [BlockClass], features: [LineFeatures], separators: [Bool],
        ruleDropped: [Bool], introduced: [Bool]? = nil, articleList: [Bool]? = nil,
        structuredRow: ((Int) -> Bool)? = nil, pictures: [Bool]? = nil, _ t: HeuristicThresholds
    ) -> ClosedRange<Int> {
        let walk = Walk(
            step: 1, limit: classes.count - 1, classes: classes, features: features, separators: separators,
            ruleDropped: ruleDropped, introduced: introduced, articleList: articleList, structuredRow: structuredRow,
            pictures: pictures, t: t)
        return region.lowerBound...walk.widened(from: region.upperBound)
    }

    /// The least the article beyond an in-article widget must score for the region to cross
    /// the widget (two news paragraphs of twenty words), and the prose lines it must hold: more
    /// than a clean gap asks, because what follows a widget at the article's end (teasers with
    /// a sentence each, a sidebar's blurb) is prose too. At 60 (four long lines), a story's last
    /// two paragraphs under a "Läs även" box were lost; 40 changed one dev page, for the better.
    static let minimumWidgetContinuation = 40.0
    static let minimumWidgetProseLines = 2
    /// Short lines between a widget and the prose beyond it that the crossing steps over (an
    /// image's alt text, a subheading).
    static let widgetSlack = 1

    /// `region` widened forward across widgets that section rules dropped inside the article
    /// ("Most Popular", "Related" and newsletter boxes that modern templates put between an
    /// article's paragraphs), when a paragraph of prose and enough article beyond it follow;
    /// after each crossing, the clean-gap bridge goes on.
    ///
    /// - Parameters:
    ///   - widget: lines a section rule dropped.
    ///   - steppedOver: lines dropped where they sit inside an article too (captions).
    ///   - isParagraph: whether a line is a plain paragraph (not a list item, link line or heading).
    static func bridgedOverWidgets(
        _ region: ClosedRange<Int>, classes: [BlockClass], features: [LineFeatures], separators: [Bool],
        ruleDropped: [Bool], widget: [Bool], steppedOver: [Bool], isParagraph: (Int) -> Bool,
        introduced: [Bool]? = nil, _ t: HeuristicThresholds
    ) -> ClosedRange<Int> {
        guard widget.contains(true) else { return region }
        let walk = Walk(
            step: 1, limit: classes.count - 1, classes: classes, features: features, separators: separators,
            ruleDropped: ruleDropped, introduced: introduced, t: t)
        var end = region.upperBound
        while true {
            let gap = scanGap(
                from: end + 1, step: 1, within: 0..<classes.count, classes: classes, features: features,
                separators: separators, ruleDropped: ruleDropped, widget: widget, steppedOver: steppedOver)
            // Lines other rules dropped inside a widget (a card's label taken for a bare word)
            // are part of it; after the widget's last line (a share bar, a book promo's label)
            // they end the article.
            guard gap.droppedAfterWidget == 0,
                gap.reachesProse(within: 0..<classes.count, separators: separators, classes: classes, isParagraph: isParagraph),
                let next = walk.continuation(
                    from: gap.end, minimum: minimumWidgetContinuation, proseLines: minimumWidgetProseLines,
                    unscored: steppedOver)
            else { break }
            end = walk.widened(from: next)
        }
        return region.lowerBound...end
    }

    /// The most lines other rules dropped among a widget's lines that the walk back over it
    /// takes for its buttons.
    static let widgetButtons = 1

    /// The lines between the article and what lies beyond in-article widgets, read in one
    /// direction up to a prose line (or as far as a crossing may go).
    private struct WidgetGap {
        /// Where the scan stopped: the prose line, when there is one.
        var end: Int
        var widgetLines = 0
        /// Lines other rules dropped since the last widget line, and in all.
        var droppedAfterWidget = 0
        var dropped = 0
        /// Short lines in the way (an image's alt text, a subheading).
        var slack = 0

        /// The gap crosses a widget and ends at a paragraph of prose, with few lines in the way.
        func reachesProse(
            within bounds: Range<Int>, separators: [Bool], classes: [BlockClass], isParagraph: (Int) -> Bool
        ) -> Bool {
            widgetLines > 0 && slack <= ArticleBridgeHeuristic.widgetSlack && bounds.contains(end) && !separators[end]
                && classes[end] == .good && isParagraph(end)
        }
    }

    private static func scanGap(
        from start: Int, step: Int, within bounds: Range<Int>, classes: [BlockClass], features: [LineFeatures],
        separators: [Bool], ruleDropped: [Bool], widget: [Bool], steppedOver: [Bool]
    ) -> WidgetGap {
        var gap = WidgetGap(end: start)
        scan: while bounds.contains(gap.end), !separators[gap.end] {
            let index = gap.end
            if widget[index] {
                gap.widgetLines += 1
                gap.droppedAfterWidget = 0
            } else if steppedOver[index] {
                // A caption inside the article.
            } else if ruleDropped[index] {
                gap.droppedAfterWidget += 1
                gap.dropped += 1
            } else {
                switch classes[index] {
                case .good: break scan
                case .neutral: break
                default:
                    // A wordless placeholder (an empty list item) is no text in the way.
                    guard features[index].words > 0 else { break }
                    gap.slack += 1
                    if gap.slack > widgetSlack { break scan }
                }
            }
            gap.end += step
        }
        return gap
    }

    /// `region` widened backward across widgets that section rules dropped inside the article
    /// to a paragraph of prose right above them (a standfirst over a "Related" box that the
    /// template put before the body), then across clean gaps as `bridgedBackward` does. The
    /// article below is the region already, so the crossing asks only for the prose line.
    static func bridgedBackOverWidgets(
        _ region: ClosedRange<Int>, classes: [BlockClass], features: [LineFeatures], separators: [Bool],
        ruleDropped: [Bool], widget: [Bool], steppedOver: [Bool], isParagraph: (Int) -> Bool, anchor: Int?,
        introduced: [Bool]? = nil, _ t: HeuristicThresholds
    ) -> ClosedRange<Int> {
        let lowest = (anchor ?? -1) + 1
        let bounds = lowest..<classes.count
        let gap = scanGap(
            from: region.lowerBound - 1, step: -1, within: bounds, classes: classes, features: features,
            separators: separators, ruleDropped: ruleDropped, widget: widget, steppedOver: steppedOver)
        // A button among the widget's lines ("Sign up", another rule's bare word) is the
        // widget's; more of them (a form's fields) or one between it and the prose above (a
        // site's masthead box over the article) end the walk.
        guard gap.droppedAfterWidget == 0, gap.dropped <= widgetButtons, gap.widgetLines > 0,
            gap.reachesProse(within: bounds, separators: separators, classes: classes, isParagraph: isParagraph)
        else { return region }
        let walk = Walk(
            step: -1, limit: lowest, classes: classes, features: features, separators: separators,
            ruleDropped: ruleDropped, introduced: introduced, t: t)
        return walk.widened(from: gap.end)...region.upperBound
    }

    /// `region` widened backward across clean gaps to earlier prose of the same article (the
    /// part above a list, a recipe's ingredients or a run of photos, when the part below scored
    /// more). Stops at `anchor` (a breadcrumb trail) and under the same conditions as `bridged`.
    static func bridgedBackward(
        _ region: ClosedRange<Int>, classes: [BlockClass], features: [LineFeatures], separators: [Bool],
        ruleDropped: [Bool], anchor: Int?, introduced: [Bool]? = nil, articleList: [Bool]? = nil,
        structuredRow: ((Int) -> Bool)? = nil, pictures: [Bool]? = nil, _ t: HeuristicThresholds
    ) -> ClosedRange<Int> {
        let walk = Walk(
            step: -1, limit: (anchor ?? -1) + 1, classes: classes, features: features, separators: separators,
            ruleDropped: ruleDropped, introduced: introduced, articleList: articleList, structuredRow: structuredRow,
            pictures: pictures, t: t)
        return walk.widened(from: region.lowerBound)...region.upperBound
    }

    /// A title-case line of 4+ words (not counting numbers: a table row is no headline) without a sentence ending: a headline in a list of them.
    static func isHeadlineShaped(_ line: LineFeatures) -> Bool {
        line.letteredWords >= 4 && line.capitalisedShare >= 0.75 && !line.endsLikeSentence
    }

    /// The bridge in one direction: `step` is 1 (down the page) or -1 (up), `limit` the last
    /// line it may reach.
    private struct Walk {
        let step: Int
        let limit: Int
        let classes: [BlockClass]
        let features: [LineFeatures]
        let separators: [Bool]
        let ruleDropped: [Bool]
        let introduced: [Bool]?
        /// Lines of lists that only articles hold (a recipe's quantities, a count in order):
        /// a gap holding one is the article's own, and one prose line beyond it goes on with it.
        var articleList: [Bool]? = nil
        /// Whether a line is a row of a structured block (`StructuredRows`), asked of gap lines only.
        var structuredRow: ((Int) -> Bool)? = nil
        /// Lines a rule dropped where they sit inside an article too (an image's placeholder or
        /// caption): in a gap holding an article's list they are the list's pictures, not
        /// boilerplate.
        var pictures: [Bool]? = nil
        let t: HeuristicThresholds

        private func isArticleList(_ index: Int) -> Bool {
            articleList?[index] == true || structuredRow?(index) == true
        }

        /// Whether `index` is a line the walk may look at: inside the page and the limit, not a
        /// comment separator, not a line a rule dropped.
        private func isOpen(_ index: Int) -> Bool {
            (step > 0 ? index <= limit : index >= limit) && index >= 0 && index < classes.count
                && !separators[index] && !ruleDropped[index]
        }

        /// The region's edge moved from `edge` across clean gaps to the farthest prose that
        /// continues it.
        func widened(from edge: Int) -> Int {
            var edge = edge
            var index = edge + step
            var gapLines = 0
            var gapBad = 0
            // Lines of an article's list or table in the gap (`isArticleList`, introduced lists).
            var gapListLines = 0
            var gapPictures = 0
            while gapLines <= maximumGap, isOpen(index) {
                switch classes[index] {
                case .good where gapLines == 0, .nearGood where gapLines == 0:
                    // Prose right at the edge goes on with it, however little follows (the
                    // article's first paragraph under a bridged widget, above its title's
                    // player label).
                    edge = index
                    index += step
                    continue
                case .good, .nearGood:
                    // A gap holding an article's list (its pictures aside, and a boilerplate-
                    // shaped line per `badShare` entries: a summary's bullet over a table) may be
                    // crossed to one sentence; any other gap may hold few boilerplate-shaped
                    // lines (pictures count) and needs more prose beyond it.
                    let listGap = gapListLines > 0 && gapBad * badShare <= gapListLines
                    guard listGap || (gapBad + gapPictures) * badShare <= gapLines else { return edge }
                    // A prose line with too little beyond it is part of the gap (a long list
                    // entry), unless the gap is a list only articles hold.
                    let found =
                        listGap
                        ? continuation(from: index, minimum: minimumListContinuation, proseLines: 1)
                        : continuation(from: index)
                    if let end = found {
                        edge = end
                        index = end
                        gapLines = 0
                        gapBad = 0
                        gapPictures = 0
                        gapListLines = 0
                    } else {
                        gapLines += 1
                    }
                case .bad:
                    // An introduced list ("The ten principles:" over short numbered entries)
                    // is the article's; a menu or a teaser list has no such line above it.
                    if isArticleList(index) || introduced?[index] == true {
                        gapListLines += 1
                    } else if pictures?[index] == true {
                        gapPictures += 1
                    } else {
                        gapBad += 1
                    }
                    gapLines += 1
                default:
                    // A row of the article's own list is no headline ("Venue: Riverside Park Bandstand").
                    if isArticleList(index) {
                        gapListLines += 1
                    } else if isHeadlineShaped(features[index]) {
                        gapBad += 1
                    }
                    gapLines += 1
                }
                index += step
            }
            return edge
        }

        /// The far end of the best-scoring run of lines that starts at `start`, when it scores
        /// enough.
        /// - Parameter unscored: lines that count neither for nor against the run (captions
        ///   inside the article).
        func continuation(
            from start: Int, minimum: Double = minimumContinuation, proseLines: Int = minimumProseLines,
            unscored: [Bool]? = nil
        ) -> Int? {
            var sum = 0.0
            var best = 0.0
            var bestEnd = start
            var proseCount = 0
            var bestProseLines = 0
            var index = start
            while isOpen(index) {
                if unscored?[index] != true { sum += classes[index].regionScore(words: features[index].words, t) }
                if sum <= 0 { break }
                switch classes[index] {
                case .good, .nearGood: proseCount += 1
                default: break
                }
                if sum > best {
                    best = sum
                    bestEnd = index
                    bestProseLines = proseCount
                }
                index += step
            }
            return best >= minimum && bestProseLines >= proseLines ? bestEnd : nil
        }
    }
}

