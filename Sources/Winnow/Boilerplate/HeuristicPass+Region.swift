extension HeuristicPass {
    /// The article region of the page, or nil when the page has none (then every undecided
    /// line is dropped as `heuristic.no-article`, unless the page is a tiny text).
    func chooseRegion(_ page: PageLines, in document: inout Document, _ t: HeuristicThresholds) -> ArticleRegionChoice? {
        let count = page.features.count
        // The comment thread starts at a heading such as "3 Comments" or "40 Responses to …" on a
        // line of its own: a bulleted or linked "Comments" is a tab or a jump link near the
        // title, a bare "Comments" or "Reply" a tab or a link (but not a markdown heading,
        // "## Comments": Movable Type's thread, dn_R196), "Quick thoughts on the game" no
        // heading at all, and a form ("Leave a Reply") often comes after the comments. Without
        // a bullet, a line in one paragraph with menu-entry-shaped lines is a list entry too
        // (a counter in a toolbar).
        let blankLines = UnmarkedListEntry.usesBlankLines(document.blocks)
        let commentStart = page.separators.indices.first { index in
            page.separators[index] && page.separatorReasons[index] == CommentThreadHeuristic.headingReason
                && (page.features[index].words >= 2 || document.blocks[index].kind == .heading)
                && document.blocks[index].kind != .listItem && document.blocks[index].kind != .linkLine
                && !(blankLines
                    && UnmarkedListEntry.isEntry(at: index, features: page.features, paragraph: { document.blocks[$0].paragraph }, t))
        }
        let breadcrumb = BreadcrumbAnchorHeuristic.anchor(
            count: count, features: page.features,
            isBreadcrumb: { document.blocks[$0].verdictSignals?.contains(.breadcrumb) == true },
            text: { Block.plainText(of: document.blocks, at: $0) })
        // The region and its bridges never span a teaser's read-more line either; the comment
        // thread logic sees only the comment separators.
        let teaserEnds = TeaserBoundary.lines(features: page.features, text: { Block.plainText(of: document.blocks, at: $0) })
        let regionBreaks = teaserEnds.contains(true) ? zip(page.separators, teaserEnds).map { $0 || $1 } : page.separators
        // A picture's or player's own text a rule dropped costs one line, whatever its length:
        // it sits between an article's paragraphs ("Image caption Rebels say …", "Media
        // playback is unsupported on your device"), and at up to five lines' cost a two-line
        // caption ended a short article there.
        var regionWords = document.blocks.indices.map { index in
            guard document.blocks[index].verdictAction == .drop, document.blocks[index].verdictSignals?.contains(.inlineMedia) == true
            else { return page.words[index] }
            return min(page.words[index], 1)
        }
        // A teaser's excerpt is prose of another page: it does not make a region the article,
        // unless the page holds nothing else (a front page of teasers keeps them).
        let excerpts = TeaserBoundary.teaserLines(ends: teaserEnds)
        // A gallery inside the article does not end it: a slideshow's repeated captions, pictures
        // without alt text, a slideshow of pictures whose alt texts take turns.
        var gallery = RepeatedLineHeuristic.slides(features: page.features, classes: page.classes)
        // A markdown line of pictures shows no word: only such lines are read.
        var pictures: [(index: Int, alts: UInt64)] = []
        for index in document.blocks.indices where page.features[index].words == 0 {
            if let alts = document.blocks.withUTF8Text(at: index, { Self.pictureAlts($0) }) { pictures.append((index, alts)) }
        }
        for (position, picture) in pictures.enumerated() where Self.isGalleryPicture(at: position, in: pictures) {
            if gallery == nil { gallery = [Bool](repeating: false, count: count) }
            gallery?[picture.index] = true
        }
        // A gallery's lines weigh as one line each against the region, as a player's do: a
        // slideshow of fourteen bracketed alt texts cost the region seventy words' worth.
        if let gallery {
            for index in gallery.indices where gallery[index] { regionWords[index] = min(regionWords[index], 1) }
        }
        var found: ClosedRange<Int>?
        if !excerpts.isEmpty {
            var withoutExcerpts = page.classes
            for index in excerpts where withoutExcerpts[index] == .good || withoutExcerpts[index] == .nearGood {
                withoutExcerpts[index] = .neutral
            }
            found = ArticleRegionHeuristic.region(
                classes: withoutExcerpts, words: regionWords, separators: regionBreaks, commentStart: commentStart,
                startAfter: breadcrumb, listLines: page.quantityLines, gallery: gallery, t)
        }
        if found == nil {
            found = ArticleRegionHeuristic.region(
                classes: page.classes, words: regionWords, separators: regionBreaks, commentStart: commentStart,
                startAfter: breadcrumb, listLines: page.quantityLines, gallery: gallery, t)
        }
        // A tiny post (no prose) right above the comment area, when the region is missing or
        // weak and elsewhere.
        let isCommentHeading = { (index: Int) in
            page.separators[index] && page.separatorReasons[index] != CommentThreadHeuristic.bylineReason
        }
        let isCommentByline = { (index: Int) in
            page.separators[index] && page.separatorReasons[index] == CommentThreadHeuristic.bylineReason
        }
        func isCommentForm(_ index: Int) -> Bool {
            document.blocks[index].verdictSignals?.contains(.commentForm) == true
                || (page.separators[index] && page.separatorReasons[index] == CommentThreadHeuristic.formReason)
        }
        func isPostFooter(_ index: Int) -> Bool {
            document.blocks[index].verdictSignals?.contains(.postFooter) == true
        }
        // The link to the neighbouring posts or the breadcrumb: the line that tops a post.
        func isPostTop(_ index: Int) -> Bool { self.isPostTop(index, in: document) }
        if let post = PostBeforeCommentsHeuristic.post(
            classes: page.classes, words: regionWords,
            isMarker: { isCommentHeading($0) || isCommentForm($0) || isPostFooter($0) },
            isSkipped: { isDroppedAnywhere($0, document: document, classes: page.classes) },
            isHeading: isCommentHeading,
            isBoundary: isPostTop),
            PostBeforeCommentsHeuristic.prefers(
                post, over: found,
                score: found.map { range in range.reduce(0) { $0 + page.classes[$1].regionScore(words: regionWords[$1], t) } } ?? 0,
                commentStart: commentStart, isForm: isCommentForm, isCommentByline: isCommentByline,
                isBoundary: isPostTop)
        {
            // A weak region inside the post (a song's title over its verses) reaches down to
            // the post's end, or to the post's dated byline ("Posted by … at 6:35 AM") above
            // it; what lies above the region is left to the title walk.
            if let region = found, region.overlaps(post) {
                let below = region.upperBound + 1
                let byline = below <= post.upperBound ? (below...post.upperBound).first { page.separators[$0] } : nil
                var end = max(region.upperBound, (byline ?? post.upperBound + 1) - 1)
                // A label that ends the post introduces the widget under it ("Share this:").
                while end > region.upperBound, page.features[end].endsWithColon { end -= 1 }
                found = region.lowerBound...end
            } else {
                found = post
            }
        } else if let inThread = found, let commentStart,
            PostBeforeCommentsHeuristic.isInThread(inThread, commentStart: commentStart, isCommentByline: isCommentByline),
            let before = ArticleRegionHeuristic.region(
                classes: Array(page.classes[..<commentStart]), words: Array(regionWords[..<commentStart]),
                separators: Array(regionBreaks[..<commentStart]), startAfter: breadcrumb.flatMap { $0 < commentStart ? $0 : nil }, t)
        {
            // A region in the comment thread is a comment: the best one above the thread, however
            // weak, is the article.
            found = before
        }
        guard let found else {
            // No prose anywhere. A page with nothing boilerplate-shaped either (a few plain
            // lines) is a tiny text, kept whole; otherwise it is all boilerplate. A timestamped
            // byline alone is a tiny post's own ("Study Hacks November 7th. 2012, 9:39pm"): a
            // post cleaned once keeps it, and cleaning it again must not drop the post.
            let looksLikeBoilerplate =
                page.classes.contains { $0.isBad }
                || page.separators.indices.contains {
                    page.separators[$0] && page.separatorReasons[$0] != CommentThreadHeuristic.bylineReason
                }
            if !looksLikeBoilerplate { return nil }
            for index in 0..<count where !Block.isDecided(document.blocks, at: index) {
                document.blocks[index].verdict = .drop(
                    ArticleRegionHeuristic.noArticleID, "the page has no run of prose lines", score: 0)
            }
            return nil
        }

        // Fields, not a copy of the block (a copy retains all its strings).
        let ruleDropped = document.blocks.indices.map { index in
            guard document.blocks[index].verdictAction == .drop else { return false }
            // Image text and captions sit inside articles; they do not end one.
            return document.blocks[index].verdictSignals?.contains(.imageText) != true
        }
        let kinds = document.blocks.indices.map { document.blocks[$0].kind }
        var introducedLists = MenuItemHeuristic.introducedEntries(classes: page.classes, features: page.features, kinds: kinds, t)
        let enclosedLists = MenuItemHeuristic.enclosedEntries(
            classes: page.classes, features: page.features, kinds: kinds,
            pageLanguage: document.language?.code, stopwordBit: StopwordIndex.shared.bit(of: document.language?.code),
            // Read in place: `blocks[$0].languageCode` copied the block.
            language: { [blocks = document.blocks] index in blocks.withUnsafeBufferPointer { $0[index].languageCode } },
            text: { [blocks = document.blocks] in Block.plainText(of: blocks, at: $0) })
        for (index, enclosed) in enclosedLists.enumerated() where enclosed {
            introducedLists[index] = true
        }
        // A list counted in order is the article's like an introduced one: inside the region,
        // and for the bridges that cross it.
        let listNumbers = page.listNumbers
        // An entry's detail line is short ("0.9% APR for 24-60 months"), and no rule dropped it
        // (a counter under a widget's entry): the excerpt cut short under each title of a
        // "Recent topics" widget ("I have recently been given an assignmen. […]") is no detail.
        let counted = CountedList.entries(
            count: count, number: { listNumbers[$0] },
            isDetail: {
                (1..<t.longWords).contains(page.features[$0].words) && !ruleDropped[$0] && !page.separators[$0]
                    && !CountedList.endsCutShort(Block.plainText(of: document.blocks, at: $0))
            })
        var articleLists = zip(page.quantityLines, page.phraseLines).map { $0 || $1 }
        for index in 0..<count where counted[index] || page.subheadings[index] {
            introducedLists[index] = true
            articleLists[index] = true
        }
        var excerptMask = [Bool](repeating: false, count: count)
        for index in excerpts { excerptMask[index] = true }
        return ArticleRegionChoice(
            found: found, breadcrumb: breadcrumb, regionBreaks: regionBreaks, ruleDropped: ruleDropped,
            introducedLists: introducedLists, articleLists: articleLists, excerpts: excerptMask)
    }

    /// The region widened by the bridges: over short gaps and in-article widgets, forward and back.
    func widen(
        _ choice: ArticleRegionChoice, page: PageLines, in document: Document, _ t: HeuristicThresholds
    ) -> ClosedRange<Int> {
        let count = page.features.count
        // Rows of a table, an event's fields, a timeline's dated entries: structured blocks of
        // the article, read only where a bridge asks (prose and lines a rule decided are no row).
        let blocks = document.blocks
        let words = page.words
        let classes = page.classes
        let rows = StructuredRows.Lazy(
            count: count,
            shape: { index in
                if case .good = classes[index] { return nil }
                guard blocks[index].verdictAction == nil else { return nil }
                let shape = blocks.withUTF8Text(at: index) {
                    StructuredRows.shape(bytes: $0, kind: blocks[index].kind, words: words[index])
                }
                // A near-good line is prose unless a text browser aligned it in columns: a table
                // row of eight words ("Britax Römer Swingfix M i-Size   500 €   ja   1,7") reads
                // as a short sentence, and its table fell apart into rows and prose.
                if case .nearGood = classes[index], shape != .tableRow { return nil }
                return shape
            },
            label: { index in blocks.withUTF8Text(at: index) { StructuredRows.label(bytes: $0) } })
        // Lines dropped where they sit inside an article too (pictures, captions).
        var pictures = [Bool](repeating: false, count: count)
        document.blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices where blocks[index].verdictAction == .drop && !choice.ruleDropped[index] {
                pictures[index] = true
            }
        }
        let forward = ArticleBridgeHeuristic.bridged(
            choice.found, classes: page.classes, features: page.features,
            separators: choice.regionBreaks, ruleDropped: choice.ruleDropped, introduced: choice.introducedLists,
            articleList: choice.articleLists, structuredRow: rows.contains, pictures: pictures, t)
        // Fields, not a copy of the block (a copy retains all its strings).
        var widget = [Bool](repeating: false, count: count)
        var hasWidget = false
        for index in 0..<count where document.blocks[index].verdictAction == .drop {
            guard document.blocks[index].verdictSignals?.contains(.insideArticleSection) == true else { continue }
            widget[index] = true
            hasWidget = true
        }
        // Lines dropped where they sit inside an article too (captions): both crossings step over them.
        let steppedOver = hasWidget ? pictures : []
        let overWidgets =
            !hasWidget
            ? forward
            : ArticleBridgeHeuristic.bridgedOverWidgets(
                forward, classes: page.classes, features: page.features,
                separators: choice.regionBreaks, ruleDropped: choice.ruleDropped, widget: widget, steppedOver: steppedOver,
                isParagraph: { document.blocks[$0].kind == .paragraph }, introduced: choice.introducedLists, t)
        let backOverWidgets =
            !hasWidget
            ? overWidgets
            : ArticleBridgeHeuristic.bridgedBackOverWidgets(
                overWidgets, classes: page.classes, features: page.features,
                separators: choice.regionBreaks, ruleDropped: choice.ruleDropped, widget: widget, steppedOver: steppedOver,
                isParagraph: { document.blocks[$0].kind == .paragraph }, anchor: choice.breadcrumb,
                introduced: choice.introducedLists, t)
        let widened = ArticleBridgeHeuristic.bridgedBackward(
            backOverWidgets, classes: page.classes, features: page.features,
            separators: choice.regionBreaks, ruleDropped: choice.ruleDropped, anchor: choice.breadcrumb,
            introduced: choice.introducedLists, articleList: choice.articleLists, structuredRow: rows.contains,
            pictures: pictures, t)
        return widened
    }

    /// Whether the line of pictures at `position` of `pictures` (each line's index and
    /// `pictureAlts`) is a gallery's: it has no alt text, or a line of pictures with another
    /// alt text lies next to it (a slideshow's clones take turns: "Strandtasche aus Korb",
    /// "Maxikleid mit Blumen", "Strandtasche aus Korb" …). Seven pictures with one alt text
    /// under an article are no gallery of it: they counted towards its end on the dev set's
    /// pages that take an author box and teasers after such a run.
    static func isGalleryPicture(at position: Int, in pictures: [(index: Int, alts: UInt64)]) -> Bool {
        let picture = pictures[position]
        if picture.alts == 0 { return true }
        func differs(_ other: Int) -> Bool {
            guard pictures.indices.contains(other) else { return false }
            let neighbour = pictures[other]
            return neighbour.alts != 0 && neighbour.alts != picture.alts
                && abs(neighbour.index - picture.index) <= galleryPictureGap
        }
        return differs(position - 1) || differs(position + 1)
    }

    /// The most lines between two pictures of one slideshow (a blank line and a control).
    static let galleryPictureGap = 4

    /// For a line made only of pictures (pandoc's `[]`, markdown's `![alt](url)`), 0 when none
    /// has alt text and otherwise a hash of their alt texts; nil for any other line. Read as
    /// bytes, token by token: most lines fail at their first byte, a link line (`[Home](/)`)
    /// at its second.
    static func pictureAlts(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), bang = UInt8(ascii: "!")
        var index = 0
        var pictures = 0
        var alts: UInt64 = 0
        while true {
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            guard index < bytes.count else { return pictures > 0 ? alts : nil }
            if bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == close {
                index += 2
            } else if bytes[index] == bang, index + 3 < bytes.count, bytes[index + 1] == open {
                // The alt text runs to the first `](`, hashed (FNV-1a) into the line's.
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == close && bytes[index + 1] == UInt8(ascii: "(")) {
                    if alts == 0 { alts = 0xcbf2_9ce4_8422_2325 }
                    alts = (alts ^ UInt64(bytes[index])) &* 0x100_0000_01b3
                    index += 1
                }
                guard index + 1 < bytes.count else { return nil }
                // The address runs to the first `)` (a markdown address holds no space).
                index += 2
                while index < bytes.count, bytes[index] != UInt8(ascii: ")"), bytes[index] != 0x20 { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { return nil }
                index += 1
            } else {
                return nil
            }
            // A picture ends its token.
            guard index == bytes.count || bytes[index] == 0x20 else { return nil }
            pictures += 1
        }
    }
}
