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
    /// Word evidence remembered across the documents a worker detects.
    private let caches = WordScoreCachePool()

    /// A detector using the bundled model.
    public init() {
        scorer = LanguageScorer(model: LanguageModel.bundled, tuning: .standard)
    }

    init(tuning: LanguageTuning) {
        scorer = LanguageScorer(model: LanguageModel.bundled, tuning: tuning)
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
        _ text: String, cache: WordScoreCache? = nil, minimumLetters: Int = 0
    ) -> (guess: LanguageGuess, letters: Int) {
        var text = text
        let outcome = text.withUTF8 { scorer.scan($0, cache: cache, minimumLetters: minimumLetters) }
        guard let top = outcome.ranked.first, outcome.letters > 0 else {
            return (.undetermined, outcome.letters)
        }
        // One or two letters of a shared script say almost nothing.
        let lengthFactor = outcome.family.isShared ? min(1, Double(outcome.letters) / 3) : 1
        let confidence = top.probability * outcome.scriptShare * lengthFactor
        let alternatives = outcome.ranked.dropFirst().prefix(3)
            .filter { $0.probability >= 0.01 }
            .map { LanguageScore(code: $0.code, confidence: $0.probability * outcome.scriptShare) }
        if confidence < scorer.tuning.minimumConfidence || outcome.letters < 2 && outcome.family.isShared {
            let all = [LanguageScore(code: top.code, confidence: confidence)] + alternatives
            return (LanguageGuess(code: "und", confidence: confidence, alternatives: all), outcome.letters)
        }
        return (LanguageGuess(code: top.code, confidence: confidence, alternatives: alternatives), outcome.letters)
    }

    /// Annotates every block and the document.
    ///
    /// Lines of one paragraph (a blank-line-separated run) share the paragraph's guess, except a
    /// line that is confidently in another language on its own (a widget card, a caption in
    /// another script) or a list item, heading, link or table row long enough to judge alone.
    public func process(_ document: inout Document) throws(WinnowError) {
        var start = 0
        let blocks = document.blocks
        let cache = caches.checkOut()
        defer { caches.checkIn(cache) }
        while start < blocks.count {
            var end = start + 1
            while end < blocks.count, blocks[end].paragraph == blocks[start].paragraph { end += 1 }
            // Markup (link targets, list markers) is not language: judge the plain text. A few
            // hundred bytes decide a paragraph as well as the whole of it, at a fraction of the cost.
            let plain = (start..<end).map { Self.sample(InlineMarkup.plainText(blocks[$0].text), bytes: Self.sampleBytes) }
            if end - start == 1 {
                document.blocks[start].language = detectWithLength(plain[0], cache: cache).guess
            } else {
                // A line shorter than the stand-alone minimum can only take the paragraph's
                // guess: don't score it on its own.
                let joined = Self.sample(plain.joined(separator: "\n"), bytes: Self.sampleBytes * 2)
                let shared = detectWithLength(joined, cache: cache).guess
                // When the paragraph has a guess, a line's own guess only counts with 12 letters
                // or more (see `standsAlone`): fewer are not worth scoring.
                let minimumLetters = shared.isUndetermined ? 0 : 12
                let own = plain.map {
                    $0.utf8.count >= 12 ? detectWithLength($0, cache: cache, minimumLetters: minimumLetters) : (.undetermined, 0)
                }
                for (offset, index) in (start..<end).enumerated() {
                    let (guess, letters) = own[offset]
                    let standsAlone =
                        !guess.isUndetermined && guess.code != shared.code
                        && (guess.confidence >= 0.9 && letters >= 12 || blocks[index].kind != .paragraph && letters >= 24)
                    document.blocks[index].language = (standsAlone || shared.isUndetermined) ? guess : shared
                }
            }
            start = end
        }
        document.language = documentLanguage(of: document.blocks)
    }

    /// Bytes of a block's text the stage reads to judge it.
    static let sampleBytes = 320

    /// At most `bytes` UTF-8 bytes of `text`, cut after a space when there is one near the end.
    static func sample(_ text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > bytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        while end > utf8.startIndex, !UTF8.isASCII(utf8[end]) && (utf8[end] & 0xC0) == 0x80 {
            end = utf8.index(before: end)  // not inside a multi-byte scalar
        }
        let head = text.utf8[..<end]
        if let space = head.lastIndex(of: 0x20), utf8.distance(from: space, to: end) < 40 {
            end = space
        }
        return String(text.utf8[..<end]) ?? String(decoding: text.utf8[..<end], as: UTF8.self)
    }

    /// The main language of a set of blocks: each block's guess votes with its text length times
    /// its confidence, so a short foreign paragraph (a widget, a quote) does not flip the document.
    ///
    /// The pipeline calls this with the blocks kept after boilerplate removal. Blocks without a
    /// language yet are detected here.
    public func documentLanguage(of blocks: [Block]) -> LanguageGuess {
        var votes: [String: Double] = [:]
        var total = 0.0
        for block in blocks {
            let guess = block.language ?? detect(Self.sample(block.text, bytes: Self.sampleBytes))
            let weight = Double(block.text.utf8.count)
            guard !guess.isUndetermined else { continue }
            votes[guess.code, default: 0] += weight * guess.confidence
            total += weight
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
