/// The hot loop of the language detector: one pass to find a text's dominant script, and, when
/// that script is shared by several languages, a second pass scoring its words against the model.
///
/// It works on UTF-8 bytes and fixed scratch buffers; no `String` is created per word or n-gram.
/// A class: the detector passes it to every call, and a struct of arrays would be retained
/// member by member each time.
final class LanguageScorer: Sendable {
    /// What a scan found: per-language probabilities (best first) and how much text backed them.
    struct Outcome {
        var ranked: [(code: String, probability: Double)]
        /// Letters of the dominant script.
        var letters: Int
        /// Share of all (weighted) letters that the dominant script holds.
        var scriptShare: Double
        var family: ScriptFamily
        /// The scan was told the language a caller prefers, and that language ranks first: the
        /// probabilities were not computed (`ranked` is empty).
        var agrees = false
    }

    let model: LanguageModel?
    let tuning: LanguageTuning
    /// Languages of each shared family, as model indices.
    private let candidates: [[Int]]
    /// For each family, the pool slot of every model language (-1 when not a candidate).
    private let slots: [[Int16]]
    /// floors[order * languageCount + language], already multiplied by the order's weight.
    private let weightedFloors: [Float]
    private let priors: [Float]
    private let codes: [String]

    init(model: LanguageModel?, tuning: LanguageTuning) {
        self.model = model
        self.tuning = tuning
        let languages = model?.languages ?? []
        var candidates = Array(repeating: [Int](), count: ScriptFamily.allCases.count)
        for (index, language) in languages.enumerated() {
            candidates[Int(language.family.rawValue)].append(index)
        }
        self.candidates = candidates
        slots = candidates.map { pool in
            var slotOf = [Int16](repeating: -1, count: languages.count)
            for (slot, language) in pool.enumerated() { slotOf[language] = Int16(slot) }
            return slotOf
        }
        var floors = [Float](repeating: 0, count: 6 * languages.count)
        for order in 0..<6 {
            // One floor per order for every language: a language trained on a short list would
            // otherwise be charged little for n-grams it has never seen.
            let lowest = languages.map { $0.floors[order] }.min() ?? 0
            for index in languages.indices {
                floors[order * languages.count + index] = tuning.orderWeights[order] * lowest
            }
        }
        weightedFloors = floors
        priors = languages.map { tuning.logPriors[$0.code] ?? 0 }
        codes = languages.map(\.code)
    }

    /// - Parameters:
    ///   - cache: evidence of words already scored, shared by the calls for one document.
    ///   - minimumLetters: a text of a shared script with fewer letters than this is not scored
    ///     (its outcome ranks nothing), for callers that would not use such a guess.
    ///   - preferred: a language code the caller will use anyway when it ranks first; the
    ///     outcome then only says so (`agrees`), which saves the soft-max.
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, cache: WordScoreCache? = nil, minimumLetters: Int = 0,
        preferred: String? = nil
    ) -> Outcome {
        let familyCount = ScriptFamily.allCases.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: familyCount) { counts in
            counts.initialize(repeating: 0)
            var cursor = ScalarCursor(bytes)
            while let cp = cursor.next() {
                guard cp >= 0x41, LetterFolding.kind(cp) == .letter else { continue }
                counts[Int(ScriptFamily.of(cp).rawValue)] += 1
            }
            var best = ScriptFamily.other
            var bestWeight = 0
            var totalWeight = 0
            for family in ScriptFamily.allCases where family != .other {
                let weight = counts[Int(family.rawValue)] * family.letterWeight
                totalWeight += weight
                if weight > bestWeight {
                    best = family
                    bestWeight = weight
                }
            }
            // Japanese mixes kanji and kana; Chinese has no kana.
            let kana = counts[Int(ScriptFamily.kana.rawValue)]
            let han = counts[Int(ScriptFamily.han.rawValue)]
            if best == .han || best == .kana {
                best = (kana >= 2 || (kana > 0 && kana * 10 >= han)) ? .kana : .han
                bestWeight = (kana + han) * ScriptFamily.kana.letterWeight
            }
            guard bestWeight > 0 else {
                return Outcome(ranked: [], letters: 0, scriptShare: 0, family: .other)
            }
            let letters = best == .kana ? kana + han : counts[Int(best.rawValue)]
            let share = Double(bestWeight) / Double(totalWeight)
            if let code = best.uniqueLanguage {
                return Outcome(ranked: [(code, 1)], letters: letters, scriptShare: share, family: best)
            }
            guard letters >= minimumLetters else {
                return Outcome(ranked: [], letters: letters, scriptShare: share, family: best)
            }
            let (ranked, agrees) = score(bytes, family: best, letters: letters, cache: cache, preferred: preferred)
            return Outcome(ranked: ranked, letters: letters, scriptShare: share, family: best, agrees: agrees)
        }
    }

    /// Naive-Bayes scores of the words of `family` in the text, as probabilities: the best few,
    /// best first.
    ///
    /// - Parameter letters: letters of `family` in the text. A long text stops being read once
    ///   one language leads by `earlyExitMargin`, but only after half of its letters, so that a
    ///   foreign snippet at the start cannot decide it.
    private func score(
        _ bytes: UnsafeBufferPointer<UInt8>, family: ScriptFamily, letters: Int, cache: WordScoreCache?,
        preferred: String?
    ) -> (ranked: [(code: String, probability: Double)], agrees: Bool) {
        guard let model else { return ([], false) }
        let pool = candidates[Int(family.rawValue)]
        guard !pool.isEmpty else { return ([], false) }
        let languageCount = model.languages.count
        let firstOrder = (1...5).first { tuning.orderWeights[$0] != 0 } ?? 6
        return tuning.orderWeights.withUnsafeBufferPointer { weights in
        weightedFloors.withUnsafeBufferPointer { floors in
        slots[Int(family.rawValue)].withUnsafeBufferPointer { slotOf in
        WordAccumulator.withScratch(poolCount: pool.count) { scratch in
            var words = WordAccumulator(
                model: model, languageCount: languageCount, slotOf: slotOf,
                cacheSalt: UInt64(family.rawValue) << 56, weights: weights, weightedFloors: floors,
                firstOrder: firstOrder, cache: cache, scratch: scratch)
            var cursor = ScalarCursor(bytes)
            let earlyExitWords = tuning.earlyExitWords
            while let cp = cursor.next() {
                if cursor.startsChunk { words.finishWord() }
                switch cp < 0x41 ? .other : LetterFolding.kind(cp) {
                case .letter:
                    if ScriptFamily.of(cp) == family {
                        words.append(LetterFolding.fold(cp))
                        continue
                    }
                case .mark:
                    if words.length > 0 { words.append(cp) }
                    continue
                case .other:
                    break
                }
                guard words.length > 0 else { continue }
                words.finishWord()
                if words.words >= earlyExitWords, words.words % 4 == 0, 2 * words.lettersRead >= letters {
                    words.flush()
                    if margin(words, pool: pool) >= tuning.earlyExitMargin { break }
                }
            }
            words.finishWord()
            words.flush()
            guard words.words > 0 else { return ([], false) }
            if let preferred, codes[pool[leader(words, pool: pool)]] == preferred { return ([], true) }
            return (ranking(words, pool: pool), false)
        }
        }
        }
        }
    }

    /// The pool slot `ranking` puts first: the first slot with the highest total.
    private func leader(_ words: WordAccumulator, pool: [Int]) -> Int {
        guard let first = pool.first else { return 0 }
        var best = words.total(slot: 0, language: first, prior: priors[first])
        var leader = 0
        for (slot, language) in pool.enumerated().dropFirst() {
            let t = words.total(slot: slot, language: language, prior: priors[language])
            if t > best {
                best = t
                leader = slot
            }
        }
        return leader
    }

    /// The difference between the best and the second-best total.
    private func margin(_ words: WordAccumulator, pool: [Int]) -> Float {
        var first = -Float.infinity
        var second = -Float.infinity
        for (slot, language) in pool.enumerated() {
            let t = words.total(slot: slot, language: language, prior: priors[language])
            if t > first {
                second = first
                first = t
            } else if t > second {
                second = t
            }
        }
        return first - second
    }

    /// Soft-max probabilities of the best `limit` candidates, best first (ties by model order).
    private func ranking(_ words: WordAccumulator, pool: [Int], limit: Int = 4) -> [(code: String, probability: Double)] {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: pool.count + limit + 1) { numbers in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: limit + 1) { topSlot in
            // The best few, kept sorted in fixed scratch (no array grows per call).
            let totals = UnsafeMutableBufferPointer(rebasing: numbers[0..<pool.count])
            let topTotal = UnsafeMutableBufferPointer(rebasing: numbers[pool.count...])
            var kept = 0
            for (slot, language) in pool.enumerated() {
                let t = words.total(slot: slot, language: language, prior: priors[language])
                totals[slot] = t
                guard kept < limit || t > topTotal[kept - 1] else { continue }
                var i = kept
                while i > 0, topTotal[i - 1] < t {
                    topTotal[i] = topTotal[i - 1]
                    topSlot[i] = topSlot[i - 1]
                    i -= 1
                }
                topTotal[i] = t
                topSlot[i] = slot
                if kept < limit { kept += 1 }
            }
            let best = topTotal[0]
            var sum = 0.0
            for t in totals {
                let x = Double((t - best) / tuning.temperature)
                if x > -40 { sum += x.exponential }  // e^-40 adds nothing to a sum that holds 1
            }
            return (0..<kept).map {
                (codes[pool[topSlot[$0]]], Double((topTotal[$0] - best) / tuning.temperature).exponential / sum)
            }
        }
        }
    }
}

extension Double {
    /// e raised to this value, without importing Foundation into the hot loop's file.
    var exponential: Double {
        // exp via the standard library's elementary functions is not available without
        // Foundation; a short range-reduced series is exact enough for soft-max weights. The
        // series multiplies by 1/n instead of dividing by n: the ranking takes ~40 of these per
        // text, and divisions, which do not pipeline, made it the detector's slowest step.
        if self < -700 { return 0 }
        let k = (self / 0.6931471805599453).rounded(.down)
        let r = self - k * 0.6931471805599453
        var term = 1.0
        var sum = 1.0
        term *= r
        sum += term
        term *= r * 0.5
        sum += term
        term *= r * 0.3333333333333333
        sum += term
        term *= r * 0.25
        sum += term
        term *= r * 0.2
        sum += term
        term *= r * 0.16666666666666666
        sum += term
        term *= r * 0.14285714285714285
        sum += term
        term *= r * 0.125
        sum += term
        term *= r * 0.1111111111111111
        sum += term
        term *= r * 0.1
        sum += term
        term *= r * 0.09090909090909091
        sum += term
        term *= r * 0.08333333333333333
        sum += term
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }
}
