import CTextScan

/// Finds the article's title above the article region by what it says: a title names the
/// article's subject, so most of its content words (not stopwords, not numbers) come back in
/// the first paragraphs, while a menu entry, a site name or another story's headline shares
/// little with them.
///
/// The title walk (two short lines right above the prose) and the markdown-heading walk miss a
/// plain-text title with a byline block, a share bar or a lead image between it and the text.
/// This heuristic looks up to `titleSearchLines` lines above the region (across a dated byline
/// or a comment tab of at most two words, never across a longer comment heading) for the
/// nearest line, not a list item or a piped menu, of 3 to `titleMaximumWords` words with at
/// least `titleMinimumShared` (2) content words, and at least `titleOverlap` of them, that
/// occur in the article's first `titleProseWords` words. The region then starts at that
/// line: the byline and date lines between join it, and boilerplate-shaped lines between
/// (menus, share buttons) are still dropped by their own heuristics. Never drops a line.
///
/// Source: the title/content overlap used by news extractors to find the headline (e.g.
/// Newspaper's and Goose's title scoring against the body); the field notes (users ask that
/// the title and byline survive).
enum TitleMatchHeuristic {
    static let id = "heuristic.title-match"
    static let description = HeuristicDescription(
        id: id,
        name: "Title match",
        description: "Widens the article region up to a line above it whose content words come back in the article's first paragraphs (its title); the byline and date lines between join it (keeps; never drops).",
        source: "title/body word overlap of news extractors (Newspaper, Goose); field notes (keep title and byline)",
        examples: [
            // The title walk keeps the two short lines right above the text; the title sits
            // five lines up and shares "Millbrook", "bridge", "open" and "delay" with the text.
            HeuristicExample("""
                Millbrook bridge to open in May after long delay
                Sam Reed, county reporter
                Tuesday 4 June
                Updated Wednesday 5 June
                Listen to this story
                The new bridge at Millbrook will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and the delay has cost the county dearly.
                """),
            // The standfirst matches the story best; the headline above it joins too.
            HeuristicExample("""
                Millbrook bridge opening delayed again
                The county blames the steel order and a wet winter for the Millbrook delay
                Sam Reed, county reporter
                The new bridge at Millbrook will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and the delay has cost the county dearly.
                """),
        ])

    /// The index of the title line above `lower`, or `nil`.
    ///
    /// `text(i)` gives the plain text of line `i`; `crossable(i)` says whether the search may
    /// step over the comment separator at `i`.
    /// A matched line this long can be a standfirst with the headline above it (a shorter one
    /// is a title, and the line above it a blog's or section's name).
    static let standfirstWords = 10

    static func title(
        above lower: Int, upper: Int, classes: [BlockClass], features: [LineFeatures], separators: [Bool],
        stopwordBit: UInt64?, text: (Int) -> String, isListItem: (Int) -> Bool, crossable: (Int) -> Bool,
        _ t: HeuristicThresholds
    ) -> Int? {
        guard t.titleSearchLines > 0, lower > 0 else { return nil }
        let index = StopwordIndex.shared
        // The article's first words, as hashes of case-folded content words: read only when a
        // line above has a title's shape (on many pages none has, and reading the first
        // paragraphs' words was most of this heuristic's cost). Without any, there is no title.
        var known: Set<Int>?
        func proseWords() -> Set<Int> {
            if let known { return known }
            let prose = Self.proseWords(
                from: lower, upper: upper, classes: classes, features: features, stopwordBit: stopwordBit, text: text, t)
            known = prose
            return prose
        }
        var candidate = lower - 1
        while candidate >= 0, lower - candidate <= t.titleSearchLines {
            defer { candidate -= 1 }
            if separators[candidate] {
                // A "Comments" tab, a "3 Comments" meta line or a dated byline sits between a
                // title and its text; a longer comment heading ends the search.
                guard crossable(candidate) else { return nil }
                continue
            }
            let shape = features[candidate]
            switch classes[candidate] {
            case .good, .nearGood, .short: break
            default: continue
            }
            guard shape.words >= 3, shape.words <= t.titleMaximumWords, !shape.hasPipe, !isListItem(candidate) else {
                continue
            }
            let prose = proseWords()
            guard !prose.isEmpty else { return nil }
            var content = 0
            var shared = 0
            forEachContentWord(text(candidate), index: index, stopwordBit: stopwordBit) { word in
                content += 1
                if prose.contains(word) { shared += 1 }
            }
            if shared >= t.titleMinimumShared, Double(shared) >= t.titleOverlap * Double(content) {
                // A news standfirst repeats the story's words more than its headline does, so
                // the match is often the standfirst: the headline right above it joins when it
                // shares words with the standfirst or the story.
                var words = prose
                forEachContentWord(text(candidate), index: index, stopwordBit: stopwordBit) { words.insert($0) }
                let above = candidate - 1
                guard shape.words >= standfirstWords, above >= 0, !separators[above], case .short = classes[above] else {
                    return candidate
                }
                let headline = features[above]
                guard headline.words >= 3, headline.words <= t.titleMaximumWords, !headline.hasPipe, !isListItem(above),
                    headline.words < shape.words
                else { return candidate }
                var headlineShared = 0
                forEachContentWord(text(above), index: index, stopwordBit: stopwordBit) { word in
                    if words.contains(word) { headlineShared += 1 }
                }
                return headlineShared >= t.titleMinimumShared ? above : candidate
            }
        }
        return nil
    }

    /// The content words (hashes of case-folded words that are not stopwords) of the prose
    /// lines from `lower` on, up to `titleProseWords` words, and of the short lines for which
    /// `countsShortLine` is true.
    static func proseWords(
        from lower: Int, upper: Int, classes: [BlockClass], features: [LineFeatures], stopwordBit: UInt64?,
        countsShortLine: (Int) -> Bool = { _ in false }, text: (Int) -> String, _ t: HeuristicThresholds
    ) -> Set<Int> {
        var prose = Set<Int>()
        var words = 0
        var line = lower
        while line <= upper, words < t.titleProseWords {
            switch classes[line] {
            case .short where !countsShortLine(line): break
            case .good, .nearGood, .short:
                words += features[line].words
                forEachContentWord(text(line), index: StopwordIndex.shared, stopwordBit: stopwordBit) { prose.insert($0) }
            default:
                break
            }
            line += 1
        }
        return prose
    }

    /// Whether `line` has a content word that comes back in `prose` (from `proseWords`).
    static func sharesContentWord(_ line: String, with prose: Set<Int>, stopwordBit: UInt64?) -> Bool {
        var shared = false
        forEachContentWord(line, index: StopwordIndex.shared, stopwordBit: stopwordBit) { word in
            if prose.contains(word) { shared = true }
        }
        return shared
    }

    /// Calls `body` with a hash of every word of `text` that is neither a stopword (of the
    /// document's language, or of any list when it is unknown) nor made of digits alone.
    /// Words are runs of ASCII letters and digits and non-ASCII characters other than general
    /// punctuation (U+2000–U+206F: curly quotes, dashes), ASCII case-folded.
    static func forEachContentWord(
        _ text: String, index: StopwordIndex, stopwordBit: UInt64?, _ body: (Int) -> Void
    ) {
        var text = text
        // The kernel finds the words and looks them up in batches (the table's loads missed
        // cache one word at a time); a line has fewer words than bytes.
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: Int64.self, capacity: max(bytes.count, 1)) { hashes in
                let found = Int(
                    winnow_content_words(
                        bytes.baseAddress, Int64(bytes.count), index.kernel.table, stopwordBit ?? 0, hashes.baseAddress,
                        Int64(hashes.count)))
                for word in hashes.prefix(min(found, hashes.count)) { body(Int(word)) }
            }
        }
    }
}
