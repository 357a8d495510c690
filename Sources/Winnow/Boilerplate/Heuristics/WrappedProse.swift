/// Finds paragraphs that a renderer hard-wrapped at a fixed width, so that their lines are
/// judged together.
///
/// lynx, w3m at its default width, html2text's default `body_width`, mail and `fold`/`fmt`
/// break a paragraph into lines of at most 72–80 columns. Judged one by one, such lines are
/// medium-length fragments that rarely end like a sentence, and in languages with long words
/// (German, Finnish) a full line holds 10–13 words: the classifier calls them short and the
/// article region breaks apart (the dev set folded at 78 columns scored F1 0.39 before this).
/// A line is wrapped when the next line of its paragraph starts with a word that would not
/// have fitted after it (the test reflow tools such as `format=flowed` use); a run of such
/// lines is one paragraph, classified by its totals (jusText classifies paragraphs, not lines).
enum WrappedProse {
    static let id = "heuristic.wrapped-prose"
    static let description = HeuristicDescription(
        id: id,
        name: "Hard-wrapped paragraphs",
        description: "Lines of a paragraph wrapped at a fixed width (72–80 columns: text browsers, html2text, mail), or broken at any width inside a sentence that runs on to the next line (a comma, or a lower-case line: markdownify keeps the HTML source's breaks), are classified as one paragraph, so wrapped prose in any language stays article. It drops nothing itself.",
        source: "jusText (paragraphs as the unit); format=flowed reflow (a line is wrapped when the next word would not have fitted)",
        examples: [
            // Without it, the second paragraph's lines (13 words, no sentence ending) were short
            // lines after the article and went with the footer zone.
            HeuristicExample("""
                Die Bundesregierung will im kommenden Jahr rund zwölf Milliarden Euro einsparen.
                Das geht aus einem Papier des Finanzministeriums hervor, das der Redaktion
                vorliegt. Betroffen sind vor allem Förderprogramme für Unternehmen.

                Kritik kam von den Grünen. Die Kürzungen träfen ausgerechnet die Investitionen
                in den Klimaschutz, sagte die Fraktionsvorsitzende. Die SPD kündigte an, die
                Vorschläge im Detail prüfen zu wollen.
                """),
            // A short article wrapped at 60 columns: no line is long on its own.
            HeuristicExample("""
                The coastal road was closed on Tuesday after the storm
                washed sand and stones over the tarmac, and the council
                said it would stay shut for the rest of the week while
                crews clear it.

                Residents were told to use the inland route, which adds
                about twenty minutes to the drive into town for most of
                the people who live along the bay.
                """),
            // Broken where the site's HTML source was, at no fixed width (markdownify keeps
            // those breaks): a sentence that runs on to a lower-case line holds the lines
            // together. Without it, the second paragraph went with the footer zone.
            HeuristicExample("""
                Harbour board asks for more money

                The harbour board met on Thursday to discuss
                the cost of the new pier, which has risen by a third
                since the first plans were drawn up two years ago, when
                the council still hoped to share the bill with the port.

                Members agreed to ask the regional government for
                more money before work starts in the spring, and
                said that the ferry timetable would not change while the
                builders are on the quay.
                """),
        ])

    /// Lines shorter than this share of the wrap width are not full lines.
    static let fullLineShare = 0.6
    /// Narrower "wrap widths" are columns of short lines (menus), not wrapped text.
    static let minimumWidth = 40
    /// Full lines needed before a width counts as the page's wrap width.
    static let minimumFullLines = 3
    /// Breakable lines wider than the wrap width that a wrapped page may hold (or 5 % of its
    /// full lines): more, and the page was not wrapped at that width.
    static let maximumOverlongLines = 2
    /// How far short of the wrap width a wrapped line may end (about one long word).
    static let nearWidth = 12
    /// Lines within this many columns of the wrap width reach it.
    static let edgeWidth = 3

    /// The runs of two or more lines that make one wrapped paragraph, in order.
    static func runs(of blocks: [Block]) -> [Range<Int>] {
        guard blocks.count > 1 else { return [] }
        // Only a line followed by a plain line of the same paragraph can be wrapped.
        var candidates: [Int] = []
        for index in blocks.indices.dropFirst() where blocks[index].kind == .paragraph
            && blocks[index - 1].paragraph == blocks[index].paragraph && canWrap(blocks[index - 1].kind)
        {
            candidates.append(index - 1)
        }
        guard !candidates.isEmpty else { return [] }
        // Columns never exceed bytes, so lines with fewer bytes than a width are measured only
        // when a test needs them.
        var measured = [(columns: Int, firstWord: Int)?](repeating: nil, count: blocks.count)
        func measurement(_ index: Int) -> (columns: Int, firstWord: Int) {
            if let known = measured[index] { return known }
            // In place: `let block = blocks[index]` copied the block, retaining its strings.
            let (columns, firstWord) = blocks.withUTF8Text(at: index, Self.measure)
            let result = (blocks[index].indent + columns, firstWord)
            measured[index] = result
            return result
        }
        var widths: [Int] = []
        // A wrapped link joined back (several input lines) is as wide as its pieces together:
        // it says nothing of the width, and it is a wrapped line itself.
        for index in blocks.indices where canWrap(blocks[index].kind) && blocks[index].origin.lineCount == 1
            && blocks[index].indent + blocks[index].utf8Count >= minimumWidth
        {
            widths.append(measurement(index).columns)
        }
        // Of the widths that many lines come close to, the one that explains the most line
        // breaks (the next line's first word would not have fitted): a few wide lines (a long
        // word, an indented quote) must not set the width above the one the text was cut at.
        func isWrapped(_ line: Int, width: Int, full: Int) -> Bool {
            if blocks[line].origin.lineCount > 1 { return true }
            guard blocks[line].indent + blocks[line].utf8Count >= full else { return false }
            let columns = measurement(line).columns
            return columns >= full && columns <= width && columns + 1 + measurement(line + 1).firstWord > width
        }
        let wide = measured.compactMap { $0 }
        var best: (width: Int, wrapped: Int)? = nil
        for width in wrapWidths(widths) {
            let full = Int((Double(width) * fullLineShare).rounded(.up))
            // A page wrapped at `width` has no line beyond it that could have been broken
            // there: a few over-long lines (a table row, a long link) are allowed, prose lines
            // are not.
            var fullLines = 0
            var overlong = 0
            for (columns, firstWord) in wide where columns >= full {
                fullLines += 1
                if columns > width, firstWord < width { overlong += 1 }
            }
            guard overlong <= max(maximumOverlongLines, fullLines / 20) else { continue }
            var wrapped = 0
            for line in candidates where isWrapped(line, width: width, full: full) { wrapped += 1 }
            if wrapped > best?.wrapped ?? -1 { best = (width, wrapped) }
        }
        guard let width = best?.width else { return [] }
        let full = Int((Double(width) * fullLineShare).rounded(.up))
        func isWrapped(_ line: Int) -> Bool { isWrapped(line, width: width, full: full) }
        var runs: [Range<Int>] = []
        var start: Int?
        for (position, line) in candidates.enumerated() {
            if isWrapped(line) {
                if start == nil { start = line }
                // The run goes on only when the next candidate is the next line.
                let next = position + 1 < candidates.count ? candidates[position + 1] : -1
                if next != line + 1 {
                    if let first = start { runs.append(first..<(line + 2)) }
                    start = nil
                }
            } else if let first = start {
                runs.append(first..<(line + 1))
                start = nil
            }
        }
        return runs
    }

    /// Kinds whose lines a renderer wraps (a list item's or quote's first line continues in
    /// plain lines).
    private static func canWrap(_ kind: BlockKind) -> Bool {
        kind == .paragraph || kind == .listItem || kind == .quote
    }

    /// Wrap widths tried per page, widest first.
    static let maximumWidthsTried = 4

    /// Widths the page may have been wrapped at, widest first: widths that many of its lines
    /// come close to (a wrapper leaves each line short of the width by less than a word) and
    /// that several lines reach, so that a few stray wide lines (a table row, a long link) do
    /// not make one.
    static func wrapWidths(_ widths: [Int]) -> [Int] {
        let wrappable = wrappableWidths(widths)
        let needed = max(minimumFullLines, wrappable.count / 4)
        let reaching = max(2, wrappable.count / 50)
        guard wrappable.count >= needed else { return [] }
        var found: [Int] = []
        var near = 0
        var edge = 0
        for (high, width) in wrappable.enumerated() where found.last != width {
            // wrappable[high..<near] are the widths in [width - nearWidth, width], and
            // wrappable[high..<edge] those in [width - edgeWidth, width].
            near = max(near, high)
            while near < wrappable.count, wrappable[near] >= width - nearWidth { near += 1 }
            edge = max(edge, high)
            while edge < wrappable.count, wrappable[edge] >= width - edgeWidth { edge += 1 }
            if near - high >= needed, edge - high >= reaching {
                found.append(width)
                if found.count == maximumWidthsTried { break }
            }
        }
        return found
    }

    /// The widths from `minimumWidth` up to (not including) `Segmenter.unwrappedLineCharacters`,
    /// widest first. Counted, not compared: they are a few dozen small integers' repeats, and
    /// a comparison sort of every line's width cost a fifth of this heuristic.
    static func wrappableWidths(_ widths: [Int]) -> [Int] {
        let limit = Segmenter.unwrappedLineCharacters
        guard limit > minimumWidth else { return [] }
        var counts = [Int](repeating: 0, count: limit)
        var total = 0
        for width in widths where width >= minimumWidth && width < limit {
            counts[width] += 1
            total += 1
        }
        var wrappable: [Int] = []
        wrappable.reserveCapacity(total)
        for width in stride(from: limit - 1, through: minimumWidth, by: -1) where counts[width] > 0 {
            wrappable.append(contentsOf: repeatElement(width, count: counts[width]))
        }
        return wrappable
    }

    /// Display columns of a line (East Asian wide characters take two) and of its first word
    /// (up to the first space; a line without spaces is all one word, which never fits after
    /// a full line: Chinese and Japanese wrap anywhere).
    static func measure(_ bytes: UnsafeRawBufferPointer) -> (columns: Int, firstWord: Int) {
        var columns = 0
        var firstWord = -1
        var index = 0
        let count = bytes.count
        while index < count {
            // ASCII eight bytes at a time once the first word is known (most lines are ASCII).
            if firstWord >= 0, index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                columns += 8
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20, firstWord < 0 { firstWord = columns }
                columns += 1
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var scalar = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : length == 2 ? 0x1F : 0x7F)
            var offset = 1
            while offset < length, index + offset < count {
                scalar = (scalar << 6) | (UInt32(bytes[index + offset]) & 0x3F)
                offset += 1
            }
            columns += isWide(scalar) ? 2 : isCombining(scalar) ? 0 : 1
            index += length
        }
        return (columns, firstWord < 0 ? columns : firstWord)
    }

    /// East Asian wide and full-width ranges (UAX #11, the blocks that matter for wrapping).
    static func isWide(_ scalar: UInt32) -> Bool {
        (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar)
            || (0xAC00...0xD7A3).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
            || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0xFFE0...0xFFE6).contains(scalar) || (0x20000...0x3FFFD).contains(scalar)
    }

    /// Combining marks take no column of their own.
    static func isCombining(_ scalar: UInt32) -> Bool {
        (0x0300...0x036F).contains(scalar) || (0x0E31...0x0E3A).contains(scalar) || (0x0E47...0x0E4E).contains(scalar)
    }
}

extension WrappedProse {
    /// Gives the lines of each wrapped run the class of the run's totals when that is better
    /// than their own; lines with a boilerplate shape or a rule's verdict keep theirs.
    static func classifyRuns(
        of blocks: [Block], features: [LineFeatures], classes: inout [BlockClass], stopwordsUsable: Bool,
        _ t: HeuristicThresholds
    ) {
        for run in runs(of: blocks) + sentenceRuns(of: blocks, features: features) {
            var whole = LineFeatures()
            for index in run {
                whole.words += features[index].words
                whole.stopwords += features[index].stopwords
            }
            whole.endsLikeSentence = features[run.upperBound - 1].endsLikeSentence
            let wholeClass = BlockClass.classify(whole, stopwordsUsable: stopwordsUsable, t)
            for index in run where !blocks[index].isDecided && rank(classes[index]) < rank(wholeClass) {
                classes[index] = wholeClass
            }
        }
    }

    /// Words a line needs before the sentence it leaves open counts as continued on the next
    /// line (a two-word label over a lower-case menu entry is no sentence).
    static let minimumContinuedWords = 4

    /// The runs of lines that one sentence runs across, whatever their widths: a line that does
    /// not end like a sentence and the line of its paragraph below it, when the line ends with a
    /// comma or the one below opens with a lower-case letter. Converters that keep the line breaks of the HTML source (markdownify)
    /// cut a paragraph wherever the site's editor or template wrapped it, at no fixed width.
    static func sentenceRuns(of blocks: [Block], features: [LineFeatures]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in blocks.indices.dropFirst() {
            let previous = index - 1
            let continues = blocks[index].kind == .paragraph && canWrap(blocks[previous].kind)
                && blocks[previous].paragraph == blocks[index].paragraph && !features[previous].endsLikeSentence
                && features[previous].words >= minimumContinuedWords
                && (blocks.withUTF8Text(at: previous, Self.endsWithComma) || blocks.withUTF8Text(at: index, Self.opensLowercase))
            if continues {
                if start == nil { start = previous }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<blocks.count) }
        return runs
    }

    /// Whether the line ends with a comma (its sentence goes on, whatever the next line's case:
    /// German nouns and names open with a capital).
    static func endsWithComma(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end > 0 && bytes[end - 1] == UInt8(ascii: ",")
    }

    /// Whether the line's first letter is a lower-case one of the Latin or Cyrillic alphabets.
    static func opensLowercase(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte >= 0x61 && byte <= 0x7A { return true }
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        switch byte {
        case 0xC3: return next >= 0x9F && next <= 0xBF && next != 0xB7  // ß à … ÿ, not ÷
        case 0xD0: return next >= 0xB0 && next <= 0xBF  // а … п
        case 0xD1: return next >= 0x80 && next <= 0x9F  // р … я, ѐ … џ
        default: return false
        }
    }

    /// Prose classes in order; boilerplate shapes and neutral lines are never raised.
    private static func rank(_ blockClass: BlockClass) -> Int {
        switch blockClass {
        case .good: 2
        case .nearGood: 1
        case .short: 0
        case .bad, .neutral: Int.max
        }
    }
}
