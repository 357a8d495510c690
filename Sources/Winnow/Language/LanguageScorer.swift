import CTextScan

/// The hot loop of the language detector: one pass over a text counts the letters of each script
/// and scores the words of the shared scripts against the model (`collect`); the dominant script
/// then decides, or ranks the candidates of its words' evidence (`outcome(of:)`).
///
/// It works on UTF-8 bytes and fixed scratch buffers; no `String` is created per word or n-gram.
/// A class: the detector passes it to every call, and a struct of arrays would be retained
/// member by member each time.
final class LanguageScorer: Sendable {
    /// What a scan found: per-language probabilities (best first) and how much text backed them.
    struct Outcome {
        var ranked: Ranking
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
    /// For each shared family f (raw value f + 1), the pool slot of every model language (-1 when
    /// not a candidate): flatSlots[f * languageCount + language].
    private let flatSlots: [Int16]
    /// Whether each shared family has candidates.
    private let hasPool: [Bool]
    /// floors[order * languageCount + language], already multiplied by the order's weight.
    private let weightedFloors: [Float]
    /// What one model entry adds to its language's word evidence, by order and quantised −log p
    /// q: weight × (−q × step) − weighted floor, precomputed with the same float operations the
    /// scorer did per entry (so sums are bit for bit the same). contributions[order << 8 | q].
    ///
    /// Every language has the same floor for an order (see `init`), so the table needs no
    /// language dimension: 6 KB that stay in the L1 cache, where a table by language (325 KB)
    /// missed it on most of the ~20 entries of every n-gram.
    private let contributions: [Float]
    private let priors: [Float]
    /// The priors of each shared family's candidates, by pool slot: poolPriors[f][slot].
    private let poolPriors: [[Float]]
    /// The weighted floor of each order (0…5), the same for every language.
    private let orderFloors: [Float]
    private let codes: [String]
    /// The lowest n-gram order (1…5) with a weight, 6 when none has: orders below it are not
    /// looked up. Found once here rather than for every text.
    private let firstOrder: Int

    init(model: LanguageModel?, tuning: LanguageTuning) {
        self.model = model
        self.tuning = tuning
        let languages = model?.languages ?? []
        var candidates = Array(repeating: [Int](), count: ScriptFamily.allCases.count)
        for (index, language) in languages.enumerated() {
            candidates[Int(language.family.rawValue)].append(index)
        }
        self.candidates = candidates
        var flatSlots = [Int16](repeating: -1, count: TextEvidence.sharedFamilyCount * languages.count)
        for f in 0..<TextEvidence.sharedFamilyCount {
            for (slot, language) in candidates[f + 1].enumerated() {
                flatSlots[f * languages.count + language] = Int16(slot)
            }
        }
        self.flatSlots = flatSlots
        hasPool = (1...TextEvidence.sharedFamilyCount).map { !candidates[$0].isEmpty }
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
        var contributions = [Float](repeating: 0, count: 6 * 256)
        if let model {
            for order in 0..<6 {
                let weight = tuning.orderWeights[order]
                // The floor of every language, which is the same for all of them.
                let floor = floors.isEmpty ? 0 : floors[order * languages.count]
                for q in 0..<256 {
                    let logP = -Float(UInt8(q)) * model.step
                    contributions[order << 8 | q] = weight * logP - floor
                }
            }
        }
        self.contributions = contributions
        let priors = languages.map { tuning.logPriors[$0.code] ?? 0 }
        self.priors = priors
        poolPriors = (1...TextEvidence.sharedFamilyCount).map { candidates[$0].map { priors[$0] } }
        orderFloors = (0..<6).map { floors.isEmpty ? 0 : floors[$0 * languages.count] }
        codes = languages.map(\.code)
        firstOrder = (1...5).first { tuning.orderWeights[$0] != 0 } ?? 6
    }

    /// Candidates of each shared family (Latin, Cyrillic, Arabic, Devanagari), in family order:
    /// the sizes of `TextEvidence`'s score vectors.
    var poolSizes: [Int] { (1...TextEvidence.sharedFamilyCount).map { candidates[$0].count } }

    /// A worker moves to the bundled model's copy on huge pages (`bundledOnHugePages`) once it
    /// has read this many bytes: the copy costs a few milliseconds, which a short run (one line
    /// through a shell loop) would spend on nothing else.
    static let hugePageThreshold = 1 << 16

    /// The table to read `count` more bytes with: the bundled model's copy on huge pages once
    /// `scratch` has read `hugePageThreshold` bytes, else the model's own. Both hold the same
    /// bytes, so scores do not depend on which one is read.
    private func table(of model: LanguageModel, reading count: Int, with scratch: EvidenceScratch) -> LanguageModel.Table {
        guard model.isBundled else { return model.table }
        // Kept once taken: reading the lazily made static for every text was a `swift_once`
        // check per text.
        if let copy = scratch.hugePageTable { return copy }
        scratch.bytesRead += count
        guard scratch.bytesRead >= Self.hugePageThreshold, let copy = LanguageModel.bundledOnHugePages else { return model.table }
        scratch.hugePageTable = copy.table
        return copy.table
    }

    /// Reads `bytes` once into `evidence` (which it resets first): the letters of every script,
    /// and the model's evidence for the words of every shared script.
    ///
    /// - Parameters:
    ///   - cache: evidence of words already scored, kept by the caller's worker.
    ///   - asciiRuns: take a run of ASCII letters at once (false only for tests, which check
    ///     that the result is the same as scalar by scalar).
    ///   - kernel: read the text with the C kernels where they apply (false only for tests,
    ///     which check that they collect what the Swift path collects).
    func collect(
        _ bytes: UnsafeBufferPointer<UInt8>, into evidence: TextEvidence, cache: WordScoreCache?,
        scratch: EvidenceScratch, asciiRuns: Bool = true, kernel: Bool = true
    ) {
        evidence.reset()
        let counts = evidence.letterCounts
        guard let model else {
            var cursor = ScalarCursor(bytes)
            while let cp = cursor.next() {
                guard cp >= 0x41, LetterFolding.kind(cp) == .letter else { continue }
                counts[Int(ScriptFamily.of(cp).rawValue)] += 1
            }
            return
        }
        cache?.beginText()
        let languageCount = model.languages.count
        let sharedCount = TextEvidence.sharedFamilyCount
        let firstOrder = self.firstOrder
        let table = self.table(of: model, reading: bytes.count, with: scratch)
        if kernel,
            collectTokenized(bytes, into: evidence, cache: cache, words: scratch.words, model: model, table: table, firstOrder: firstOrder)
        {
            return
        }
        tuning.orderWeights.withUnsafeBufferPointer { weights in
        weightedFloors.withUnsafeBufferPointer { floors in
        flatSlots.withUnsafeBufferPointer { flatSlots in
        contributions.withUnsafeBufferPointer { contributions in
        withUnsafeTemporaryAllocation(of: WordAccumulator.self, capacity: sharedCount) { words in
            for f in 0..<sharedCount {
                let family = scratch.families[f]
                words.initializeElement(
                    at: f,
                    to: WordAccumulator(
                        model: table, languageCount: languageCount,
                        slotOf: UnsafeBufferPointer(rebasing: flatSlots[f * languageCount..<(f + 1) * languageCount]),
                        cacheSalt: UInt64(f + 1) << 56, weights: weights, weightedFloors: floors,
                        contributions: contributions, firstOrder: firstOrder, cache: cache,
                        scratch: family.addingInto(scores: evidence.scores(f), lookups: evidence.lookups(f)),
                        kernel: kernel))
            }
            // One word is open at a time, in the shared family `open` (-1: none). A letter of
            // another script, a non-letter or a new chunk ends it; a mark continues it.
            var open = -1
            // ASCII scalars (most of the text of Latin-script pages) skip the general letter
            // test, script lookup and folding: an ASCII letter is Latin and folds to lower case.
            let latinCount = Int(ScriptFamily.latin.rawValue)
            let latinWords = latinCount &- 1
            let latinShared = latinWords >= 0 && latinWords < sharedCount && hasPool[latinWords]
            // ASCII letters are counted here and added to `counts` at the end: a counter in
            // memory was a load and a store per letter.
            var asciiLetters = 0
            var cursor = ScalarCursor(bytes)
            while let cp = cursor.next() {
                if cursor.startsChunk, open >= 0 {
                    words[open].finishWord()
                    open = -1
                }
                if cp < 0x80 {
                    if (cp | 0x20) &- 0x61 < 26 {
                        // The ASCII letters that follow in the chunk read as this one does,
                        // so they are taken as a run rather than scalar by scalar.
                        let run = asciiRuns ? cursor.takeASCIILetters() : UnsafeBufferPointer(start: nil, count: 0)
                        asciiLetters &+= 1 &+ run.count
                        if latinShared {
                            if open >= 0, open != latinWords { words[open].finishWord() }
                            open = latinWords
                            words[latinWords].append(cp | 0x20)
                            words[latinWords].append(asciiLetters: run)
                        } else if open >= 0 {
                            words[open].finishWord()
                            open = -1
                        }
                    } else if open >= 0 {
                        words[open].finishWord()
                        open = -1
                    }
                    continue
                }
                switch cp < 0x41 ? .other : LetterFolding.kind(cp) {
                case .letter:
                    let family = ScriptFamily.of(cp)
                    counts[Int(family.rawValue)] += 1
                    let f = Int(family.rawValue) &- 1
                    let shared = f >= 0 && f < sharedCount && hasPool[f]
                    if open >= 0, !shared || f != open { words[open].finishWord() }
                    if shared {
                        open = f
                        words[f].append(LetterFolding.fold(cp))
                    } else {
                        open = -1
                    }
                case .mark:
                    if open >= 0, words[open].length > 0 { words[open].append(cp) }
                case .other:
                    if open >= 0 {
                        words[open].finishWord()
                        open = -1
                    }
                }
            }
            counts[latinCount] += asciiLetters
            for f in 0..<sharedCount {
                words[f].finishWord()
                words[f].flush()
                evidence.words[f] = words[f].words
            }
            _ = words.deinitialize()
        }
        }
        }
        }
        }
    }

    /// `collect` for a text the C tokenizer reads (Latin and Cyrillic text of the common
    /// ranges, see `winnow_langid_tokenize`): the text's words come back hashed in one call,
    /// cached vectors are added with no per-word Swift state, and the words the cache lacks are
    /// scored by the C kernel. False, with `evidence` untouched, when the tokenizer declines
    /// the text. The sums are the Swift path's: each family's vectors are added in text order,
    /// and a word's vector is the same whether cached or scored.
    private func collectTokenized(
        _ bytes: UnsafeBufferPointer<UInt8>, into evidence: TextEvidence, cache: WordScoreCache?,
        words: TokenizedWords, model: LanguageModel, table: LanguageModel.Table, firstOrder: Int
    ) -> Bool {
        guard bytes.count <= TokenizedWords.byteCapacity, TextEvidence.sharedFamilyCount >= 2 else { return false }
        var out = words.output
        let reader = cache?.reader
        if let layout = reader?.slotTable {
            out.cacheSlots = layout.base
            out.cacheMask = layout.mask
            out.cacheSlotStride = Int64(layout.stride)
            out.cacheStartOffset = Int64(layout.startOffset)
            out.cacheCountOffset = Int64(layout.countOffset)
            out.cacheScores = layout.scores
            out.poolCounts = (Int64(evidence.scores(0).count), Int64(evidence.scores(1).count))
            out.vectors = words.vectors
        }
        var table = table.c
        let status = withUnsafePointer(to: &table) { table in
            out.table = table
            defer { out.table = nil }
            return winnow_langid_tokenize(
                bytes.baseAddress, Int64(bytes.count), hasPool[0] ? 1 : 0, hasPool[1] ? 1 : 0, Int64(firstOrder), &out)
        }
        guard status == 1 else { return false }
        let wordCount = Int(out.wordCount)
        let languageCount = model.languages.count
        // Score the words the cache lacks first (the tokenizer has looked the others up, and
        // started loading the model slots of the missed ones), and only then touch `evidence`.
        var scoredUsed = 0
        for f in 0..<2 where (f == 0 ? out.wordCounts.0 : out.wordCounts.1) > 0 {
            let poolCount = evidence.scores(f).count
            guard poolCount <= words.largestPool else { return false }
            let salt = UInt64(f + 1) << 56
            var missedCount = 0
            // With a cache, the tokenizer has looked every word up (`vectors`); without, every
            // word is scored.
            for w in 0..<wordCount where Int(words.families[w]) == f {
                if reader == nil { words.vectors[w] = nil }
                if words.vectors[w] == nil {
                    words.missed[missedCount] = w
                    missedCount += 1
                }
            }
            guard missedCount > 0 else { continue }
            let target = words.scored + scoredUsed
            let scored = flatSlots.withUnsafeBufferPointer { slots in
                contributions.withUnsafeBufferPointer { contributions in
                    winnow_langid_score_words(
                        &table, slots.baseAddress.map { $0 + f * languageCount }, Int64(languageCount),
                        contributions.baseAddress, Int64(firstOrder), words.letters, Int64(TokenizedWords.byteCapacity),
                        words.starts, words.lengths, words.keys, wordCount, words.missed, Int64(missedCount), target,
                        Int64(poolCount))
                }
            }
            guard scored == 0 else { return false }
            for i in 0..<missedCount {
                let w = words.missed[i]
                let vector = target + i * poolCount
                words.vectors[w] = UnsafePointer(vector)
                cache?.store(words.keys[w] ^ salt, word: UnsafeMutableBufferPointer(start: vector, count: poolCount))
            }
            scoredUsed += missedCount * poolCount
        }
        let counts = evidence.letterCounts
        counts[Int(ScriptFamily.latin.rawValue)] += Int(out.letterCounts.0)
        counts[Int(ScriptFamily.cyrillic.rawValue)] += Int(out.letterCounts.1)
        for f in 0..<2 {
            let found = Int(f == 0 ? out.wordCounts.0 : out.wordCounts.1)
            guard found > 0 else { continue }
            evidence.words[f] = found
            let scores = evidence.scores(f)
            let poolCount = scores.count
            for w in 0..<wordCount where Int(words.families[w]) == f {
                guard let vector = words.vectors[w] else { continue }
                for slot in 0..<poolCount { scores[slot] += vector[slot] }
            }
            let lookups = evidence.lookups(f)
            let counted = f == 0 ? out.lookups.0 : out.lookups.1
            // Integer counts far below 2^24: the same float as adding them word by word.
            lookups[0] += Float(counted.0)
            lookups[1] += Float(counted.1)
            lookups[2] += Float(counted.2)
            lookups[3] += Float(counted.3)
            lookups[4] += Float(counted.4)
            lookups[5] += Float(counted.5)
        }
        return true
    }

    /// Whether Latin letters split into this many words are no language: percent-encoded bytes
    /// (`%E1%80%94…`, 1.24 letters a word), hex IDs and alphabet indexes ("A | B | C") break
    /// into words of one or two letters, which the model would still rank, and a long blob
    /// outvotes a page's prose (a Burmese page read as Italian 0.997 for its URL-encoded slug).
    /// Sentences of 8+ words of every Latin-script language of the language-ID dev set average
    /// 1.73 letters a word or more (Yoruba's least; Vietnamese 2.12). Only Latin is judged:
    /// Indic scripts count their vowel signs as marks, not letters (Hindi 1.0–1.4).
    @inline(__always)
    static func isLetterSoup(letters: Int, words: Int) -> Bool {
        words >= 8 && 2 * letters < 3 * words
    }

    /// The outcome for collected evidence.
    ///
    /// - Parameters:
    ///   - minimumLetters: a text of a shared script with fewer letters than this is not ranked
    ///     (its outcome ranks nothing), for callers that would not use such a guess.
    ///   - preferred: a language code the caller will use anyway when it ranks first; the
    ///     outcome then only says so (`agrees`), which saves the soft-max.
    func outcome(of evidence: TextEvidence, minimumLetters: Int = 0, preferred: String? = nil) -> Outcome {
        let counts = evidence.letterCounts
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
            return Outcome(ranked: Ranking(), letters: 0, scriptShare: 0, family: .other)
        }
        let letters = best == .kana ? kana + han : counts[Int(best.rawValue)]
        let share = Double(bestWeight) / Double(totalWeight)
        if let code = best.uniqueLanguage {
            return Outcome(ranked: Ranking(code, probability: 1), letters: letters, scriptShare: share, family: best)
        }
        let f = Int(best.rawValue) - 1
        guard letters >= minimumLetters, model != nil, f >= 0, f < TextEvidence.sharedFamilyCount, hasPool[f],
            evidence.words[f] > 0, !(best == .latin && Self.isLetterSoup(letters: letters, words: evidence.words[f]))
        else {
            return Outcome(ranked: Ranking(), letters: letters, scriptShare: share, family: best)
        }
        let pool = candidates[Int(best.rawValue)]
        let lookups = evidence.lookups(f)
        return poolPriors[f].withUnsafeBufferPointer { priors in
            // What each candidate is charged for the keys it lacks: the same for all of them.
            let floors = orderFloors
            let totals = Totals(
                scores: UnsafeBufferPointer(evidence.scores(f)), priors: priors,
                charges: (
                    lookups[0] * floors[0], lookups[1] * floors[1], lookups[2] * floors[2], lookups[3] * floors[3],
                    lookups[4] * floors[4], lookups[5] * floors[5]
                ))
            if let preferred, codes[pool[leader(totals, pool: pool)]] == preferred {
                return Outcome(ranked: Ranking(), letters: letters, scriptShare: share, family: best, agrees: true)
            }
            return Outcome(ranked: ranking(totals, pool: pool), letters: letters, scriptShare: share, family: best)
        }
    }

    /// Reads `bytes` and returns its outcome (see `collect` and `outcome(of:)`).
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, cache: WordScoreCache?, scratch: EvidenceScratch,
        minimumLetters: Int = 0, preferred: String? = nil
    ) -> Outcome {
        collect(bytes, into: scratch.text, cache: cache, scratch: scratch)
        return outcome(of: scratch.text, minimumLetters: minimumLetters, preferred: preferred)
    }

    /// The candidates' totals of one family's evidence: word and n-gram entries, the floors for
    /// the keys each candidate lacks, and its prior.
    private struct Totals {
        let scores: UnsafeBufferPointer<Float>
        /// Priors by pool slot.
        let priors: UnsafeBufferPointer<Float>
        /// Lookups of each order times the order's floor, which every language shares.
        let charges: (Float, Float, Float, Float, Float, Float)

        /// The total of the candidate in pool slot `slot`: its evidence plus its prior, then the
        /// charge of each order in turn (the additions of the per-language formula, in its
        /// order, so the same bits).
        @inline(__always)
        func total(slot: Int) -> Float {
            var t = scores[slot] + priors[slot]
            t += charges.0
            t += charges.1
            t += charges.2
            t += charges.3
            t += charges.4
            t += charges.5
            return t
        }
    }

    /// The pool slot `ranking` puts first: the first slot with the highest total.
    private func leader(_ totals: Totals, pool: [Int]) -> Int {
        guard !pool.isEmpty else { return 0 }
        var best = totals.total(slot: 0)
        var leader = 0
        for slot in 1..<pool.count {
            let t = totals.total(slot: slot)
            if t > best {
                best = t
                leader = slot
            }
        }
        return leader
    }

    /// Soft-max probabilities of the best `Ranking.capacity` candidates, best first (ties by
    /// model order).
    private func ranking(_ source: Totals, pool: [Int]) -> Ranking {
        let limit = Ranking.capacity
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: pool.count + limit + 1) { numbers in
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: limit + 1) { topSlot in
            // The best few, kept sorted in fixed scratch (no array grows per call).
            let totals = UnsafeMutableBufferPointer(rebasing: numbers[0..<pool.count])
            let topTotal = UnsafeMutableBufferPointer(rebasing: numbers[pool.count...])
            var kept = Self.leaders(source, count: pool.count, totals: totals, limit: limit, slots: topSlot, tops: topTotal)
            if kept < 0 {
                // Totals first, in a loop of independent lanes the compiler vectorises; then the
                // best few.
                kept = 0
                for slot in 0..<pool.count { totals[slot] = source.total(slot: slot) }
                for slot in 0..<pool.count {
                    let t = totals[slot]
                    guard kept < limit || t > topTotal[kept - 1] else { continue }
                    var i = kept
                    while i > 0, topTotal[i - 1] < t {
                        topTotal[i] = topTotal[i - 1]
                        topSlot[i] = topSlot[i - 1]
                        i -= 1
                    }
                    topTotal[i] = t
                    topSlot[i] = Int64(slot)
                    if kept < limit { kept += 1 }
                }
            }
            let best = topTotal[0]
            let temperature = tuning.temperature
            let sum = Self.softMaxSum(UnsafeBufferPointer(totals), best: best, temperature: temperature)
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * limit) { terms in
                Self.leadingTerms(
                    UnsafeBufferPointer(rebasing: topTotal[0..<kept]), best: best, temperature: temperature, into: terms)
                var ranking = Ranking()
                for i in 0..<kept { ranking.append(codes[pool[Int(topSlot[i])]], probability: terms[i] / sum) }
                return ranking
            }
        }
        }
    }

    /// `ranking`'s totals and best few by the C kernel (`winnow_langid_leaders`, the same
    /// additions and comparisons): how many it kept, or -1 when it refused its arguments. The
    /// Swift loops kept the selection's bounds checks and spills in the way of every text.
    private static func leaders(
        _ source: Totals, count: Int, totals: UnsafeMutableBufferPointer<Float>, limit: Int,
        slots: UnsafeMutableBufferPointer<Int64>, tops: UnsafeMutableBufferPointer<Float>
    ) -> Int {
        guard count <= totals.count, limit <= slots.count, limit <= tops.count, count <= source.scores.count,
            count <= source.priors.count
        else { return -1 }
        var charges = source.charges
        return withUnsafeBytes(of: &charges) { charges in
            Int(
                winnow_langid_leaders(
                    source.scores.baseAddress, source.priors.baseAddress, charges.baseAddress?.assumingMemoryBound(to: Float.self),
                    Int64(count), totals.baseAddress, Int64(limit), slots.baseAddress, tops.baseAddress))
        }
    }

    /// The soft-max terms e^((t − best) / temperature) of the leading totals `tops` (at most
    /// four), into `terms[0..<tops.count]` (`terms` has room for eight): four at once where AVX2
    /// runs and every exponent is within −700…0, with the operations of `exponential` lane by
    /// lane (so the same bits); else one by one. One by one, each took some sixty dependent
    /// operations, a good part of every ranking.
    static func leadingTerms(
        _ tops: UnsafeBufferPointer<Float>, best: Float, temperature: Float, into terms: UnsafeMutableBufferPointer<Double>
    ) {
        if tops.count <= 4, terms.count >= 8, let base = terms.baseAddress {
            // Lanes past the leading totals take 0, which is in range, and are not read.
            for lane in 0..<4 { terms[4 + lane] = lane < tops.count ? Double((tops[lane] - best) / temperature) : 0 }
            if winnow_langid_exponentials4(base + 4, base) == 1 { return }
        }
        for i in tops.indices where i < terms.count { terms[i] = Double((tops[i] - best) / temperature).exponential }
    }

    /// The soft-max denominator: the sum, in order, of e^((t − best) / temperature) over
    /// `totals`, leaving out terms whose exponent is −40 or less (they add nothing to a sum that
    /// holds 1). `best` is the largest total, so every exponent is at most 0.
    ///
    /// Two terms at a time: the lanes of `SIMD2<Double>` do exactly the operations
    /// `Double.exponential` does, in the same order and with the same rounding, so each term
    /// is bit for bit the scalar one, and the terms are added one by one as before.
    static func softMaxSum(_ totals: UnsafeBufferPointer<Float>, best: Float, temperature: Float) -> Double {
        var sum = 0.0
        // Four terms at a time where AVX2 runs (the same operations lane by lane, so the same
        // bits): a Latin text ranks 40 candidates, 12 dependent multiply-adds each.
        if let base = totals.baseAddress,
            winnow_langid_softmax_sum(base, Int64(totals.count), best, temperature, &sum) == 1
        {
            return sum
        }
        let count = totals.count
        var i = 0
        while i + 1 < count {
            let x0 = Double((totals[i] - best) / temperature)
            let x1 = Double((totals[i + 1] - best) / temperature)
            let take0 = x0 > -40
            let take1 = x1 > -40
            // A term left out is computed from 0 instead (whatever it was, even NaN).
            let e = Double.exponentialOfNonPositive(SIMD2(take0 ? x0 : 0, take1 ? x1 : 0))
            if take0 { sum += e[0] }
            if take1 { sum += e[1] }
            i += 2
        }
        if i < count {
            let x = Double((totals[i] - best) / temperature)
            if x > -40 { sum += x.exponential }
        }
        return sum
    }
}

/// The best few candidates of a ranking and their probabilities, best first, held inline (a
/// ranking per text was an array allocated per text).
struct Ranking {
    static let capacity = 4
    /// One ranked candidate.
    struct Entry {
        var code: String
        var probability: Double
    }

    private(set) var count = 0
    private var entries: (Entry, Entry, Entry, Entry)

    init() {
        let empty = Entry(code: "", probability: 0)
        entries = (empty, empty, empty, empty)
    }

    /// A ranking of one candidate.
    init(_ code: String, probability: Double) {
        self.init()
        append(code, probability: probability)
    }

    var isEmpty: Bool { count == 0 }

    /// The best candidate, if any.
    var first: Entry? { count > 0 ? self[0] : nil }

    /// Adds the next candidate (ignored once `capacity` are held).
    mutating func append(_ code: String, probability: Double) {
        let entry = Entry(code: code, probability: probability)
        switch count {
        case 0: entries.0 = entry
        case 1: entries.1 = entry
        case 2: entries.2 = entry
        case 3: entries.3 = entry
        default: return
        }
        count += 1
    }

    /// Candidate `index` (0 is the best), for `index < count`.
    subscript(index: Int) -> Entry {
        switch index {
        case 0: entries.0
        case 1: entries.1
        case 2: entries.2
        default: entries.3
        }
    }
}

extension Double {
    /// e raised to this value, without importing Foundation into the hot loop's file.
    @inline(__always)
    var exponential: Double {
        // exp via the standard library's elementary functions is not available without
        // Foundation; a short range-reduced series is exact enough for soft-max weights.
        if self < -700 { return 0 }
        let q = self / 0.6931471805599453
        // Beyond 2^1000 (and for NaN): the general spelling, which overflows to infinity.
        guard q < 1000 else {
            let k = q.rounded(.down)
            return Self.series(self - k * 0.6931471805599453) * Double(sign: .plus, exponent: Int(k), significand: 1)
        }
        // floor(q) by truncation: `rounded(.down)` is a call to libm's floor (the build targets
        // baseline x86-64, which has no rounding instruction), one per soft-max term.
        let truncated = Double(Int(q))
        let k = truncated > q ? truncated - 1 : truncated
        // 2^k from its bits: k is within -1011..<1000, a normal exponent.
        return Self.series(self - k * 0.6931471805599453) * Double(bitPattern: UInt64(Int(k) + 1023) << 52)
    }

    /// `exponential` of each lane, for lanes in −700...0 (where it takes neither of its
    /// special cases): the same operations lane by lane, so the same bits.
    @inline(__always)
    static func exponentialOfNonPositive(_ x: SIMD2<Double>) -> SIMD2<Double> {
        let q = x / 0.6931471805599453
        var k = SIMD2<Double>.zero
        var scale = SIMD2<Double>.zero
        for lane in 0..<2 {
            let truncated = Double(Int(q[lane]))
            let floor = truncated > q[lane] ? truncated - 1 : truncated
            k[lane] = floor
            scale[lane] = Double(bitPattern: UInt64(Int(floor) + 1023) << 52)
        }
        return series(x - k * 0.6931471805599453) * scale
    }

    /// e^r of each lane, for |r| < ln 2, by its Taylor series to the 12th power.
    @inline(__always)
    private static func series(_ r: SIMD2<Double>) -> SIMD2<Double> {
        // The series multiplies by 1/n instead of dividing by n: the ranking takes ~40 of
        // these per text, and divisions, which do not pipeline, made it the detector's slowest
        // step.
        var term = SIMD2<Double>(repeating: 1)
        var sum = SIMD2<Double>(repeating: 1)
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
        return sum
    }

    /// e^r for |r| < ln 2: `series` of a lane, so the scalar and two-lane exponentials give
    /// the same bits by construction (lanes are computed independently, with the same
    /// multiplications and additions in the same order).
    @inline(__always)
    private static func series(_ r: Double) -> Double {
        series(SIMD2(repeating: r))[0]
    }
}
