/// Applies compiled rules to one document; lives for one `RuleSet.apply` call.
///
/// Not `Sendable`: it owns a worker's regex copies and scratch arrays.
struct RuleMatcher {
    let compiled: CompiledRules
    let regexes: RegexBundle
    let options: RuleOptions

    /// Per-literal "seen in the current subject" stamps, one array per input form.
    private var plainStamp: [Int]
    private var rawStamp: [Int]
    private var generation = 0

    init(compiled: CompiledRules, regexes: RegexBundle, options: RuleOptions) {
        self.compiled = compiled
        self.regexes = regexes
        self.options = options
        plainStamp = Array(repeating: 0, count: compiled.plainScanner.literalCount)
        rawStamp = Array(repeating: 0, count: compiled.rawScanner.literalCount)
    }

    mutating func apply(to document: inout Document) {
        let entries = compiled.entries
        let active = entries.indices.filter { !(options.keepCaptions && entries[$0].rule.caption) }
        let lineRules = ordered(active.filter { entries[$0].rule.scope == .line })
        let blockRules = ordered(active.filter { entries[$0].rule.scope == .block })
        let sectionRules = ordered(active.filter { entries[$0].rule.scope == .section })
        guard !document.blocks.isEmpty, !active.isEmpty else { return }

        // Line rules, and which lines open a section.
        var labels: [(block: Int, entry: Int)] = []
        var plainTexts: [String] = []
        plainTexts.reserveCapacity(document.blocks.count)
        for index in document.blocks.indices {
            let raw = document.blocks[index].text
            let plain = MatchSubject.plainText(raw)
            plainTexts.append(plain)
            let subject = MatchSubject(raw: raw, plain: plain, foldRaw: compiled.readsRaw)
            prepare(subject)
            let language = languageCode(document.blocks[index], document)
            if document.blocks[index].verdict == nil {
                for entry in lineRules where applies(entries[entry].rule, language) && matches(entries[entry], subject) {
                    document.blocks[index].verdict = verdict(entries[entry].rule)
                    break
                }
            }
            if document.blocks[index].verdict?.action != .keep,
                let entry = sectionRules.first(where: { applies(entries[$0].rule, language) && matches(entries[$0], subject) })
            {
                labels.append((index, entry))
            }
        }

        // Block rules: the paragraph's lines joined by `\n`.
        if !blockRules.isEmpty {
            var start = 0
            while start < document.blocks.count {
                var end = start + 1
                while end < document.blocks.count, document.blocks[end].paragraph == document.blocks[start].paragraph {
                    end += 1
                }
                let range = start..<end
                if range.contains(where: { document.blocks[$0].verdict == nil }) {
                    let raw = range.map { document.blocks[$0].text }.joined(separator: "\n")
                    let plain = range.map { plainTexts[$0] }.joined(separator: "\n")
                    let subject = MatchSubject(raw: raw, plain: plain, foldRaw: compiled.readsRaw)
                    prepare(subject)
                    let language = languageCode(document.blocks[start], document)
                    if let entry = blockRules.first(where: {
                        applies(entries[$0].rule, language) && matches(entries[$0], subject)
                    }) {
                        let decided = verdict(entries[entry].rule)
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
            resumeAt = takeSection(at: label, entries[entry].rule, plainTexts: plainTexts, in: &document)
        }
    }

    /// Keep rules first, then drop rules, each in file order.
    private func ordered(_ indices: [Int]) -> [Int] {
        indices.filter { compiled.entries[$0].rule.action == .keep }
            + indices.filter { compiled.entries[$0].rule.action == .drop }
    }

    private func verdict(_ rule: Rule) -> Verdict {
        Verdict(action: rule.action, reason: Reason(ruleID: rule.id, message: rule.description))
    }

    private func languageCode(_ block: Block, _ document: Document) -> String? {
        let guess = block.language ?? document.language
        guard let guess, !guess.isUndetermined else { return nil }
        return guess.code
    }

    /// A rule with languages applies to lines in one of them, and to lines of unknown language.
    private func applies(_ rule: Rule, _ language: String?) -> Bool {
        guard let language, !rule.languages.isEmpty else { return true }
        return rule.languages.contains(language)
    }

    // MARK: - Matching

    private mutating func prepare(_ subject: MatchSubject) {
        generation += 1
        let stamp = generation
        subject.plainFolded.withUnsafeBytes { bytes in
            compiled.plainScanner.scan(bytes) { plainStamp[$0] = stamp }
        }
        if compiled.readsRaw {
            subject.rawFolded.withUnsafeBytes { bytes in
                compiled.rawScanner.scan(bytes) { rawStamp[$0] = stamp }
            }
        }
    }

    private func matches(_ entry: CompiledRules.Entry, _ subject: MatchSubject) -> Bool {
        let hit: (RulePattern.Input, Int) -> Bool = { input, id in
            (input == .plain ? plainStamp[id] : rawStamp[id]) == generation
        }
        let regexes = self.regexes
        let regex: (Int, String) -> Bool = { slot, text in regexes.matches(slot, text) }
        guard entry.match.matches(subject, hit: hit, regex: regex) else { return false }
        if let unless = entry.unless, unless.matches(subject, hit: hit, regex: regex) { return false }
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
