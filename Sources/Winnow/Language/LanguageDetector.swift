/// Says which language a text, a block or a document is in.
///
/// Scripts used by one language decide alone (Thai, Greek, Hebrew, Hangul, kana → Japanese, Han
/// without kana → Chinese, …). For scripts shared by many languages (Latin, Cyrillic, Arabic,
/// Devanagari) a naive-Bayes model of word unigrams and character 1…5-grams, trained offline by
/// `Scripts/train-langid` and compiled into the binary, ranks the candidates. Text that is too
/// short or too ambiguous gets `und` rather than a confident wrong label.
public struct LanguageDetector: Stage {
    public let id = "language"

    private let scorer: LanguageScorer
    /// Word evidence and line guesses remembered across the documents a worker detects.
    private let scratchPool: DetectorScratchPool

    /// A detector using the bundled model.
    public init() {
        self.init(tuning: .standard)
    }

    init(tuning: LanguageTuning) {
        scorer = LanguageScorer(model: LanguageModel.bundled, tuning: tuning)
        scratchPool = DetectorScratchPool(poolSizes: scorer.poolSizes)
    }

    /// The ISO 639-1 codes the detector can answer (besides `und`).
    public var supportedLanguages: [String] {
        let modelled = scorer.model?.languages.map(\.code) ?? []
        let unique = ScriptFamily.allCases.compactMap(\.uniqueLanguage)
        return Array(Set(modelled + unique)).sorted()
    }

    /// The language of `text`, with a confidence in 0…1 and the runners-up.
    ///
    /// Returns `und` with a low confidence when the text has no letters, or when the best
    /// candidate is too uncertain.
    public func detect(_ text: String) -> LanguageGuess {
        detectWithLength(text).guess
    }

    /// The guess and the number of letters that backed it.
    ///
    /// - Parameter minimumLetters: a text of a shared script with fewer letters is not scored and
    ///   comes back `und`.
    func detectWithLength(
        _ text: String, scratch: DetectorScratch? = nil, minimumLetters: Int = 0
    ) -> (guess: LanguageGuess, letters: Int) {
        guard let scratch else {
            let scratch = scratchPool.checkOut()
            defer { scratchPool.checkIn(scratch) }
            return judge(text, scratch: scratch, minimumLetters: minimumLetters)
        }
        let found = scratch.guess(for: text, minimumLetters: minimumLetters)
        if let known = found.known { return known }
        let result = judge(text, scratch: scratch, minimumLetters: minimumLetters)
        scratch.remember(result, for: text, minimumLetters: minimumLetters, hash: found.hash)
        return result
    }

    /// `detectWithLength(_:scratch:minimumLetters:)` for a text given as its UTF-8 bytes
    /// (valid UTF-8, such as a string's), with the caller's scratch: no string is made.
    ///
    /// Not looked up in the guess memo: `process` passes the samples of one-line paragraphs
    /// whose raw line the line memo did not know, and only one in forty of those repeated an
    /// earlier sample (dev set), which did not pay for hashing and storing every sample.
    private func detectWithLength(
        bytes: UnsafeBufferPointer<UInt8>, scratch: DetectorScratch
    ) -> (guess: LanguageGuess, letters: Int) {
        guess(from: scorer.scan(bytes, cache: scratch.wordScores, scratch: scratch.evidence))
    }

    private func judge(
        _ text: String, scratch: DetectorScratch, minimumLetters: Int
    ) -> (guess: LanguageGuess, letters: Int) {
        var text = text
        let outcome = text.withUTF8 {
            scorer.scan($0, cache: scratch.wordScores, scratch: scratch.evidence, minimumLetters: minimumLetters)
        }
        return guess(from: outcome)
    }

    private func guess(from outcome: LanguageScorer.Outcome) -> (guess: LanguageGuess, letters: Int) {
        let ranked = outcome.ranked
        guard !ranked.isEmpty, outcome.letters > 0 else {
            return (.undetermined, outcome.letters)
        }
        let top = ranked[0]
        // One or two letters of a shared script say almost nothing.
        let lengthFactor = outcome.family.isShared ? min(1, Double(outcome.letters) / 3) : 1
        let confidence = top.probability * outcome.scriptShare * lengthFactor
        let abstains = confidence < scorer.tuning.minimumConfidence || outcome.letters < 2 && outcome.family.isShared
        // The runners-up worth naming (at most three), in one array made at its final size.
        var named = 0
        for i in 1..<ranked.count where ranked[i].probability >= 0.01 { named += 1 }
        var alternatives: [LanguageScore] = []
        if named > 0 || abstains { alternatives.reserveCapacity(named + (abstains ? 1 : 0)) }
        // An abstention names its best candidate first.
        if abstains { alternatives.append(LanguageScore(code: top.code, confidence: confidence)) }
        for i in 1..<ranked.count where ranked[i].probability >= 0.01 {
            alternatives.append(LanguageScore(code: ranked[i].code, confidence: ranked[i].probability * outcome.scriptShare))
        }
        return (
            LanguageGuess(code: abstains ? "und" : top.code, confidence: confidence, alternatives: alternatives),
            outcome.letters
        )
    }

    /// Annotates every block and the document.
    ///
    /// Lines of one paragraph (a blank-line-separated run) share the paragraph's guess, except a
    /// line that is confidently in another language on its own (a widget card, a caption in
    /// another script) or a list item, heading, link or table row long enough to judge alone.
    public func process(_ document: inout Document) throws(WinnowError) {
        let scratch = scratchPool.checkOut()
        defer { scratchPool.checkIn(scratch) }
        let count = document.blocks.count
        // Each guess is stored into its block as it is made (moved, or copied once from the
        // memo): no array of guesses to fill and copy from, each copy retaining alternatives.
        var lines: [Range<Int>] = []
        var bytes: [UInt8] = []
        var addressLines: [Int] = []
        // The line memo's lookups are cache misses (slot, then entry): every one-line
        // paragraph is hashed first with its slot asked into cache, then its entry, so that
        // the misses overlap instead of stalling one line at a time.
        let lineHashes = prefetchLines(of: document.blocks, scratch: scratch)
        var start = 0
        while start < count {
            let paragraph = document.blocks[start].paragraph
            var end = start + 1
            while end < count, document.blocks[end].paragraph == paragraph { end += 1 }
            guard end - start > 1 else {
                // A one-line paragraph's guess depends on its text alone: a repeated line (a
                // menu entry, a footer) is neither parsed nor sampled again.
                let line = document.blocks.withUTF8Text(at: start) {
                    scratch.lineGuess(forBytes: Self.bytes($0), hash: lineHashes[start])
                }
                if let known = line.known {
                    document.blocks[start].plainTextCache = known.plain
                    document.blocks[start].language = known.guess
                } else {
                    // Its sample is read in place from its visible text (valid UTF-8, cut
                    // between scalars): no copy is made.
                    var visible = Self.visibleText(of: &document.blocks, at: start, markup: &scratch.markup)
                    let guess = visible.withUTF8 { utf8 in
                        // A web address alone on its line says nothing of a language.
                        guard !BareURL.isBareURL(utf8) else { return LanguageGuess.undetermined }
                        let sample = UnsafeBufferPointer(rebasing: utf8[..<Self.sampleLength(utf8, bytes: Self.sampleBytes)])
                        return detectWithLength(bytes: sample, scratch: scratch).guess
                    }
                    document.blocks.withUTF8Text(at: start) {
                        scratch.rememberLine(bytes: Self.bytes($0), plain: visible, guess: guess, hash: line.hash)
                    }
                    document.blocks[start].language = consume guess
                }
                start = end
                continue
            }
            // Markup (link targets, list markers) is not language: judge the plain text. A few
            // hundred bytes decide a paragraph as well as the whole of it, at a fraction of the
            // cost. `bytes` collects the samples joined by newlines, `lines` where each one is.
            lines.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            addressLines.removeAll(keepingCapacity: true)
            for index in start..<end {
                if index > start { bytes.append(0x0A) }
                let lineStart = bytes.count
                bytes.append(contentsOf: Self.visibleText(of: &document.blocks, at: index, markup: &scratch.markup).utf8)
                let kept = bytes.withUnsafeBufferPointer {
                    let line = UnsafeBufferPointer(rebasing: $0[lineStart...])
                    // A web address alone on its line (lynx's list of link addresses) is no
                    // sample, and its line has no language.
                    guard !BareURL.isBareURL(line) else {
                        addressLines.append(index)
                        return 0
                    }
                    return Self.sampleLength(line, bytes: Self.sampleBytes)
                }
                bytes.removeLast(bytes.count - lineStart - kept)
                lines.append(lineStart..<bytes.count)
            }
            bytes.withUnsafeBufferPointer { all in
                judgeLines(of: &document.blocks, from: start, lines: lines, in: all, scratch: scratch)
            }
            for index in addressLines { document.blocks[index].language = .undetermined }
            start = end
        }
        document.language = documentLanguage(of: document.blocks, keptOnly: false)
    }

    /// The `LineHash` of every one-line paragraph's raw text (0 for the lines of longer
    /// paragraphs), with the memo's slot and entry for each asked into cache.
    private func prefetchLines(of blocks: [Block], scratch: DetectorScratch) -> [UInt64] {
        var hashes = [UInt64](repeating: 0, count: blocks.count)
        // Through the array's buffer: each block is borrowed where it is, not copied.
        blocks.withUnsafeBufferPointer { blocks in
            var start = 0
            while start < blocks.count {
                var end = start + 1
                while end < blocks.count, blocks[end].paragraph == blocks[start].paragraph { end += 1 }
                if end - start == 1 {
                    // The segmenter's hash: the line's bytes are not read again here.
                    hashes[start] = blocks.lineHash(at: start)
                }
                start = end
            }
        }
        hashes.withUnsafeBufferPointer { scratch.prefetchLines(hashes: $0) }
        return hashes
    }

    /// The visible text of block `index` (markup removed), made once and stored in the block
    /// for the stages that follow (`plainTextCache`).
    private static func visibleText(of blocks: inout [Block], at index: Int, markup: inout [UInt8]) -> String {
        if let cached = blocks[index].plainTextCache { return cached }
        // Most lines' visible text is the line or its tail (no inline markup): read from the
        // document's bytes, it is one string, not the line's and then its tail's.
        if let raw = blocks[index].storage.sharedUTF8, raw.count < ownStringBytes {
            let start = MatchSubject.plainStart(raw)
            let visible: String
            if start >= 0 {
                visible = String(decoding: UnsafeRawBufferPointer(rebasing: raw[start...]), as: UTF8.self)
            } else {
                // `MatchSubject.plainText` of the line (the parser's text, as `plainStart` found
                // markup), rendered from the document's bytes into the worker's buffer.
                markup.removeAll(keepingCapacity: true)
                InlineMarkup.appendPlainText(UTF8Bytes: raw, to: &markup)
                visible = String(decoding: markup, as: UTF8.self)
            }
            blocks[index].plainTextCache = visible
            return visible
        }
        let text = blocks.text(at: index)
        let visible = MatchSubject.plainText(text)
        blocks[index].plainTextCache = visible
        // A huge line (a page without line breaks) keeps the string just made rather than
        // its document's bytes: holding both doubled the memory the page needs.
        if text.utf8.count >= ownStringBytes, case .shared = blocks[index].storage {
            blocks[index].storage = .string(text)
        }
        return visible
    }

    /// Stores the guesses for the lines of a paragraph of several lines, the blocks from
    /// `first` on, whose samples are `lines` of `all` (joined by newlines).
    private func judgeLines(
        of blocks: inout [Block], from first: Int, lines: [Range<Int>], in all: UnsafeBufferPointer<UInt8>,
        scratch: DetectorScratch
    ) {
        let found = scratch.paragraph(for: all, lines: lines.count)
        let judgement: ParagraphJudgement
        if let known = found.known {
            judgement = known
        } else {
            judgement = judge(lines: lines, in: all, scratch: scratch)
            scratch.rememberParagraph(judgement, for: all, hash: found.hash)
        }
        let shared = judgement.shared
        for (offset, line) in judgement.lines.enumerated() {
            switch line {
            case .short:
                blocks[first + offset].language = shared.isUndetermined ? .undetermined : shared
            case .agrees:
                blocks[first + offset].language = shared
            case .own(let guess, let letters):
                // With a paragraph guess, a line keeps its own only when it is clearly foreign.
                let standsAlone =
                    !guess.isUndetermined && guess.code != shared.code
                    && (guess.confidence >= 0.9 && letters >= 12
                        || blocks[first + offset].kind != .paragraph && letters >= 24)
                blocks[first + offset].language = (standsAlone || shared.isUndetermined) ? guess : shared
            }
        }
    }

    /// The paragraph's guess and each line's own, for lines whose samples are `lines` of `all`.
    ///
    /// Each line is read once: its evidence gives its own guess, and the sum of the evidence of
    /// the lines in the paragraph's sample (the first `2 * sampleBytes` of `all`) gives the
    /// paragraph's guess.
    private func judge(lines: [Range<Int>], in all: UnsafeBufferPointer<UInt8>, scratch: DetectorScratch) -> ParagraphJudgement {
        let evidence = scratch.evidence
        let paragraph = evidence.paragraph
        paragraph.reset()
        let window = Self.sampleLength(all, bytes: Self.sampleBytes * 2)
        // Lines wholly inside the sample keep their evidence (those long enough to be judged
        // alone); a line the sample cuts adds the evidence of its part in the sample.
        var wholeLines = 0
        for (offset, range) in lines.enumerated() {
            if range.upperBound <= window {
                let line = range.count >= 12 ? evidence.line(offset) : evidence.text
                scorer.collect(UnsafeBufferPointer(rebasing: all[range]), into: line, cache: scratch.wordScores, scratch: evidence)
                paragraph.add(line)
                wholeLines += 1
            } else {
                if range.lowerBound < window {
                    scorer.collect(
                        UnsafeBufferPointer(rebasing: all[range.lowerBound..<window]), into: evidence.text,
                        cache: scratch.wordScores, scratch: evidence)
                    paragraph.add(evidence.text)
                }
                break
            }
        }
        let shared = guess(from: scorer.outcome(of: paragraph)).guess
        // When the paragraph has a guess, a line's own guess only counts with 12 letters or
        // more (see `judgeLines`): fewer are not worth ranking. A line shorter than that can
        // only take the paragraph's guess. A line whose leading language is the paragraph's
        // takes it too, without the soft-max.
        var judged: [ParagraphJudgement.Line] = []
        judged.reserveCapacity(lines.count)
        for (offset, range) in lines.enumerated() {
            guard range.count >= 12 else {
                judged.append(.short)
                continue
            }
            let line: TextEvidence
            if offset < wholeLines {
                line = evidence.line(offset)
            } else {
                line = evidence.text
                scorer.collect(UnsafeBufferPointer(rebasing: all[range]), into: line, cache: scratch.wordScores, scratch: evidence)
            }
            let outcome =
                shared.isUndetermined
                ? scorer.outcome(of: line) : scorer.outcome(of: line, minimumLetters: 12, preferred: shared.code)
            if outcome.agrees {
                judged.append(.agrees)
            } else {
                let (guess, letters) = guess(from: outcome)
                judged.append(.own(guess, letters: letters))
            }
        }
        return ParagraphJudgement(shared: shared, lines: judged)
    }

    /// A block's raw UTF-8 as typed bytes.
    @inline(__always)
    private static func bytes(_ raw: UnsafeRawBufferPointer) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
    }

    /// Bytes of a block's text the stage reads to judge it.
    static let sampleBytes = 320
    /// A line at least this long keeps its own string once made (see `process`).
    static let ownStringBytes = 1 << 20

    /// At most `bytes` UTF-8 bytes of `text`, cut after a space when there is one near the end.
    static func sample(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var text = text
        return text.withUTF8 { String(decoding: $0[..<sampleLength($0, bytes: bytes)], as: UTF8.self) }
    }

    /// The length of `sample(_:bytes:)`'s result for the UTF-8 text `utf8`.
    static func sampleLength(_ utf8: UnsafeBufferPointer<UInt8>, bytes: Int) -> Int {
        guard utf8.count > bytes else { return utf8.count }
        var end = bytes
        while end > 0, !UTF8.isASCII(utf8[end]) && (utf8[end] & 0xC0) == 0x80 {
            end -= 1  // not inside a multi-byte scalar
        }
        if let space = utf8[..<end].lastIndex(of: 0x20), end - space < 40 {
            end = space
        }
        return end
    }

    /// The main language of a set of blocks: each block's guess votes with its text length times
    /// its confidence, so a short foreign paragraph (a widget, a quote) does not flip the document.
    ///
    /// The pipeline calls this with the blocks kept after boilerplate removal. Blocks without a
    /// language yet are detected here.
    public func documentLanguage(of blocks: [Block]) -> LanguageGuess {
        documentLanguage(of: blocks, keptOnly: false)
    }

    /// `documentLanguage(of:)` of the kept blocks, or of all blocks when none is kept (or when
    /// `keptOnly` is false), without copying them out of the array.
    func documentLanguage(of blocks: [Block], keptOnly: Bool) -> LanguageGuess {
        // Blocks are read field by field: copying a whole `Block` retains all its strings.
        let onlyKept = keptOnly && blocks.indices.contains { blocks[$0].verdictAction != .drop }
        // A page has a handful of languages: a short list beats hashing every block's code.
        var votes: [(key: String, value: Double)] = []
        var total = 0.0
        func vote(code: String, confidence: Double, weight: Int) {
            guard code != LanguageGuess.undetermined.code else { return }
            let amount = Double(weight) * confidence
            if let slot = votes.firstIndex(where: { $0.key == code }) {
                votes[slot].value += amount
            } else {
                votes.append((code, amount))
            }
            total += Double(weight)
        }
        for index in blocks.indices where !onlyKept || blocks[index].verdictAction != .drop {
            // Code and confidence, not the guess: a copy of it retains its alternatives.
            guard let code = blocks[index].languageCode, let confidence = blocks[index].languageConfidence else {
                let guess = detect(Self.sample(blocks[index].text, bytes: Self.sampleBytes))
                vote(code: guess.code, confidence: guess.confidence, weight: blocks[index].utf8Count)
                continue
            }
            vote(code: code, confidence: confidence, weight: blocks[index].utf8Count)
        }
        guard total > 0 else { return .undetermined }
        let ranked = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first else { return .undetermined }
        let alternatives = ranked.dropFirst().prefix(3).map {
            LanguageScore(code: $0.key, confidence: $0.value / total)
        }
        return LanguageGuess(code: best.key, confidence: best.value / total, alternatives: alternatives)
    }
}
