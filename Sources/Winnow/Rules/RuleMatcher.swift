/// Applies compiled rules to one document; lives for one `RuleSet.apply` call.
///
/// Not `Sendable`: it owns a worker's regex copies and scratch arrays.
struct RuleMatcher {
    let compiled: CompiledRules
    let regexes: RegexBundle
    let options: RuleOptions

    /// Per-literal "seen in the current subject" stamps.
    private var stamp: [Int]
    private var generation = 0
    /// Whether the current line contains a literal some block rule needs.
    private var blockHint = false
    /// The current line's candidate ranks (see `collectCandidates`).
    private var candidates: [Int32] = []
    /// Scratch for a line's plain text when its markup has to be parsed.
    private var markupScratch: [UInt8] = []
    /// A paragraph's raw and plain text, its lines joined by `\n`, for the block rules: the
    /// bytes collected here, not a string per line joined into two more strings.
    private var paragraphRaw: [UInt8] = []
    private var paragraphPlain: [UInt8] = []
    /// The worker's line outcomes (`RegexBundle.lineOutcomes`), moved here for one `apply`:
    /// through the bundle's stored property every lookup and store began a dynamic
    /// exclusivity access.
    private var lineOutcomes = Self.idleMemo

    /// What the bundle holds while `apply` has its memo: a tiny memo that nothing reads.
    private static let idleMemo = LineMemo<LineOutcome>(capacity: 1)

    init(compiled: CompiledRules, regexes: RegexBundle, options: RuleOptions) {
        self.compiled = compiled
        self.regexes = regexes
        self.options = options
        stamp = Array(repeating: 0, count: compiled.literalCount)
    }

    mutating func apply(to document: inout Document) {
        guard !document.blocks.isEmpty, !compiled.entries.isEmpty else { return }
        // A regex that ran past its time limit on one of this document's lines is reported
        // with the document (a user's catastrophic pattern must not pass unnoticed).
        let timedOutBefore = regexes.timedOut.count
        defer { document.timedOutPatterns += regexes.takeTimedOut(after: timedOutBefore) }
        let order = compiled.lineOrder

        // Line rules, and which lines open a section. Each line tries only the rules whose
        // prefilter it passes, in rank order. Lines are read as bytes: no string is made.
        var labels: [(block: Int, entry: CompiledRules.Entry)] = []
        var paragraphHints: Set<Int> = []
        if regexes.outcomesKeepCaptions != options.keepCaptions {
            regexes.lineOutcomes.removeAll()
            regexes.outcomesKeepCaptions = options.keepCaptions
        }
        swap(&lineOutcomes, &regexes.lineOutcomes)
        defer { swap(&lineOutcomes, &regexes.lineOutcomes) }
        // Read once: a copy per line would retain its strings every time.
        let documentCode = Self.knownCode(document.language?.code)
        // First every line's outcome, read in place (a block taken out of the array would be
        // copied, retaining its storage and annotations), then the verdicts: a line's outcome
        // does not depend on another line's verdict.
        var outcomes: [LineOutcome] = []
        outcomes.reserveCapacity(document.blocks.count)
        document.blocks.withUnsafeBufferPointer { blocks in
            // `languageCode(_:_:)` without copying the guesses: the block's, else the document's.
            func language(_ block: Int) -> String? {
                if let code = blocks[block].languageCode { return Self.knownCode(code) }
                return documentCode
            }
            // The memo's lookups are cache misses (slot, then entry, then key bytes): they are
            // asked into cache for all undecided lines at once, so that the misses overlap
            // instead of coming one line at a time. A line's key is the
            // segmenter's hash of it with its language's tag mixed in (0: not remembered).
            var hashes = [UInt64](repeating: 0, count: blocks.count)
            var tags = [UInt64](repeating: 0, count: blocks.count)
            // A page's lines share a language or two: the tag is packed again only when the
            // code changes from the line before.
            var lastCode: String?
            var lastTag = LineMemo<LineOutcome>.tag(nil)
            for block in blocks.indices where blocks[block].verdictAction == nil {
                let code = language(block)
                if code != lastCode {
                    lastCode = code
                    lastTag = LineMemo<LineOutcome>.tag(code)
                }
                guard let tag = lastTag else { continue }
                hashes[block] = LineHash.tagged(blocks.lineHash(at: block), tag: tag)
                tags[block] = tag
            }
            hashes.withUnsafeBufferPointer { lineOutcomes.prefetch(hashes: $0) }
            for block in blocks.indices {
                let existing = blocks[block].verdictAction
                let language = language(block)
                outcomes.append(
                    blocks.withUTF8Text(at: block) {
                        lineOutcome($0, language: language, existing: existing, tag: tags[block], hash: hashes[block])
                    })
            }
        }
        for (index, outcome) in outcomes.enumerated() {
            if outcome.storesPlainText, !document.blocks[index].hasPlainTextCache {
                // What the rules read as its text, for the stages after them (see `LineOutcome`).
                document.blocks[index].plainTextCache = MatchSubject.plainText(document.blocks.text(at: index))
            }
            if outcome.blockHint { paragraphHints.insert(document.blocks[index].paragraph) }
            if outcome.verdictRank >= 0 {
                let entry = order[Int(outcome.verdictRank)]
                if entry.unlessNext == nil || !nextLineVetoes(entry, after: index, in: document.blocks) {
                    document.blocks[index].verdict = entry.verdict
                }
            }
            if outcome.labelRank >= 0 { labels.append((index, order[Int(outcome.labelRank)])) }
            if outcome.captionRank >= 0, document.blocks[index].verdictAction == nil {
                let entry = order[Int(outcome.captionRank)]
                let start = creditStart(entry, in: Self.plainText(of: document.blocks, at: index))
                document.blocks[index].creditStart = start
                if start != nil { document.blocks[index].creditRuleID = entry.rule.id }
            }
        }

        // Block rules: the paragraph's lines joined by `\n`.
        let blockRules = compiled.blockOrder.filter { !(options.keepCaptions && $0.isCaption) }
        if !blockRules.isEmpty {
            var start = 0
            while start < document.blocks.count {
                var end = start + 1
                while end < document.blocks.count, document.blocks[end].paragraph == document.blocks[start].paragraph {
                    end += 1
                }
                let range = start..<end
                let worthTesting = compiled.blockRulesUnfiltered || paragraphHints.contains(document.blocks[start].paragraph)
                if worthTesting, range.contains(where: { !document.blocks[$0].isDecided }) {
                    let firstRaw = document.blocks.text(at: start)
                    let firstPlain = Self.plainText(of: document.blocks, at: start)
                    if blockRules.contains(where: { $0.match.mayMatchParagraph(firstRaw: firstRaw, firstPlain: firstPlain) }) {
                        paragraphRaw.removeAll(keepingCapacity: true)
                        paragraphPlain.removeAll(keepingCapacity: true)
                        // Storage of their own, so an empty text is read through a real address
                        // (as a string's was), not the shared empty array's.
                        paragraphRaw.reserveCapacity(64)
                        paragraphPlain.reserveCapacity(64)
                        for index in range {
                            if index > start {
                                paragraphRaw.append(0x0A)
                                paragraphPlain.append(0x0A)
                            }
                            document.blocks.withUTF8Text(at: index) { paragraphRaw.append(contentsOf: $0) }
                            paragraphPlain.append(contentsOf: Self.plainText(of: document.blocks, at: index).utf8)
                        }
                        // The lines' literal hits stand in for the paragraph's (literals hold no line
                        // break), so the paragraph is not scanned again.
                        let language = languageCode(document.blocks[start].language, document.language)
                        let literalsFound = paragraphHints.contains(document.blocks[start].paragraph)
                        if let entry = firstBlockRule(blockRules, language, literalsFound: literalsFound) {
                            for index in range where !document.blocks[index].isDecided {
                                document.blocks[index].verdict = entry.verdict
                            }
                        }
                    }
                }
                start = end
            }
        }

        // Sections: the label line and what its extent covers.
        var resumeAt = 0
        let bodyIndent = labels.isEmpty ? 0 : Self.bodyIndent(of: document.blocks)
        for (label, entry) in labels where label >= resumeAt {
            resumeAt = takeSection(at: label, entry, bodyIndent: bodyIndent, in: &document)
        }
    }

    /// What the line and section rules conclude about the line `raw` (whose verdict so far has
    /// action `existing`): remembered for an undecided line, whose outcome depends only on its
    /// text and language (a line seen before, a menu entry or a footer, is not matched again).
    ///
    /// - Parameters:
    ///   - tag: the memo's tag of the line's language (`LineMemo.tag`).
    ///   - hash: the line's key in the memo (`LineHash.tagged` of its hash and `tag`); 0 for a
    ///     line not remembered (decided already, too long, or a language without a tag).
    ///
    /// Out of line: inlined into `apply`'s loop over the blocks (as it was once its memo calls
    /// took less code), the candidate loop copied the whole matcher for every candidate rule,
    /// retaining and releasing its arrays.
    @inline(never)
    private mutating func lineOutcome(
        _ raw: UnsafeRawBufferPointer, language: String?, existing: Verdict.Action?, tag: UInt64, hash: UInt64
    ) -> LineOutcome {
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        if hash != 0, let known = lineOutcomes.lookUp(bytes: bytes, tag: tag, hash: hash).value { return known }
        let timedOutBefore = regexes.timedOut.count
        let (plain, parserAgrees) = MatchSubject.plainText(of: raw, scratch: &markupScratch, buffer: regexes.plainText)
        var subject = MatchSubject(
            raw: raw, plain: plain, foldRaw: compiled.readsRaw, rawBuffer: regexes.rawFolded,
            plainBuffer: regexes.plainFolded)
        collectCandidates(subject, longLine: Self.isLongLine(&subject, readsRaw: compiled.readsRaw))
        var outcome = LineOutcome(
            blockHint: blockHint, verdictRank: -1, labelRank: -1, captionRank: -1, storesPlainText: !parserAgrees)
        var action = existing
        var labelled = false
        let order = compiled.lineOrder
        for rank in candidates {
            // Borrowed, not copied: `order` holds every entry for the whole loop, and a copy
            // retained and released the entry for every candidate of every line.
            Unmanaged.passUnretained(order[Int(rank)])._withUnsafeGuaranteedRef { entry in
                if options.keepCaptions && entry.isCaption {
                    // The caption is kept, its credit still goes (`creditStart`).
                    if outcome.captionRank < 0, applies(entry, language), matches(entry, &subject, candidate: true) {
                        outcome.captionRank = rank
                    }
                    return
                }
                if entry.isSection {
                    guard !labelled, action != .keep else { return }
                    if applies(entry, language) && matches(entry, &subject, candidate: true) {
                        labelled = true
                        outcome.labelRank = rank
                    }
                } else if action == nil, applies(entry, language), matches(entry, &subject, candidate: true) {
                    action = entry.rule.action
                    outcome.verdictRank = rank
                }
            }
        }
        // An outcome reached past a time limit is not remembered: the next document with the
        // line times out again and says so, whichever worker saw the line first (the warnings
        // stay the same for every --jobs).
        if hash != 0 && regexes.timedOut.count == timedOutBefore { lineOutcomes.store(outcome, bytes: bytes, tag: tag, hash: hash) }
        return outcome
    }

    /// Whether the line below `index` in its paragraph matches `entry`'s `unless-next` regex. Only
    /// lines a rule with that key matched come here (a few per page), so the next line is parsed
    /// on its own, and its literals are looked for in its fold directly, not by the scanner.
    /// (A repeated bracketed line came here for every copy on a page, and `=` after it, which
    /// the INI-header veto needs, is rare: ICU ran 9.6k times on w3m without a hit.)
    private mutating func nextLineVetoes(_ entry: CompiledRules.Entry, after index: Int, in blocks: [Block]) -> Bool {
        let next = index + 1
        guard let pattern = entry.unlessNext, next < blocks.count, blocks[next].paragraph == blocks[index].paragraph
        else { return false }
        var raw = blocks[next].text
        var plain = Self.plainText(of: blocks, at: next)
        return raw.withUTF8 { raw in
            plain.withUTF8 { plain in
                var subject = MatchSubject(
                    raw: UnsafeRawBufferPointer(raw), plain: UnsafeRawBufferPointer(plain), foldRaw: compiled.readsRaw,
                    rawBuffer: regexes.rawFolded, plainBuffer: regexes.plainFolded)
                let folded = subject.folded(pattern.input)
                return pattern.matches(
                    &subject, hit: { id in MatchSubject.contains(folded, compiled.literals[id]) },
                    regex: { slot, text in regexes.matches(slot, text) })
            }
        }
    }

    /// The first of `rules` that matches the paragraph in `paragraphRaw` / `paragraphPlain`.
    private func firstBlockRule(
        _ rules: [CompiledRules.Entry], _ language: String?, literalsFound: Bool
    ) -> CompiledRules.Entry? {
        paragraphRaw.withUnsafeBytes { raw in
            paragraphPlain.withUnsafeBytes { plain in
                var subject = MatchSubject(
                    raw: raw, plain: plain, foldRaw: compiled.readsRaw, rawBuffer: regexes.rawFolded,
                    plainBuffer: regexes.plainFolded)
                return rules.first { applies($0, language) && matches($0, &subject, literalsFound: literalsFound) }
            }
        }
    }

    /// Where a kept caption's credit starts in its visible text `text` ("Guards at a
    /// checkpoint. REUTERS/Stringer"): where the caption rule's regex first matches, when the
    /// match runs to the end of the line and leaves text before it; nil otherwise (the line is
    /// written whole).
    private mutating func creditStart(_ entry: CompiledRules.Entry, in text: String) -> Int32? {
        guard let slot = entry.match.regexSlot else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            guard let found = regexes.firstMatch(slot, UnsafeRawBufferPointer(bytes)), found.upperBound >= end,
                found.lowerBound > 0, found.lowerBound < Int(Int32.max)
            else { return nil }
            return Int32(found.lowerBound)
        }
    }

    /// The visible text of block `index`: the one a stage stored, else parsed. Read where the
    /// block is: taking `blocks[index]` as an argument copied the whole block.
    static func plainText(of blocks: [Block], at index: Int) -> String {
        if let cached = blocks[index].plainTextCache { return cached }
        return MatchSubject.plainText(blocks.text(at: index))
    }

    /// Whether the line has more than `CompiledRules.longLineWords` words in its plain text and,
    /// when rules read it, its raw text (`CompiledRules.longLineScanner`). The counts stay in
    /// `subject` for the rules' own word limits.
    private static func isLongLine(_ subject: inout MatchSubject, readsRaw: Bool) -> Bool {
        // A word takes a byte and a space after it: a shorter text cannot have more words.
        let words = CompiledRules.longLineWords
        guard subject.plain.count > 2 * words, subject.wordCount(of: .plain) > words else { return false }
        return !readsRaw || subject.wordCount(of: .raw) > words
    }

    /// The ranks of the line and section rules `subject` may match, ascending; also stamps the
    /// literals found, for `matches`. A `longLine` is scanned without the literals that only
    /// rules of fewer words need (`CompiledRules.longLineScanner`).
    private mutating func collectCandidates(_ subject: MatchSubject, longLine: Bool) {
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: compiled.unfiltered)
        blockHint = false
        generation += 1
        let current = generation
        let compiled = self.compiled
        // Plain literals are looked for in the plain text, raw ones in the raw text. When the
        // plain text is the raw text's tail (most lines: no markup, or only a list marker),
        // one pass over the raw text finds both: a plain literal counts when it starts inside
        // the tail, which is where the plain text's own pass would have found it.
        func found(_ id: Int) {
            guard stamp[id] != current else { return }
            stamp[id] = current
            compiled.candidateStart.withUnsafeBufferPointer { starts in
                compiled.candidateRanks.withUnsafeBufferPointer { ranks in
                    for index in Int(starts[id])..<Int(starts[id &+ 1]) { candidates.append(ranks[index]) }
                }
            }
            if compiled.literalIsForBlock[id] { blockHint = true }
        }
        compiled.literalIsRaw.withUnsafeBufferPointer { isRaw in
            // Borrowed, not chosen into a local: a copy of a scanner retained its tables.
            func scan(_ scanner: borrowing LiteralScanner) {
                if let tail = subject.plainOffsetInRaw {
                    scanner.scan(subject.rawFolded) { id, start in
                        if isRaw[id] || start >= tail { found(id) }
                    }
                } else {
                    scanner.scan(subject.plainFolded) { id, _ in
                        if !isRaw[id] { found(id) }
                    }
                }
            }
            if longLine {
                scan(compiled.longLineScanner)
            } else {
                scan(compiled.scanner)
            }
            if subject.plainOffsetInRaw == nil {
                if compiled.readsRaw {
                    compiled.rawScanner.scan(subject.rawFolded, found)
                }
            }
        }
        if !blockHint {
            // By index: `for (input, prefixes) in` copied each entry, retaining its arrays.
            for number in compiled.blockPrefixes.indices {
                let input = compiled.blockPrefixes[number].input == .plain ? subject.plainFolded : subject.rawFolded
                if compiled.blockPrefixes[number].prefixes.isPrefix(of: input) {
                    blockHint = true
                    break
                }
            }
        }
        AnchoredPrefixTrie.appendRanks(of: subject.plainFolded, in: compiled.plainPrefixTrie, to: &candidates)
        if compiled.readsRaw {
            AnchoredPrefixTrie.appendRanks(of: subject.rawFolded, in: compiled.rawPrefixTrie, to: &candidates)
        }
        Self.appendPhraseRanks(subject.plainFolded, compiled, compiled.plainPhrases, tag: 1, to: &candidates)
        if compiled.readsRaw, !compiled.rawPhrases.isEmpty {
            Self.appendPhraseRanks(subject.rawFolded, compiled, compiled.rawPhrases, tag: 2, to: &candidates)
        }
        if candidates.count > 1 {
            candidates.sort()
            var write = 1
            for read in 1..<candidates.count where candidates[read] != candidates[write - 1] {
                candidates[write] = candidates[read]
                write += 1
            }
            candidates.removeLast(candidates.count - write)
        }
    }

    /// Appends the ranks of the whole-line phrases `folded` is, as it is and without its trailing
    /// label punctuation (a line may add such punctuation to an `any-of` phrase).
    @inline(__always)
    private static func appendPhraseRanks(
        _ folded: UnsafeRawBufferPointer, _ compiled: CompiledRules, _ phrases: [String: [Int32]], tag: UInt64,
        to candidates: inout [Int32]
    ) {
        if folded.count <= compiled.longestPhrase, compiled.phraseLengths[folded.count],
            let ranks = phraseRanks(folded, phrases, compiled.asciiPhrases, compiled.asciiPhraseEnds, tag: tag)
        {
            candidates.append(contentsOf: ranks)
        }
        let trimmed = LabelPunctuation.trimmed(folded)
        if trimmed.count < folded.count, trimmed.count <= compiled.longestPhrase, compiled.phraseLengths[trimmed.count],
            let ranks = phraseRanks(trimmed, phrases, compiled.asciiPhrases, compiled.asciiPhraseEnds, tag: tag)
        {
            candidates.append(contentsOf: ranks)
        }
    }

    /// The ranks of the whole-line phrase `folded` is (if any): an ASCII text is looked up by
    /// its bytes, where equal bytes are what `String` equality means for it, unless its length
    /// and end bytes already rule every phrase out.
    private static func phraseRanks(
        _ folded: UnsafeRawBufferPointer, _ phrases: [String: [Int32]], _ ascii: LineMemo<[Int32]>?,
        _ asciiEnds: borrowing PhraseEnds, tag: UInt64
    ) -> [Int32]? {
        if let ascii, isASCII(folded) {
            guard asciiEnds.mayHold(folded) else { return nil }
            return ascii.lookUp(bytes: folded.assumingMemoryBound(to: UInt8.self), tag: tag).value
        }
        return phrases[String(decoding: folded, as: UTF8.self)]
    }

    /// Whether every byte of `bytes` is ASCII, eight at a time.
    @inline(__always)
    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// What the line and section rules conclude about an undecided line: a pure function of
    /// its text and language (and the caption choice), so it is remembered per worker.
    struct LineOutcome {
        /// Whether it holds a literal some block rule needs.
        var blockHint: Bool
        /// Rank of the line rule that decides it, or -1.
        var verdictRank: Int32
        /// Rank of the section rule it is the label of, or -1.
        var labelRank: Int32
        /// Rank of the caption rule that matched it while captions are kept, or -1.
        var captionRank: Int32
        /// Whether the block keeps the rules' plain text (`Block.plainTextCache`): only when the
        /// parser, which later stages fall back on, would read the line otherwise. (The rules
        /// once stored it for every line; the text any stage sees stays what it was.)
        var storesPlainText: Bool
    }

    /// Takes the two guesses, not the block and document, so no block is copied per line.
    /// `code`, or nil for `und` (a guess's code is `und` exactly when it is undetermined).
    private static func knownCode(_ code: String?) -> String? {
        code == "und" ? nil : code
    }

    private func languageCode(_ blockLanguage: LanguageGuess?, _ documentLanguage: LanguageGuess?) -> String? {
        let guess = blockLanguage ?? documentLanguage
        guard let guess, !guess.isUndetermined else { return nil }
        return guess.code
    }

    /// A rule with languages applies to lines in one of them, and to lines of unknown language.
    private func applies(_ entry: CompiledRules.Entry, _ language: String?) -> Bool {
        guard let language, !entry.languages.isEmpty else { return true }
        return entry.languages.contains(language)
    }

    // MARK: - Matching

    /// Whether `entry` matches `subject`; `literalsFound` answers the literal prefilter instead
    /// of the current stamps (block rules, whose paragraph was not scanned as a whole).
    /// `candidate`: the entry is one of the line's candidates (`collectCandidates`).
    ///
    /// The closures are written at each call, not kept in local constants: a constant closure
    /// that captures is allocated on the heap, once per candidate rule of every line.
    private func matches(
        _ entry: CompiledRules.Entry, _ subject: inout MatchSubject, literalsFound: Bool? = nil, candidate: Bool = false
    ) -> Bool {
        let current = generation
        guard
            entry.match.matches(
                &subject, literalFound: candidate && entry.isFoundByLiterals, prefixFound: candidate && entry.isFoundByPrefixes,
                hit: { id in literalsFound ?? (stamp[id] == current) },
                regex: { slot, text in regexes.matches(slot, text) })
        else { return false }
        // Chained, not bound: binding the optional retained the pattern.
        return entry.unless?.matches(
            &subject, hit: { id in literalsFound ?? (stamp[id] == current) },
            regex: { slot, text in regexes.matches(slot, text) }) != true
    }

    // MARK: - Sections

    /// Marks the label at `label` and the lines its extent covers; returns the index after the
    /// section.
    private func takeSection(
        at label: Int, _ entry: CompiledRules.Entry, bodyIndent: Int, in document: inout Document
    ) -> Int {
        let extent = entry.rule.extent ?? SectionExtent()
        let decided = entry.verdict
        // Fields read in place: `let block = document.blocks[index]` copied the whole block
        // (its strings and guesses retained and released) for every line a section covered.
        // A paragraph as far in as the label, or as the page's prose (lynx sets its headings
        // at the margin and its text three spaces in), is the article's, not the widget's.
        let labelIndent = max(document.blocks[label].indent, bodyIndent)
        if !document.blocks[label].isDecided { document.blocks[label].verdict = decided }
        var index = label + 1
        var taken = 0
        var paragraphs = 0
        while index < document.blocks.count, taken < extent.maxLines {
            let kind = document.blocks[index].kind
            let indent = document.blocks[index].indent
            if extent.untilHeading, kind == .heading { break }
            if document.blocks[index].paragraph != document.blocks[index - 1].paragraph {
                paragraphs += 1
                if let maxParagraphs = extent.maxParagraphs, paragraphs > maxParagraphs { break }
                if extent.untilPlainParagraph, indent <= labelIndent, kind == .paragraph || kind == .quote,
                    Self.hasWords(at: index, in: document.blocks),
                    !Self.isCardLabel(at: index, in: document.blocks),
                    !(paragraphs == 1 && Self.isCardHeadline(at: index, in: document.blocks))
                {
                    break
                }
            }
            if let words = extent.untilLongParagraph,
                Self.isArticleParagraph(
                    kind: kind, indent: indent, plain: Self.plainText(of: document.blocks, at: index), minimumWords: words,
                    labelIndent: labelIndent)
            {
                break
            }
            if document.blocks[index].verdictAction == .keep { break }
            if !document.blocks[index].isDecided { document.blocks[index].verdict = decided }
            taken += 1
            index += 1
        }
        return index
    }

    /// The least indentation of a page's long paragraphs (0 for most renderings; lynx indents
    /// all its text by three spaces and sets headings at the margin): the article's prose is
    /// there or further in. The least, not the most common: a widget's excerpts can outnumber
    /// an article's paragraphs.
    static func bodyIndent(of blocks: [Block]) -> Int {
        var least: Int?
        blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices where blocks[index].kind == .paragraph && blocks[index].utf8Count >= longParagraphBytes {
                least = min(least ?? blocks[index].indent, blocks[index].indent)
                if least == 0 { return }
            }
        }
        return least ?? 0
    }

    /// The bytes from which a paragraph line counts for `bodyIndent`.
    static let longParagraphBytes = 120

    /// Whether the line's visible text holds a letter or a digit. A line of marks alone (the
    /// bullet `pandoc -t plain` writes above each card of a list, `[]` where an image was) is
    /// no paragraph of the article, and does not end a widget.
    static func hasWords(at index: Int, in blocks: [Block]) -> Bool {
        plainText(of: blocks, at: index).unicodeScalars.contains {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }
    }

    /// A card's label set as a paragraph of its own: one line of at most `cardLabelWords` words
    /// that does not end like a sentence (a teaser card's section "Gear", its author "Matt
    /// Jancer", a date), which markdown converters put between the card's linked image and
    /// its linked title: the next line is a list item or a link line. The widget goes on past
    /// it; the article resumes with more than that, and another widget's heading is followed
    /// by its own text.
    static func isCardLabel(at index: Int, in blocks: [Block]) -> Bool {
        guard index + 1 < blocks.count, blocks[index + 1].paragraph != blocks[index].paragraph,
            blocks[index + 1].kind == .listItem || blocks[index + 1].kind == .linkLine
        else { return false }
        let plain = plainText(of: blocks, at: index)
        guard MatchSubject.wordCount(plain) <= cardLabelWords, let last = plain.unicodeScalars.last else { return false }
        return !".!?…:\"”»)。！？".unicodeScalars.contains(last)
    }

    /// The most words of a card label (`isCardLabel`).
    static let cardLabelWords = 3

    /// A teaser card's headline as a text browser leaves it, right under the widget's label:
    /// a paragraph of one plain line of `cardHeadlineWords.lowerBound` to
    /// `cardHeadlineWords.upperBound` words that does not end like a sentence ("Related
    /// Coverage" / "Factbox: Key winners at the 2020 Screen Actors Guild Awards"). In markdown
    /// the headline is a link line and the widget takes it anyway; as plain text it stopped the
    /// widget, so the card was kept inside the article (9 dev pages, none of them in the gold).
    /// Only the first paragraph under the label: the article resuming after the card is prose.
    static func isCardHeadline(at index: Int, in blocks: [Block]) -> Bool {
        guard blocks[index].kind == .paragraph,
            index + 1 >= blocks.count || blocks[index + 1].paragraph != blocks[index].paragraph
        else { return false }
        let plain = plainText(of: blocks, at: index)
        guard cardHeadlineWords.contains(MatchSubject.wordCount(plain)), let last = plain.unicodeScalars.last else {
            return false
        }
        return !".!?…:;,\"”»)。！？".unicodeScalars.contains(last)
    }

    /// How many words a card's headline has (`isCardHeadline`).
    static let cardHeadlineWords = 3...14

    /// An unindented prose line long enough to be the article resuming after a widget.
    static func isArticleParagraph(kind: BlockKind, indent: Int, plain: String, minimumWords: Int, labelIndent: Int) -> Bool {
        guard kind == .paragraph || kind == .quote, indent <= labelIndent else { return false }
        guard MatchSubject.wordCount(plain) >= minimumWords else { return false }
        guard let last = plain.unicodeScalars.last else { return false }
        return ".!?…\"”»)。！？".unicodeScalars.contains(last)
    }
}
