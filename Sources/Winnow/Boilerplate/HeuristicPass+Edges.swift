extension HeuristicPass {
    /// The first line of the article above `widened`: its title, byline and dateline.
    func top(
        of widened: ClosedRange<Int>, page: PageLines, in document: Document, language: String?, _ t: HeuristicThresholds
    ) -> Int {
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
                if page.separators[index] {
                    // One dated byline between the title and the text is the article's
                    // ("July 24, 2012 12:11 AM", "Posted by Sam at 9:49am"), not a comment's.
                    guard !datelineTaken, page.separatorReasons[index] == CommentThreadHeuristic.bylineReason,
                        !document.blocks[index].isDecided
                    else { break }
                    datelineTaken = true
                    lower = index
                    index -= 1
                    continue
                }
                // The link to the neighbouring posts (or the breadcrumb) tops the post: no title above it.
                if isPostTop(index, in: document) { break }
                // A lead photo's caption goes with its credit: stepped over like the credit.
                if page.captionLines[index] {
                    index -= 1
                    continue
                }
                if skipped < t.titleSkipLines, isDroppedAnywhere(index, document: document, classes: page.classes) {
                    skipped += 1
                    index -= 1
                    continue
                }
                // A news standfirst (one or two lines of summary) under a short headline: both
                // belong to the article, as in a markdown page (`headingAbove`).
                if let title = standfirstTitle(
                    endingAt: index, document: document, classes: page.classes, features: page.features,
                    separators: page.separators)
                {
                    lower = title
                    break
                }
                guard case .short = page.classes[index], page.features[index].words >= 2, !page.features[index].hasPipe else { break }
                lower = index
                if page.features[index].hasTimeOfDay, !datelineTaken {
                    datelineTaken = true
                } else {
                    taken += 1
                }
                index -= 1
            }
        }
        if t.titleLines > 0, let title = headingAbove(
            lower, document: document, classes: page.classes, features: page.features, separators: page.separators)
        {
            lower = title
        } else if let title = TitleMatchHeuristic.title(
            above: lower, upper: widened.upperBound, classes: page.classes, features: page.features, separators: page.separators,
            stopwordBit: StopwordIndex.shared.bit(of: language),
            text: { Block.plainText(of: document.blocks, at: $0) },
            isListItem: { document.blocks[$0].kind == .listItem },
            crossable: { page.features[$0].words <= 2 || page.separatorReasons[$0] == CommentThreadHeuristic.bylineReason }, t)
        {
            lower = title
        }
        return lower
    }

    /// The first line of a text that opens with its article (a page cleaned before, a feed's
    /// item): when no more than `documentHeadLines` lines lie above the article and each is a
    /// short plain line of two words or more (no rule's drop, no boilerplate shape, no rule of
    /// marks, no comment heading) and the first shares a content word with the article, they are
    /// its title, byline and date, and the text is kept from its first line. A date line
    /// ("Wednesday, 7 November 2012", a blog post's date header) speaks of no subject: the
    /// first line after it is the one that must share a word, and a head of dates alone is the
    /// article's date.
    func documentHead(
        above lower: Int, upper: Int, page: PageLines, in document: Document, language: String?, _ t: HeuristicThresholds
    ) -> Int {
        guard t.titleLines > 0, lower > 0, lower <= Self.documentHeadLines else { return lower }
        for index in 0..<lower {
            guard !Block.isDecided(document.blocks, at: index), case .short = page.classes[index], page.features[index].words >= 2,
                !page.features[index].hasPipe, document.blocks[index].kind != .separator,
                !page.separators[index] || page.separatorReasons[index] == CommentThreadHeuristic.bylineReason
            else { return lower }
        }
        let firstNamed = (0..<lower).first { !isDateLine($0, page: page, in: document) }
        guard let firstNamed else { return 0 }
        // A title speaks of what the article says; a masthead ("Daily Valley News") does not.
        let stopwordBit = StopwordIndex.shared.bit(of: language)
        // The article's short sentences count too: "Some annoying news" is told in "I have some
        // annoying news.", a line too short to be prose. Not a byline ("Sam Reed in Valley
        // Town" shares a word with the masthead "Daily Valley News"), nor a rule's drop.
        let prose = TitleMatchHeuristic.proseWords(
            from: lower, upper: upper, classes: page.classes, features: page.features, stopwordBit: stopwordBit,
            countsShortLine: { page.features[$0].endsLikeSentence && !Block.isDecided(document.blocks, at: $0) }, text: { Block.plainText(of: document.blocks, at: $0) }, t)
        return TitleMatchHeuristic.sharesContentWord(
            Block.plainText(of: document.blocks, at: firstNamed), with: prose, stopwordBit: stopwordBit) ? 0 : lower
    }

    /// Whether line `index` is only a date ("Wednesday, 7 November 2012", "October 29 2012"):
    /// a few words, no sentence ending, a date in it.
    private func isDateLine(_ index: Int, page: PageLines, in document: Document) -> Bool {
        let line = page.features[index]
        guard line.words <= PostDateHeader.maximumWords, !line.endsLikeSentence else { return false }
        return DatedBylineHeuristic.containsDate(Block.plainText(of: document.blocks, at: index))
    }

    /// The most lines a text's head (title, byline, date) holds above its article.
    static let documentHeadLines = 3

    /// The last line of the article below `widened`: its tail of short sentences and list entries.
    func end(
        of widened: ClosedRange<Int>, page: PageLines, ruleDropped: [Bool], in document: Document, _ t: HeuristicThresholds
    ) -> Int {
        let count = page.features.count
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
            while index < count, taken < t.tailLines, !page.separators[index] {
                if Block.isDecided(document.blocks, at: index) {
                    guard picturesSkipped < t.titleSkipLines, document.blocks[index].verdictAction == .drop,
                        !ruleDropped[index]
                    else { break }
                    picturesSkipped += 1
                    index += 1
                    continue
                }
                let line = page.features[index]
                let joinable: Bool
                let signOff =
                    picturesSkipped == 0 && page.classes[index] == .short && line.words <= SignOff.maximumWords
                    && SignOff.isSignOff(Block.plainText(of: document.blocks, at: index))
                switch page.classes[index] {
                // A prose line comes here only past a picture (next to the region it is the region's).
                case .short, .nearGood, .good:
                    // A line ending in a colon introduces what follows, which is not joined.
                    joinable = line.words > 0 && !line.endsWithColon
                        && (picturesSkipped == 0
                            ? line.endsLikeSentence || document.blocks[index].kind == .listItem || signOff
                            // Past a picture, a sentence of running text: not the next picture's
                            // caption or a post's meta line ("Design | Comments (0)").
                            : line.endsLikeSentence && !line.hasPipe && line.stopwordDensity >= t.stopwordsHigh)
                default: joinable = false
                }
                guard joinable else { break }
                upper = index
                if signOff {
                    // The signature ends the post; its name may stand on the next line ("Best," / "-Scott").
                    let next = index + 1
                    if next < count, !page.separators[next], !Block.isDecided(document.blocks, at: next),
                        SignOff.isName(Block.plainText(of: document.blocks, at: next))
                    {
                        upper = next
                    }
                    break
                }
                taken += 1
                index += 1
            }
        }
        return upper
    }

    /// The top of the article when a blog post's date header inside `region` tops the post: the
    /// lines above it (a welcome box) are dropped.
    func postTop(
        _ region: ClosedRange<Int>, page: PageLines, in document: inout Document, _ t: HeuristicThresholds
    ) -> Int {
        let features = page.features
        let classes = page.classes
        let separators = page.separators
        var lower = region.lowerBound
        let upper = region.upperBound
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
        return lower
    }

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
}
