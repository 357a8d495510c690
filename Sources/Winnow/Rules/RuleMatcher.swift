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

    init(compiled: CompiledRules, regexes: RegexBundle, options: RuleOptions) {
        self.compiled = compiled
        self.regexes = regexes
        self.options = options
        stamp = Array(repeating: 0, count: compiled.literalCount)
    }

    mutating func apply(to document: inout Document) {
        guard !document.blocks.isEmpty, !compiled.entries.isEmpty else { return }
        let order = compiled.lineOrder

        // Line rules, and which lines open a section. Each line tries only the rules whose
        // prefilter it passes, in rank order.
        var labels: [(block: Int, entry: CompiledRules.Entry)] = []
        var plainTexts: [String] = []
        plainTexts.reserveCapacity(document.blocks.count)
        var candidates: [Int32] = []
        var paragraphHints: Set<Int> = []
        if regexes.outcomesKeepCaptions != options.keepCaptions {
            regexes.lineOutcomes.removeAll()
            regexes.outcomesKeepCaptions = options.keepCaptions
        }
        // Read once: a copy per line would retain its strings every time.
        let documentLanguage = document.language
        for index in document.blocks.indices {
            let language = languageCode(document.blocks[index].language, documentLanguage)
            // An undecided line's outcome depends only on its text and language: a line seen
            // before (a menu entry, a footer) is not matched again.
            let raw = document.blocks[index].text
            let tag = document.blocks[index].verdict == nil ? LineMemo<LineOutcome>.tag(language) : nil
            let memo = tag.map { regexes.lineOutcomes.lookUp(raw, tag: $0) }
            if let known = memo?.value {
                // The language detector has usually stored it already (the same string).
                if !document.blocks[index].hasPlainTextCache { document.blocks[index].plainTextCache = known.plain }
                plainTexts.append(known.plain)
                if known.blockHint { paragraphHints.insert(document.blocks[index].paragraph) }
                if known.verdictRank >= 0 { document.blocks[index].verdict = verdict(order[Int(known.verdictRank)].rule) }
                if known.labelRank >= 0 { labels.append((index, order[Int(known.labelRank)])) }
                continue
            }
            let cached = document.blocks[index].plainTextCache
            let plain = cached ?? MatchSubject.plainText(raw)
            if cached == nil { document.blocks[index].plainTextCache = plain }
            plainTexts.append(plain)
            var subject = MatchSubject(raw: raw, plain: plain, foldRaw: compiled.readsRaw)
            collectCandidates(subject, into: &candidates)
            if blockHint { paragraphHints.insert(document.blocks[index].paragraph) }
            var outcome = LineOutcome(plain: plain, blockHint: blockHint, verdictRank: -1, labelRank: -1)
            var labelled = false
            for rank in candidates {
                let entry = order[Int(rank)]
                if options.keepCaptions && entry.isCaption { continue }
                if entry.isSection {
                    guard !labelled, document.blocks[index].verdict?.action != .keep else { continue }
                    if applies(entry, language) && matches(entry, &subject) {
                        labels.append((index, entry))
                        labelled = true
                        outcome.labelRank = rank
                    }
                } else if document.blocks[index].verdict == nil, applies(entry, language), matches(entry, &subject) {
                    document.blocks[index].verdict = verdict(entry.rule)
                    outcome.verdictRank = rank
                }
            }
            if let tag { regexes.lineOutcomes.store(outcome, for: raw, tag: tag, hash: memo?.hash) }
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
                if worthTesting, range.contains(where: { document.blocks[$0].verdict == nil }),
                    blockRules.contains(where: {
                        $0.match.mayMatchParagraph(firstRaw: document.blocks[start].text, firstPlain: plainTexts[start])
                    })
                {
                    let raw = range.map { document.blocks[$0].text }.joined(separator: "\n")
                    let plain = range.map { plainTexts[$0] }.joined(separator: "\n")
                    var subject = MatchSubject(raw: raw, plain: plain, foldRaw: compiled.readsRaw)
                    // The lines' literal hits stand in for the paragraph's (literals hold no line
                    // break), so the paragraph is not scanned again.
                    let language = languageCode(document.blocks[start].language, document.language)
                    if let entry = blockRules.first(where: {
                        applies($0, language) && matches($0, &subject, literalsFound: paragraphHints.contains(document.blocks[start].paragraph))
                    }) {
                        let decided = verdict(entry.rule)
                        for index in range where document.blocks[index].verdict == nil {
                            document.blocks[index].verdict = decided
                        }
                    }
                }
                start = end
            }
        }

        // Sections: the label line and what its extent covers.
        var resumeAt = 0
        for (label, entry) in labels where label >= resumeAt {
            resumeAt = takeSection(at: label, entry.rule, plainTexts: plainTexts, in: &document)
        }
    }

    /// The ranks of the line and section rules `subject` may match, ascending; also stamps the
    /// literals found, for `matches`.
    private mutating func collectCandidates(_ subject: MatchSubject, into candidates: inout [Int32]) {
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: compiled.unfiltered)
        blockHint = false
        generation += 1
        let current = generation
        let compiled = self.compiled
        // Plain literals are looked for in the plain text, raw ones in the raw text, each by
        // its own automaton (when the plain text is the raw text's tail, the same hits as one
        // pass over the raw text that counts plain literals only inside the tail).
        func found(_ id: Int) {
            guard stamp[id] != current else { return }
            stamp[id] = current
            candidates.append(contentsOf: compiled.candidates[id])
            if compiled.literalIsForBlock[id] { blockHint = true }
        }
        subject.plainFolded.withUnsafeBytes { compiled.plainScanner.scan($0, found) }
        if compiled.readsRaw {
            subject.rawFolded.withUnsafeBytes { compiled.rawScanner.scan($0, found) }
        }
        if !blockHint {
            for (input, prefixes) in compiled.blockPrefixes
            where prefixes.isPrefix(of: input == .plain ? subject.plainFolded : subject.rawFolded) {
                blockHint = true
                break
            }
        }
        if let first = subject.plainFolded.first { candidates.append(contentsOf: compiled.plainFirstByte[Int(first)]) }
        if compiled.readsRaw, let first = subject.rawFolded.first {
            candidates.append(contentsOf: compiled.rawFirstByte[Int(first)])
        }
        if subject.plainFolded.count <= compiled.longestPhrase, compiled.phraseLengths[subject.plainFolded.count],
            let ranks = compiled.plainPhrases[String(decoding: subject.plainFolded, as: UTF8.self)]
        {
            candidates.append(contentsOf: ranks)
        }
        if compiled.readsRaw, !compiled.rawPhrases.isEmpty, subject.rawFolded.count <= compiled.longestPhrase,
            compiled.phraseLengths[subject.rawFolded.count],
            let ranks = compiled.rawPhrases[String(decoding: subject.rawFolded, as: UTF8.self)]
        {
            candidates.append(contentsOf: ranks)
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

    /// What the line and section rules conclude about an undecided line: a pure function of
    /// its text and language (and the caption choice), so it is remembered per worker.
    struct LineOutcome {
        /// The line's visible text.
        var plain: String
        /// Whether it holds a literal some block rule needs.
        var blockHint: Bool
        /// Rank of the line rule that decides it, or -1.
        var verdictRank: Int32
        /// Rank of the section rule it is the label of, or -1.
        var labelRank: Int32
    }

    private func verdict(_ rule: Rule) -> Verdict {
        Verdict(action: rule.action, reason: Reason(ruleID: rule.id, message: rule.description))
    }

    /// Takes the two guesses, not the block and document, so no block is copied per line.
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
    private func matches(_ entry: CompiledRules.Entry, _ subject: inout MatchSubject, literalsFound: Bool? = nil) -> Bool {
        let current = generation
        let stamp = self.stamp
        let hit: (RulePattern.Input, Int) -> Bool = { _, id in literalsFound ?? (stamp[id] == current) }
        let regexes = self.regexes
        let regex: (Int, String) -> Bool = { slot, text in regexes.matches(slot, text) }
        guard entry.match.matches(&subject, hit: hit, regex: regex) else { return false }
        if let unless = entry.unless, unless.matches(&subject, hit: hit, regex: regex) { return false }
        return true
    }

    // MARK: - Sections

    /// Marks the label at `label` and the lines its extent covers; returns the index after the
    /// section.
    private func takeSection(at label: Int, _ rule: Rule, plainTexts: [String], in document: inout Document) -> Int {
        let extent = rule.extent ?? SectionExtent()
        let decided = verdict(rule)
        let labelBlock = document.blocks[label]
        if labelBlock.verdict == nil { document.blocks[label].verdict = decided }
        var index = label + 1
        var taken = 0
        var paragraphs = 0
        while index < document.blocks.count, taken < extent.maxLines {
            let block = document.blocks[index]
            if extent.untilHeading, block.kind == .heading { break }
            if block.paragraph != document.blocks[index - 1].paragraph {
                paragraphs += 1
                if let maxParagraphs = extent.maxParagraphs, paragraphs > maxParagraphs { break }
                if extent.untilPlainParagraph, block.indent <= labelBlock.indent,
                    block.kind == .paragraph || block.kind == .quote
                {
                    break
                }
            }
            if let words = extent.untilLongParagraph,
                Self.isArticleParagraph(block, plain: plainTexts[index], minimumWords: words, labelIndent: labelBlock.indent)
            {
                break
            }
            if block.verdict?.action == .keep { break }
            if block.verdict == nil { document.blocks[index].verdict = decided }
            taken += 1
            index += 1
        }
        return index
    }

    /// An unindented prose line long enough to be the article resuming after a widget.
    static func isArticleParagraph(_ block: Block, plain: String, minimumWords: Int, labelIndent: Int) -> Bool {
        guard block.kind == .paragraph || block.kind == .quote, block.indent <= labelIndent else { return false }
        guard MatchSubject.wordCount(plain) >= minimumWords else { return false }
        guard let last = plain.unicodeScalars.last else { return false }
        return ".!?…\"”»)。！？".unicodeScalars.contains(last)
    }
}
