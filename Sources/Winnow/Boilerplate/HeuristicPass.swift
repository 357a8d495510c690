/// One run of the heuristics over one document (holds the per-call ICU scratch).
struct HeuristicPass {
    let options: BoilerplateOptions
    let thresholds: HeuristicThresholds
    /// A page whose words are less than this share stopwords is judged without them: its
    /// language has no list, its list misses the page's words, or the detector got it wrong.
    static let usableDensity = 0.08

    init(options: BoilerplateOptions) {
        self.options = options
        self.thresholds = options.thresholds
    }

    func run(on document: inout Document) {
        let extractor = FeatureExtractor()
        let (features, language) = extractor.features(of: document)
        let count = document.blocks.count
        // Each line's words, made once for the heuristics that take them as an array.
        let words = features.map(\.words)
        // The stopword thresholds suit English prose; a language whose list covers less of its
        // running text (Ukrainian, Hebrew, Turkish) is held to proportionally lower ones.
        let scale = StopwordLists.densityScale(for: language)
        var t = thresholds
        t.stopwordsHigh *= scale
        t.stopwordsLow *= scale

        // Documents whose language has no stopword list (or too few hits to trust) are judged
        // by length and punctuation alone.
        var totalWords = 0
        var totalStopwords = 0
        for line in features {
            totalWords += line.words
            totalStopwords += line.stopwords
        }
        let stopwordsUsable =
            !StopwordLists.densityIsUnreliable(for: language) && totalWords > 0
            && Double(totalStopwords) / Double(totalWords) >= Self.usableDensity

        var repeats = FingerprintCounts(capacity: count)
        for line in features where line.words > 0 && line.words < t.repeatMaxWords {
            repeats.add(line.fingerprint)
        }

        // In markdown that shows links, menus are lists of links: a short list item without a
        // link is an article's list (ingredients, specifications), not a menu entry.
        let showsLinks = MenuItemHeuristic.showsLinks(features)

        var classes: [BlockClass] = []
        classes.reserveCapacity(count)
        var captionLines = [Bool](repeating: false, count: count)
        var separators = [Bool](repeating: false, count: count)
        var separatorReasons = [String?](repeating: nil, count: count)
        let linkList = LinkListHeuristic.members(of: document.blocks)
        var countedHeadings: [Int] = []
        for index in document.blocks.indices {
            // Fields, not a copy of the block (a copy retains all its strings).
            let kind = document.blocks[index].kind
            let line = features[index]
            // A comment heading splits the page even when a rule already dropped it.
            // A timestamped line that counts the post's comments is the post's meta line.
            if let reason = CommentThreadHeuristic.separatorReason(line, t),
                reason != CommentThreadHeuristic.bylineReason
                    || !(PostMetaHeuristic.countsComments(Block.plainText(of: document.blocks, at: index))
                        || document.blocks[index].verdictSignals?.contains(.notCommentByline) == true)
            {
                separators[index] = true
                separatorReasons[index] = reason
            } else if CountedCommentHeading.isCandidate(line),
                CountedCommentHeading.endsAsHeading(Block.plainText(of: document.blocks, at: index))
            {
                separators[index] = true
                separatorReasons[index] = CommentThreadHeuristic.headingReason
                countedHeadings.append(index)
            }
            // The verdict's fields in place: a copy of the verdict retained both its strings.
            if let action = document.blocks[index].verdictAction {
                // A line a rule recognised as a reader comment's byline opens a comment too.
                if !separators[index], action == .drop, document.blocks[index].verdictSignals?.contains(.commentByline) == true {
                    separators[index] = true
                    separatorReasons[index] = CommentThreadHeuristic.bylineReason
                }
                // Rules decided: a dropped line is boilerplate, a protected line is article. A
                // long run of a picture's or player's own text (a video player's dozen control
                // lines) is one picture in the article: its first lines pay, the rest count
                // neither way, so a player between two paragraphs does not end the article.
                if action == .drop, document.blocks[index].verdictSignals?.contains(.inlineMedia) == true,
                    Self.followsInlineMedia(index, lines: Self.mediaRunPaidLines, in: document.blocks)
                {
                    classes.append(.neutral)
                } else if action == .drop, let ruleID = document.blocks[index].verdictRuleID,
                    let message = document.blocks[index].verdictMessage
                {
                    classes.append(.bad(ruleID: ruleID, reason: message))
                } else {
                    classes.append(.nearGood)
                }
                continue
            }
            if let reason = PlaceholderHeuristic.reason(line),
                !PlaceholderHeuristic.headsAssignment(at: index, blocks: document.blocks)
            {
                classes.append(.bad(ruleID: PlaceholderHeuristic.id, reason: reason))
            } else if !options.keepCaptions, CaptionAboveCredit.isCaption(at: index, blocks: document.blocks, words: line.words) {
                // Like a rule-dropped caption: inside the article, it does not end it.
                captionLines[index] = true
                classes.append(.neutral)
            } else if let reason = LinkDenseHeuristic.reason(line, kind: kind, t) {
                // A long sentence whose words are mostly link text is still prose (an article
                // citing its sources): neutral for the region, so it neither breaks the article
                // nor starts one, and it goes with its zone when outside (html2text F1 +0.0005).
                // So is text written around one or two links ("Visit [the shop](…) to see more",
                // "[Post title](…) by Ann Lee"): html2text F1 +0.0014.
                let longSentence = line.words >= t.longWords && line.endsLikeSentence
                    && line.stopwordDensity >= t.stopwordsHigh
                if longSentence || LinkDenseHeuristic.wrapsLinksInText(line, in: document.blocks, at: index) {
                    classes.append(.neutral)
                } else {
                    classes.append(.bad(ruleID: LinkDenseHeuristic.id, reason: reason))
                }
            } else if !(showsLinks && kind == .listItem && line.links == 0), let reason = MenuItemHeuristic.reason(line, kind: kind, t) {
                classes.append(.bad(ruleID: MenuItemHeuristic.id, reason: reason))
            } else if linkList[index] {
                classes.append(.bad(ruleID: LinkListHeuristic.id, reason: "one of a run of list items that open with a link"))
            } else if let reason = CardTitleHeuristic.reason(line) {
                classes.append(.bad(ruleID: CardTitleHeuristic.id, reason: reason))
            } else if line.words > 0, line.words < t.repeatMaxWords, case let seen = repeats.count(of: line.fingerprint),
                seen >= t.repeatCount
            {
                classes.append(.bad(ruleID: RepeatedLineHeuristic.id, reason: "line occurs \(seen) times in the page"))
            } else {
                classes.append(BlockClass.classify(line, stopwordsUsable: stopwordsUsable, t))
            }
        }

        // A paragraph hard-wrapped at a fixed width is judged whole: its lines are fragments.
        WrappedProse.classifyRuns(
            of: document.blocks, features: features, classes: &classes, stopwordsUsable: stopwordsUsable, t)

        // Comment bylines with a date and no time ("Jermaine 07 Nov 12") split the page too.
        for index in DatedBylineHeuristic.bylines(
            features: features, classes: classes, separators: separators, isDecided: { Block.isDecided(document.blocks, at: $0) },
            text: { Block.plainText(of: document.blocks, at: $0) })
        {
            separators[index] = true
            separatorReasons[index] = CommentThreadHeuristic.bylineReason
        }
        // So do comments printed with their byline on one line ("Emily says: April 6, 2012 at 8:04 pm I have …").
        for index in InlineCommentByline.lines(
            features: features, separators: separators, isDecided: { Block.isDecided(document.blocks, at: $0) },
            text: { Block.plainText(of: document.blocks, at: $0) })
        {
            separators[index] = true
            separatorReasons[index] = CommentThreadHeuristic.bylineReason
        }
        CountedCommentHeading.keepMetaLines(countedHeadings, separators: &separators, reasons: &separatorReasons, classes: classes)
        RepeatedCommentHeading.keepEarlierCopies(
            separators: &separators, reasons: &separatorReasons, features: features, classes: classes,
            headingReason: CommentThreadHeuristic.headingReason)
        CommentThreadHeuristic.keepArticleBylines(
            separators: &separators, reasons: separatorReasons, classes: classes, words: words, t)

        // The comment thread starts at a heading such as "3 Comments" or "40 Responses to …" on a
        // line of its own: a bulleted or linked "Comments" is a tab or a jump link near the
        // title, a bare "Comments" or "Reply" a tab or a link, "Quick thoughts on the game" no
        // heading at all, and a form ("Leave a Reply") often comes after the comments. Without
        // a bullet, a line in one paragraph with menu-entry-shaped lines is a list entry too
        // (a counter in a toolbar).
        let blankLines = UnmarkedListEntry.usesBlankLines(document.blocks)
        let commentStart = separators.indices.first { index in
            separators[index] && separatorReasons[index] == CommentThreadHeuristic.headingReason && features[index].words >= 2
                && document.blocks[index].kind != .listItem && document.blocks[index].kind != .linkLine
                && !(blankLines
                    && UnmarkedListEntry.isEntry(at: index, features: features, paragraph: { document.blocks[$0].paragraph }, t))
        }
        let breadcrumb = BreadcrumbAnchorHeuristic.anchor(
            count: count, features: features,
            isBreadcrumb: { document.blocks[$0].verdictSignals?.contains(.breadcrumb) == true },
            text: { Block.plainText(of: document.blocks, at: $0) })
        // The region and its bridges never span a teaser's read-more line either; the comment
        // thread logic sees only the comment separators.
        let teaserEnds = TeaserBoundary.lines(features: features, text: { Block.plainText(of: document.blocks, at: $0) })
        let regionBreaks = teaserEnds.contains(true) ? zip(separators, teaserEnds).map { $0 || $1 } : separators
        // A picture's or player's own text a rule dropped costs one line, whatever its length:
        // it sits between an article's paragraphs ("Image caption Rebels say …", "Media
        // playback is unsupported on your device"), and at up to five lines' cost a two-line
        // caption ended a short article there.
        let regionWords = document.blocks.indices.map { index in
            guard document.blocks[index].verdictAction == .drop, document.blocks[index].verdictSignals?.contains(.inlineMedia) == true
            else { return words[index] }
            return min(words[index], 1)
        }
        // A teaser's excerpt is prose of another page: it does not make a region the article,
        // unless the page holds nothing else (a front page of teasers keeps them).
        let excerpts = teaserEnds.contains(true) ? TeaserBoundary.teaserLines(ends: teaserEnds) : []
        var found: ClosedRange<Int>?
        if !excerpts.isEmpty {
            var withoutExcerpts = classes
            for index in excerpts where withoutExcerpts[index] == .good || withoutExcerpts[index] == .nearGood {
                withoutExcerpts[index] = .neutral
            }
            found = ArticleRegionHeuristic.region(
                classes: withoutExcerpts, words: regionWords, separators: regionBreaks, commentStart: commentStart,
                startAfter: breadcrumb, t)
        }
        if found == nil {
            found = ArticleRegionHeuristic.region(
                classes: classes, words: regionWords, separators: regionBreaks, commentStart: commentStart,
                startAfter: breadcrumb, t)
        }
        // A tiny post (no prose) right above the comment area, when the region is missing or
        // weak and elsewhere.
        let isCommentHeading = { (index: Int) in separators[index] && separatorReasons[index] != CommentThreadHeuristic.bylineReason }
        let isCommentByline = { (index: Int) in separators[index] && separatorReasons[index] == CommentThreadHeuristic.bylineReason }
        func isCommentForm(_ index: Int) -> Bool {
            document.blocks[index].verdictSignals?.contains(.commentForm) == true
                || (separators[index] && separatorReasons[index] == CommentThreadHeuristic.formReason)
        }
        func isPostFooter(_ index: Int) -> Bool {
            document.blocks[index].verdictSignals?.contains(.postFooter) == true
        }
        // The link to the neighbouring posts or the breadcrumb: the line that tops a post.
        func isPostTop(_ index: Int) -> Bool {
            // Not `.map { … } ?? false` on the signals: with the annotations held in the block,
            // that form crashed the compiler (Swift 6.3.1, CopyPropagation).
            guard let signals = document.blocks[index].verdictSignals else { return false }
            return !signals.isDisjoint(with: PostBeforeCommentsHeuristic.postTop)
        }
        if let post = PostBeforeCommentsHeuristic.post(
            classes: classes, words: regionWords,
            isMarker: { isCommentHeading($0) || isCommentForm($0) || isPostFooter($0) },
            isSkipped: { isDroppedAnywhere($0, document: document, classes: classes) },
            isHeading: isCommentHeading,
            isBoundary: isPostTop),
            PostBeforeCommentsHeuristic.prefers(
                post, over: found,
                score: found.map { range in range.reduce(0) { $0 + classes[$1].regionScore(words: regionWords[$1], t) } } ?? 0,
                commentStart: commentStart, isForm: isCommentForm, isCommentByline: isCommentByline,
                isBoundary: isPostTop)
        {
            found = post
        } else if let inThread = found, let commentStart,
            PostBeforeCommentsHeuristic.isInThread(inThread, commentStart: commentStart, isCommentByline: isCommentByline),
            let before = ArticleRegionHeuristic.region(
                classes: Array(classes[..<commentStart]), words: Array(regionWords[..<commentStart]),
                separators: Array(regionBreaks[..<commentStart]), startAfter: breadcrumb.flatMap { $0 < commentStart ? $0 : nil }, t)
        {
            // A region in the comment thread is a comment: the best one above the thread, however
            // weak, is the article.
            found = before
        }
        guard let found else {
            // No prose anywhere. A page with nothing boilerplate-shaped either (a few plain
            // lines) is a tiny text, kept whole; otherwise it is all boilerplate.
            let looksLikeBoilerplate = classes.contains { $0.isBad } || separators.contains(true)
            if !looksLikeBoilerplate { return }
            for index in 0..<count where !Block.isDecided(document.blocks, at: index) {
                document.blocks[index].verdict = .drop(
                    ArticleRegionHeuristic.noArticleID, "the page has no run of prose lines", score: 0)
            }
            return
        }

        // Fields, not a copy of the block (a copy retains all its strings).
        let ruleDropped = document.blocks.indices.map { index in
            guard document.blocks[index].verdictAction == .drop else { return false }
            // Image text and captions sit inside articles; they do not end one.
            return document.blocks[index].verdictSignals?.contains(.imageText) != true
        }
        let introducedLists = MenuItemHeuristic.introducedEntries(
            classes: classes, features: features, kinds: document.blocks.indices.map { document.blocks[$0].kind }, t)
        let forward = ArticleBridgeHeuristic.bridged(
            found, classes: classes, features: features, separators: regionBreaks, ruleDropped: ruleDropped,
            introduced: introducedLists, t)
        // Fields, not a copy of the block (a copy retains all its strings).
        var widget = [Bool](repeating: false, count: count)
        var hasWidget = false
        for index in 0..<count where document.blocks[index].verdictAction == .drop {
            guard document.blocks[index].verdictSignals?.contains(.insideArticleSection) == true else { continue }
            widget[index] = true
            hasWidget = true
        }
        // Lines dropped where they sit inside an article too (captions): both crossings step over them.
        let steppedOver = hasWidget ? document.blocks.indices.map { document.blocks[$0].verdictAction == .drop && !ruleDropped[$0] } : []
        let overWidgets =
            !hasWidget
            ? forward
            : ArticleBridgeHeuristic.bridgedOverWidgets(
                forward, classes: classes, features: features, separators: regionBreaks, ruleDropped: ruleDropped,
                widget: widget, steppedOver: steppedOver,
                isParagraph: { document.blocks[$0].kind == .paragraph }, introduced: introducedLists, t)
        let backOverWidgets =
            !hasWidget
            ? overWidgets
            : ArticleBridgeHeuristic.bridgedBackOverWidgets(
                overWidgets, classes: classes, features: features, separators: regionBreaks, ruleDropped: ruleDropped,
                widget: widget, steppedOver: steppedOver,
                isParagraph: { document.blocks[$0].kind == .paragraph }, anchor: breadcrumb, introduced: introducedLists, t)
        let widened = ArticleBridgeHeuristic.bridgedBackward(
            backOverWidgets, classes: classes, features: features, separators: regionBreaks, ruleDropped: ruleDropped,
            anchor: breadcrumb, introduced: introducedLists, t)
        var lower = widened.lowerBound
        if t.titleLines > 0 {
            // Recall: the title and byline right above the article (short, not boilerplate-shaped).
            // Lines that are dropped wherever they are (a rule's drop, an image placeholder)
            // are stepped over: a lead image or a share bar often sits between title and text.
            var taken = 0
            var skipped = 0
            var datelineTaken = false
            var index = lower - 1
            while index >= 0, taken < t.titleLines {
                if separators[index] {
                    // One dated byline between the title and the text is the article's
                    // ("July 24, 2012 12:11 AM", "Posted by Sam at 9:49am"), not a comment's.
                    guard !datelineTaken, separatorReasons[index] == CommentThreadHeuristic.bylineReason,
                        !document.blocks[index].isDecided
                    else { break }
                    datelineTaken = true
                    lower = index
                    index -= 1
                    continue
                }
                // The link to the neighbouring posts (or the breadcrumb) tops the post: no title above it.
                if isPostTop(index) { break }
                // A lead photo's caption goes with its credit: stepped over like the credit.
                if captionLines[index] {
                    index -= 1
                    continue
                }
                if skipped < t.titleSkipLines, isDroppedAnywhere(index, document: document, classes: classes) {
                    skipped += 1
                    index -= 1
                    continue
                }
                // A news standfirst (one or two lines of summary) under a short headline: both
                // belong to the article, as in a markdown page (`headingAbove`).
                if let title = standfirstTitle(endingAt: index, document: document, classes: classes, features: features, separators: separators) {
                    lower = title
                    break
                }
                guard case .short = classes[index], features[index].words >= 2, !features[index].hasPipe else { break }
                lower = index
                if features[index].hasTimeOfDay, !datelineTaken {
                    datelineTaken = true
                } else {
                    taken += 1
                }
                index -= 1
            }
        }
        if t.titleLines > 0, let title = headingAbove(
            lower, document: document, classes: classes, features: features, separators: separators)
        {
            lower = title
        } else if let title = TitleMatchHeuristic.title(
            above: lower, upper: widened.upperBound, classes: classes, features: features, separators: separators,
            stopwordBit: language.flatMap { StopwordIndex.shared.slot(of: $0) }.map { UInt64(1) << UInt64($0) },
            text: { Block.plainText(of: document.blocks, at: $0) },
            isListItem: { document.blocks[$0].kind == .listItem },
            crossable: { features[$0].words <= 2 || separatorReasons[$0] == CommentThreadHeuristic.bylineReason }, t)
        {
            lower = title
        }
        // The title walk does not climb over the breadcrumb trail the article was found after.
        let anchored = breadcrumb.flatMap { $0 < widened.lowerBound ? $0 : nil }
        if let anchored, lower <= anchored { lower = anchored + 1 }
        var upper = widened.upperBound
        if t.tailLines > 0 {
            // The tail of the article: short lines that end like sentences or are list items
            // (a list's last entries, a sign-off) right after the last prose line.
            var taken = 0
            var index = upper + 1
            // A picture between the last paragraphs (its alt text or credit, which a rule drops
            // as image text) does not end a short article: stepped over, like the title walk
            // steps over a lead image. Past one, only sentences join (a thumbnail over a
            // related-story list is not the article's).
            var picturesSkipped = 0
            while index < count, taken < t.tailLines, !separators[index] {
                if Block.isDecided(document.blocks, at: index) {
                    guard picturesSkipped < t.titleSkipLines, document.blocks[index].verdictAction == .drop,
                        !ruleDropped[index]
                    else { break }
                    picturesSkipped += 1
                    index += 1
                    continue
                }
                let line = features[index]
                let joinable: Bool
                switch classes[index] {
                // A prose line comes here only past a picture (next to the region it is the region's).
                case .short, .nearGood, .good:
                    // A line ending in a colon introduces what follows, which is not joined.
                    joinable = line.words > 0 && !line.endsWithColon
                        && (picturesSkipped == 0
                            ? line.endsLikeSentence || document.blocks[index].kind == .listItem
                            // Past a picture, a sentence of running text: not the next picture's
                            // caption or a post's meta line ("Design | Comments (0)").
                            : line.endsLikeSentence && !line.hasPipe && line.stopwordDensity >= t.stopwordsHigh)
                default: joinable = false
                }
                guard joinable else { break }
                upper = index
                taken += 1
                index += 1
            }
        }
        // A blog post's date header inside the region tops the post: a welcome box above it is not the post's.
        if let header = PostDateHeader.header(
            in: lower...upper, isCandidate: { !Block.isDecided(document.blocks, at: $0) && !separators[$0] },
            isProse: { classes[$0] == .good },
            // The shape first: most lines of the region fail it without their text.
            isHeader: { index in
                let (lineWords, endsLikeSentence) = (features[index].words, features[index].endsLikeSentence)
                return PostDateHeader.hasHeaderShape(words: lineWords, endsLikeSentence: endsLikeSentence)
                    && PostDateHeader.isDateHeader(
                        Block.plainText(of: document.blocks, at: index), words: lineWords, endsLikeSentence: endsLikeSentence)
            },
            isSkipped: { isDroppedAnywhere($0, document: document, classes: classes) },
            isTitle: { classes[$0] == .short && features[$0].words >= 2 && !features[$0].endsLikeSentence })
        {
            // Without the title walk (precision) the post starts at its first prose line, as on a clean copy.
            let top = t.titleLines > 0 ? header : ((header...upper).first { classes[$0] == .good } ?? header)
            for index in lower..<top where !document.blocks[index].isDecided {
                document.blocks[index].verdict = .drop(
                    PostDateHeader.id, "above the date header that tops the post",
                    score: classes[index].regionScore(words: features[index].words, t))
            }
            lower = top
        }
        let region = lower...upper
        // Only a confident page language says what is foreign: a tiny post among markdown link
        // menus can be guessed as Yoruba (0.54), and then its own lines looked foreign.
        let foreignBaseline = document.language.map { $0.confidence >= ForeignShortBlockHeuristic.minimumConfidence ? $0.code : nil }
            ?? language
        let firstSeparatorAfter = (region.upperBound + 1..<count).first { separators[$0] }
        let ownRepeats = RepeatedLineHeuristic.confined(to: region, features: features, classes: classes)

        for index in 0..<count where !Block.isDecided(document.blocks, at: index) {
            let score = classes[index].regionScore(words: features[index].words, t)
            let outside = index < region.lowerBound || index > region.upperBound
            if outside, case .bad(let ruleID, let reason) = classes[index] {
                // The more specific reason: a menu entry is a menu entry wherever it is.
                document.blocks[index].verdict = .drop(ruleID, reason, score: score)
            } else if let anchored, index <= anchored {
                document.blocks[index].verdict = .drop(
                    BreadcrumbAnchorHeuristic.id, "above the page's breadcrumb trail", score: score)
            } else if index < region.lowerBound {
                document.blocks[index].verdict = .drop(
                    ArticleRegionHeuristic.headerID, "before the article region", score: score)
            } else if index > region.upperBound {
                if let firstSeparatorAfter, index >= firstSeparatorAfter {
                    let reason = separatorReasons[index] ?? "in the comment thread after the article"
                    document.blocks[index].verdict = .drop(CommentThreadHeuristic.id, reason, score: score)
                } else {
                    document.blocks[index].verdict = .drop(
                        ArticleRegionHeuristic.footerID, "after the article region", score: score)
                }
            } else if captionLines[index] {
                document.blocks[index].verdict = .drop(
                    CaptionAboveCredit.id, "caption of the photo credited on the next line", score: score)
            } else if case .bad(let ruleID, let reason) = classes[index] {
                let alwaysDropped = ruleID == PlaceholderHeuristic.id || ruleID == LinkDenseHeuristic.id
                // The entries of a list the article's text introduces ("The schools closed are:")
                // are the article's, however short.
                let introduced = ruleID == MenuItemHeuristic.id && introducedLists[index]
                // A line the article itself repeats (a shell transcript's "$ hg push").
                let ownRepeat = ruleID == RepeatedLineHeuristic.id && ownRepeats[index]
                if alwaysDropped || (t.dropMenusInRegion && !introduced && !ownRepeat) {
                    document.blocks[index].verdict = .drop(ruleID, reason, score: score)
                }
            } else if features[index].words >= ForeignShortBlockHeuristic.minimumWords,
                !ForeignShortBlockHeuristic.looksLikeNames(features[index]),
                ForeignShortBlockHeuristic.applies(
                at: index, blocks: document.blocks, classes: classes, documentLanguage: foreignBaseline)
            {
                document.blocks[index].verdict = .drop(
                    ForeignShortBlockHeuristic.id, "short block in another language than the page", score: score)
            }
        }

        if t.shortRunLength > 0 {
            dropShortRuns(in: region, document: &document, features: features, classes: classes)
        }
    }

    /// A line that stays dropped inside the article too: a rule dropped it, or it is a placeholder.
    /// The article's own markdown heading (or a clean text's first line) when it sits a little
    /// above the region, with only
    /// lines that go anyway (share bars, images, captions) or short metadata (date, byline)
    /// between: converters put the title, the byline block and a lead image before the text.
    private func headingAbove(
        _ lower: Int, document: Document, classes: [BlockClass], features: [LineFeatures], separators: [Bool]
    ) -> Int? {
        var index = lower - 1
        var steps = 0
        // A standfirst (the summary sentence under a news headline) may sit between the
        // heading and the article, right below the heading.
        var standfirst: Int?
        while index >= 0, steps < thresholds.titleHeadingLines, !separators[index] {
            // The kind read in place: `let block = document.blocks[index]` copied the block.
            let isHeading = document.blocks[index].kind == .heading
            // The first line of a page that is already clean text, right above the title
            // walk, is its title (cleaning winnow's own output must change nothing).
            if isHeading || (index == 0 && steps == 0) {
                guard features[index].words >= 3, features[index].linkDensity < 0.5, !classes[index].isBad else { return nil }
                // "# Title" over "### Subtitle" (Substack, Medium): the title is the heading
                // right above the subtitle.
                let above = index - 1
                if isHeading, above >= 0, !separators[above], document.blocks[above].kind == .heading,
                    !document.blocks[above].isDecided, features[above].words >= 3, features[above].linkDensity < 0.5,
                    !classes[above].isBad
                {
                    return above
                }
                return index
            }
            if !isDroppedAnywhere(index, document: document, classes: classes) {
                // Only lines that go anyway may lie between the heading and its standfirst.
                if standfirst != nil { return nil }
                let line = features[index]
                var isMetadata = false
                if case .short = classes[index] { isMetadata = line.words <= thresholds.titleMetadataWords && !line.hasPipe }
                // "[Jane Smith](/profile/jane-smith) in Berlin": the byline of a template that
                // links its authors.
                if !isMetadata && !isLinkedByline(classes[index], line) {
                    guard isStandfirst(classes[index], line) else { return nil }
                    standfirst = index
                }
            }
            steps += 1
            index -= 1
        }
        return nil
    }

    /// The headline above a standfirst paragraph that ends at `last`: the paragraph is one or
    /// two lines of at most 40 words of prose, and the line right above it (the previous
    /// paragraph's last line) is a short headline of 3–15 words that does not end like a
    /// sentence. Nil otherwise.
    private func standfirstTitle(
        endingAt last: Int, document: Document, classes: [BlockClass], features: [LineFeatures], separators: [Bool]
    ) -> Int? {
        let paragraph = document.blocks[last].paragraph
        var first = last
        while first > 0, document.blocks[first - 1].paragraph == paragraph { first -= 1 }
        guard last - first < 2, first > 0 else { return nil }
        var words = 0
        for index in first...last {
            guard !document.blocks[index].isDecided, !separators[index], document.blocks[index].kind == .paragraph
            else { return nil }
            switch classes[index] {
            case .good, .nearGood, .short: break
            case .bad, .neutral: return nil
            }
            words += features[index].words
            if features[index].hasPipe || features[index].links > 0 { return nil }
        }
        guard words >= 8, words <= 40, features[last].endsLikeSentence else { return nil }
        let title = first - 1
        let line = features[title]
        guard !document.blocks[title].isDecided, !separators[title], case .short = classes[title],
            document.blocks[title].kind == .paragraph || document.blocks[title].kind == .heading,
            line.words >= 3, line.words <= 15, !line.endsLikeSentence, !line.hasPipe, line.links == 0
        else { return nil }
        return title
    }

    /// A linked byline: a short line that is mostly one link (the author's profile).
    private func isLinkedByline(_ blockClass: BlockClass, _ line: LineFeatures) -> Bool {
        guard case .bad(let ruleID, _) = blockClass, ruleID == LinkDenseHeuristic.id else { return false }
        return line.links == 1 && line.words >= 2 && line.words <= 8 && !line.hasPipe
    }

    /// A standfirst: one sentence-sized line of prose words, not a list or a menu.
    private func isStandfirst(_ blockClass: BlockClass, _ line: LineFeatures) -> Bool {
        switch blockClass {
        case .good, .nearGood, .short: return line.words <= 40 && !line.hasPipe && line.links == 0
        case .bad, .neutral: return false
        }
    }

    private func isDroppedAnywhere(_ index: Int, document: Document, classes: [BlockClass]) -> Bool {
        if document.blocks[index].verdictAction == .drop { return true }
        if case .bad(let ruleID, _) = classes[index] { return ruleID == PlaceholderHeuristic.id }
        return false
    }

    private func dropShortRuns(
        in region: ClosedRange<Int>, document: inout Document, features: [LineFeatures], classes: [BlockClass]
    ) {
        var runStart = region.lowerBound
        var index = region.lowerBound
        while index <= region.upperBound + 1 {
            let inRun = index <= region.upperBound && !document.blocks[index].isDecided
                && ShortRunHeuristic.isCandidate(features[index], classes[index])
            if !inRun {
                if index - runStart >= thresholds.shortRunLength {
                    for member in runStart..<index {
                        document.blocks[member].verdict = .drop(
                            ShortRunHeuristic.id, "one of \(index - runStart) short lines in a row",
                            score: Double(index - runStart))
                    }
                }
                runStart = index + 1
            }
            index += 1
        }
    }

    /// Lines of a run of inline media text that count against the article region.
    static let mediaRunPaidLines = 3

    /// Whether the `lines` lines above `index` are all inline media text a rule dropped.
    private static func followsInlineMedia(_ index: Int, lines: Int, in blocks: [Block]) -> Bool {
        guard index >= lines else { return false }
        for above in (index - lines)..<index {
            guard blocks[above].verdictAction == .drop, blocks[above].verdictSignals?.contains(.inlineMedia) == true
            else { return false }
        }
        return true
    }
}
