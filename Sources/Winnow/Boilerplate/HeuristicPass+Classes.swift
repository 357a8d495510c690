extension HeuristicPass {
    /// Each line's class (prose, short, boilerplate-shaped, neutral) and the comment-thread
    /// separators that the lines' own shapes and the rules' signals mark.
    func classify(_ document: Document, features: [LineFeatures], language: String?, _ t: HeuristicThresholds) -> PageLines {
        let count = document.blocks.count
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
        // The fields the list detectors ask of every line, read once through the blocks' buffer:
        // `document.blocks[i].kind` in a closure copied the block, retaining its strings.
        var isListItem = [Bool](repeating: false, count: count)
        var paragraphs = [Int](repeating: 0, count: count)
        var isDecided = [Bool](repeating: false, count: count)
        var numbers = [Int?](repeating: nil, count: count)
        document.blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices {
                isListItem[index] = blocks[index].kind == .listItem
                paragraphs[index] = blocks[index].paragraph
                isDecided[index] = blocks[index].verdictAction != nil
                // The number a list item opens with (`CountedList`), for the listicle's
                // subheadings here and the counted lists of the region: only an item whose raw
                // text holds a digit is read as text.
                guard isListItem[index], blocks.withUTF8Text(at: index, { $0.contains { (0x30...0x39).contains($0) } })
                else { continue }
                numbers[index] = CountedList.leadingNumber(Block.plainText(of: document.blocks, at: index))
            }
        }
        // Nor is a line of a quantity list ("• 1 cup powdered sugar"), links or not.
        let quantityLines = QuantityList.wholeLists(
            QuantityList.members(features: features, text: { Block.plainText(of: document.blocks, at: $0) }),
            isListItem: { isListItem[$0] }, paragraph: { paragraphs[$0] })
        // Nor is an entry of a list of phrases ("Long battery life"): a review's pros and cons;
        // nor of a list of fields ("Cost: 40 million euros"): a fact box.
        var phraseLines = PhraseList.members(
            features: features, isListItem: { isListItem[$0] }, isDecided: { isDecided[$0] }, paragraph: { paragraphs[$0] })
        let fieldLines = FieldList.members(
            count: count, isListItem: { isListItem[$0] }, isDecided: { isDecided[$0] }, paragraph: { paragraphs[$0] },
            text: { Block.plainText(of: document.blocks, at: $0) })
        for index in fieldLines.indices where fieldLines[index] { phraseLines[index] = true }
        // Nor is a listicle's numbered subheading with its paragraph under it ("2. Eat at a tasca").
        let subheadings = CountedList.subheadings(
            count: count, number: { features[$0].words <= t.longWords ? numbers[$0] : nil },
            isProse: { features[$0].words > t.mediumWords && features[$0].endsLikeSentence })

        var lineThresholds = LineThresholds(blocks: document.blocks, page: language, base: thresholds)
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
            // A timestamped line that counts the post's comments is the post's meta line; one
            // naming its author by handle is an embedded post's attribution; a video card's
            // running time is no timestamp, nor is a live blog's entry time under prose.
            // A list entry that goes on past its heading word is no heading (`isListEntry`).
            if let reason = CommentThreadHeuristic.separatorReason(line, t),
                reason == CommentThreadHeuristic.bylineReason
                    ? !(document.blocks[index].verdictSignals?.contains(.notCommentByline) == true
                        || Self.isPostByline(
                            Block.plainText(of: document.blocks, at: index), words: line.words,
                            underProse: classes.last.map { $0 == .good || $0 == .nearGood } == true))
                    : !Self.isListEntry(line, kind: kind)
            {
                separators[index] = true
                separatorReasons[index] = reason
            } else if CountedCommentHeading.isCandidate(line), !Self.isListEntry(line, kind: kind),
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
            // A markdown table's delimiter row or a row of empty cells (`| --- |`, `|  |`) is
            // markup, no text (the writer leaves it out): it neither pays nor costs. As inline
            // menus, markdownify's empty one-cell tables around in-article "related" boxes made
            // three bad lines each between the article's paragraphs. (All separators neutral,
            // rules and drawn lines too: html2text -0.0001, both ways on a dozen pages.)
            let separatorMark = kind == .separator ? document.blocks.withUTF8Text(at: index, { $0.first }) : nil
            if separatorMark == UInt8(ascii: "|") {
                classes.append(.neutral)
                continue
            }
            // Emphasis marks alone (`**`, `_`: html2text closes bold or italics on a line of its
            // own, under a heading that introduces a list) show no text either, and are no
            // placeholder: the lone `*` (an item whose text was an image) still is.
            if line.isPlaceholder, line.words == 0, document.blocks.withUTF8Text(at: index, Self.isEmphasisResidue) {
                classes.append(.neutral)
                continue
            }
            // A code fence (```` ```swift ````) shows no text either, but it is no placeholder.
            if separatorMark != UInt8(ascii: "`"),
                let reason = PlaceholderHeuristic.reason(line),
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
                // So is an address that the sentence above introduces ("… a dedicated mailbox:"
                // over its mailto: link).
                if longSentence || LinkDenseHeuristic.wrapsLinksInText(line, in: document.blocks, at: index)
                    || LinkDenseHeuristic.isIntroducedAddress(
                        at: index, classes: classes, features: features, blocks: document.blocks, t)
                {
                    classes.append(.neutral)
                } else {
                    classes.append(.bad(ruleID: LinkDenseHeuristic.id, reason: reason))
                }
            } else if !(showsLinks && kind == .listItem && line.links == 0), !quantityLines[index], !subheadings[index], !phraseLines[index],
                let reason = MenuItemHeuristic.reason(line, kind: kind, t)
            {
                classes.append(.bad(ruleID: MenuItemHeuristic.id, reason: reason))
            } else if linkList[index] {
                classes.append(.bad(ruleID: LinkListHeuristic.id, reason: "one of a run of list items that open with a link"))
            } else if let reason = CardTitleHeuristic.reason(line) {
                classes.append(.bad(ruleID: CardTitleHeuristic.id, reason: reason))
            } else if line.words > 0, line.words < t.repeatMaxWords, case let seen = repeats.count(of: line.fingerprint),
                seen >= t.repeatCount
            {
                classes.append(.bad(ruleID: RepeatedLineHeuristic.id, reason: "line occurs \(seen) times in the page"))
            } else if document.blocks.withUTF8Text(at: index, { ScriptCodeHeuristic.isCode($0) }) {
                classes.append(.bad(ruleID: ScriptCodeHeuristic.id, reason: ScriptCodeHeuristic.reason))
            } else {
                let judged = lineThresholds.of(index, (t, stopwordsUsable))
                classes.append(BlockClass.classify(line, stopwordsUsable: judged.stopwordsUsable, judged.thresholds))
            }
        }

        // A picture's alt text over its dropped caption goes with the caption. Its class stays
        // what it is: unlike a caption over a credit line, it weighs on the region as any
        // short line (made neutral, it let a header's blurb join the article on a page whose
        // header shows a picture; rule-dropped captions made neutral too let teaser grids in).
        if !options.keepCaptions {
            for index in 0..<count where !captionLines[index]
                && CaptionAboveCredit.isAltText(at: index, blocks: document.blocks, features: features)
            {
                captionLines[index] = true
            }
        }

        // A figure between two of the article's paragraphs does not cut a short article in two.
        for index in InlineFigure.weightlessLines(
            classes: classes, features: features, captionLines: captionLines, blocks: document.blocks)
        {
            classes[index] = .neutral
        }

        // A paragraph hard-wrapped at a fixed width is judged whole: its lines are fragments.
        WrappedProse.classifyRuns(
            of: document.blocks, features: features, classes: &classes, stopwordsUsable: stopwordsUsable, t)
        return PageLines(
            features: features, classes: classes, captionLines: captionLines, separators: separators,
            separatorReasons: separatorReasons, countedHeadings: countedHeadings, quantityLines: quantityLines,
            subheadings: subheadings, phraseLines: phraseLines, listNumbers: numbers)
    }

    /// Marks the comment bylines that need the classes (dated bylines, bylines inline with their
    /// comment) and unmarks the lines that only look like comment markers.
    func markCommentSeparators(_ page: inout PageLines, in document: Document, _ t: HeuristicThresholds) {
        let features = page.features
        let classes = page.classes
        let words = page.words
        var separators = page.separators
        var separatorReasons = page.separatorReasons
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
        // Nor is an event programme's line of times.
        Timetable.unmarkTimetables(
            separators: &separators, reasons: &separatorReasons, features: features,
            paragraph: { document.blocks[$0].paragraph }, text: { Block.plainText(of: document.blocks, at: $0) })
        // A quoted article's source line over its address is no comment byline.
        SourceCitation.unmarkCitations(
            separators: &separators, reasons: &separatorReasons, plainText: { Block.plainText(of: document.blocks, at: $0) })
        CountedCommentHeading.keepMetaLines(page.countedHeadings, separators: &separators, reasons: &separatorReasons, classes: classes)
        RepeatedCommentHeading.keepEarlierCopies(
            separators: &separators, reasons: &separatorReasons, features: features, classes: classes,
            headingReason: CommentThreadHeuristic.headingReason)
        CommentThreadHeuristic.keepArticleBylines(
            separators: &separators, reasons: separatorReasons, classes: classes, words: words, t)
        page.separators = separators
        page.separatorReasons = separatorReasons
    }

    /// Whether a line is a list entry that goes on after its heading word ("3. Discussion
    /// about the next meeting, when? What type?" on an agenda, "170. Initial Thoughts on
    /// Boumediene (Feb. 20, 2007)" in an index of posts): no comment heading, which is a
    /// count and its word on a line of its own ("3 Comments", "27 comments to …").
    static func isListEntry(_ line: LineFeatures, kind: BlockKind) -> Bool {
        kind == .listItem && line.words >= 4
    }

    /// Whether a line is the emphasis marks html2text leaves on a line of their own (`**`, `_`,
    /// `**_`): not a lone `*` (an item marker), nor a thematic break (`***`, `___`, `* * *`).
    static func isEmphasisResidue(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let first = raw.first, raw.count <= 4, InlineMarkup.isOnlyStrayEmphasis(raw), !raw.contains(0x20), !raw.contains(0x09)
        else { return false }
        if raw.count == 1 { return first == UInt8(ascii: "_") }
        return raw.count == 2 || raw.contains { $0 != first }
    }

    /// Lines of a run of inline media text that count against the article region.
    static let mediaRunPaidLines = 3

    /// Whether the `lines` lines above `index` are all inline media text a rule dropped.
    fileprivate static func followsInlineMedia(_ index: Int, lines: Int, in blocks: [Block]) -> Bool {
        guard index >= lines else { return false }
        for above in (index - lines)..<index {
            guard blocks[above].verdictAction == .drop, blocks[above].verdictSignals?.contains(.inlineMedia) == true
            else { return false }
        }
        return true
    }

    /// Whether a timestamped line is no comment's byline: the post's meta line with its comment
    /// count, an embedded post's attribution, a label with a running time (a video card), or,
    /// right under a prose line, a live blog's entry time, or a schedule's time ("ab 23:00
    /// Uhr", "14:00–17:30"). The line's text is made once.
    private static func isPostByline(_ text: String, words: Int, underProse: Bool) -> Bool {
        PostMetaHeuristic.countsComments(text) || EmbeddedPostAttribution.isAttribution(text)
            || DurationLabel.isLabel(text, words: words) || underProse && LiveBlogTime.isTimeOnly(text)
            || words >= EventTime.minimumWords && EventTime.isSchedule(text)
    }
}
