import CTextScan
import WinnowLanguageModel

/// Adds up the model's evidence word by word: the word's own entry and its character 3…5-grams
/// (padded with a space on each side), for every candidate language of the script at once.
///
/// Scores are indexed by the candidate's slot in the script's pool (not by model language), so
/// a word's evidence is one short dense vector: adding it costs a few vector instructions, and
/// entries for languages of other scripts are skipped.
///
/// Words are collected first and scored in batches (`flush`), in text order: a batch's cache
/// slots are prefetched together, so that the memory loads of its words overlap instead of
/// waiting for each other; a missed word's model keys are likewise hashed and prefetched
/// together. All buffers are caller-provided scratch memory (`withScratch`), so scoring
/// allocates nothing per word.
struct WordAccumulator {
    static let maxWordLength = 64
    static let maxKeys = 1 + 5 * (maxWordLength + 2)
    /// Words collected before a batch is scored.
    static let maxPending = 32
    /// Letters of the collected words.
    static let letterCapacity = maxPending * 16 + maxWordLength

    let model: LanguageModel.Table
    let languageCount: Int
    /// The pool slot of each model language, or -1 for languages outside the pool.
    let slotOf: UnsafeBufferPointer<Int16>
    /// Mixed into word keys before they reach `cache`, which holds vectors of several pools.
    let cacheSalt: UInt64
    /// Weight of the word score (0) and of each n-gram order (1…5).
    let weights: UnsafeBufferPointer<Float>
    /// weightedFloors[order * languageCount + language].
    let weightedFloors: UnsafeBufferPointer<Float>
    /// What an entry adds to its language's word evidence, by order and quantised −log p:
    /// contributions[order << 8 | q] (the same for every language, see `LanguageScorer`).
    let contributions: UnsafeBufferPointer<Float>
    /// Lowest n-gram order with a non-zero weight: lower orders are not looked up.
    let firstOrder: Int
    /// Evidence of words already seen by this worker, if the caller keeps one.
    // unowned(unsafe): the caller holds the cache for the accumulator's whole life, and the
    // accumulators of every text would otherwise retain and release it.
    unowned(unsafe) let cache: WordScoreCache?
    /// The cache's probes, which (unlike calls on `cache`) retain nothing.
    private let cacheReader: WordScoreCache.Reader?
    private let scratch: Scratch
    /// Whether missed words are scored by the C kernel (false only for tests, which check
    /// that it gives the Swift lookup's vectors).
    private let kernel: Bool

    /// Totals by pool slot.
    var scores: UnsafeMutableBufferPointer<Float> { scratch.scores }

    private(set) var length = 0
    private(set) var words = 0
    private(set) var lettersRead = 0
    private var pendingCount = 0
    private var lettersUsed = 0

    /// The scratch buffers of one accumulator.
    struct Scratch {
        let scores: UnsafeMutableBufferPointer<Float>
        /// How many keys of each order were looked up, to charge every language its floor once.
        let lookups: UnsafeMutableBufferPointer<Float>
        /// The evidence of each word of a batch looked up in the model, one vector of pool-size
        /// after the other, summed before it is added to `scores` (so that a word adds the same
        /// amount whether it was looked up or taken from the cache).
        let word: UnsafeMutableBufferPointer<Float>
        let padded: UnsafeMutableBufferPointer<UInt32>
        /// Keys, their orders, and their entries and entry counts, for the `stageCount` words
        /// in flight (`maxKeys` each), and how many keys each has.
        let keys: UnsafeMutableBufferPointer<UInt64>
        let orders: UnsafeMutableBufferPointer<UInt8>
        let found: UnsafeMutableBufferPointer<UnsafePointer<UInt8>>
        let foundCounts: UnsafeMutableBufferPointer<Int>
        let keyCounts: UnsafeMutableBufferPointer<Int>
        /// The batch's words that the cache did not have, by pending index.
        let missed: UnsafeMutableBufferPointer<Int>
        /// Collected words: their keys, where their letters start in `letters`, their lengths,
        /// and (during a flush) their cached vectors.
        let pendingKeys: UnsafeMutableBufferPointer<UInt64>
        let pendingStarts: UnsafeMutableBufferPointer<Int>
        let pendingLengths: UnsafeMutableBufferPointer<Int>
        let pendingVectors: UnsafeMutableBufferPointer<UnsafePointer<Float>?>
        let letters: UnsafeMutableBufferPointer<UInt32>

        /// The same scratch adding into other totals and lookup counts (of the same pool size).
        func addingInto(
            scores: UnsafeMutableBufferPointer<Float>, lookups: UnsafeMutableBufferPointer<Float>
        ) -> Scratch {
            Scratch(
                scores: scores, lookups: lookups, word: word, padded: padded, keys: keys, orders: orders,
                found: found, foundCounts: foundCounts, keyCounts: keyCounts, missed: missed,
                pendingKeys: pendingKeys, pendingStarts: pendingStarts,
                pendingLengths: pendingLengths, pendingVectors: pendingVectors, letters: letters)
        }
    }

    /// Bytes of scratch for a pool of `poolCount` candidates.
    static func byteCount(poolCount: Int) -> Int {
        let stagedKeys = stageCount * maxKeys
        return rounded(4 * poolCount) + rounded(4 * 6) + rounded(4 * poolCount * maxPending)
            + rounded(4 * (maxWordLength + 2))
            + rounded(8 * stagedKeys) + rounded(stagedKeys) + rounded(8 * stagedKeys) + rounded(8 * stagedKeys)
            + rounded(8 * stageCount) + 5 * 8 * maxPending + rounded(4 * letterCapacity)
    }

    /// Words of a batch in flight at once in `flush`: one being hashed, one probed, one added up.
    static let stageCount = 3

    private static func rounded(_ bytes: Int) -> Int { (bytes + 7) & ~7 }

    /// Calls `body` with scratch for a pool of `poolCount` candidates, on the stack. Only the
    /// totals start zeroed; every other buffer is written before it is read.
    static func withScratch<R>(poolCount: Int, _ body: (Scratch) -> R) -> R {
        withUnsafeTemporaryAllocation(byteCount: byteCount(poolCount: poolCount), alignment: 8) { raw in
            body(carve(raw, poolCount: poolCount))
        }
    }

    /// Lays out scratch for a pool of `poolCount` candidates in `raw` (at least
    /// `byteCount(poolCount:)` bytes, 8-aligned) and zeroes its totals.
    static func carve(_ raw: UnsafeMutableRawBufferPointer, poolCount: Int) -> Scratch {
        // The totals, lookup counts and word vector: the only buffers read before written.
        let floatBytes = rounded(4 * poolCount) + rounded(4 * 6) + rounded(4 * poolCount * maxPending)
        UnsafeMutableRawBufferPointer(rebasing: raw[..<floatBytes]).initializeMemory(as: UInt8.self, repeating: 0)
        var offset = 0
        func carve<T>(_ type: T.Type, _ count: Int) -> UnsafeMutableBufferPointer<T> {
            let start = raw.baseAddress.map { $0 + offset }
            offset += rounded(MemoryLayout<T>.stride * count)
            guard let start else { return UnsafeMutableBufferPointer(start: nil, count: 0) }
            return UnsafeMutableBufferPointer(start: start.bindMemory(to: T.self, capacity: count), count: count)
        }
        return Scratch(
            scores: carve(Float.self, poolCount), lookups: carve(Float.self, 6),
            word: carve(Float.self, poolCount * maxPending), padded: carve(UInt32.self, maxWordLength + 2),
            keys: carve(UInt64.self, stageCount * maxKeys), orders: carve(UInt8.self, stageCount * maxKeys),
            found: carve(UnsafePointer<UInt8>.self, stageCount * maxKeys),
            foundCounts: carve(Int.self, stageCount * maxKeys), keyCounts: carve(Int.self, stageCount),
            missed: carve(Int.self, maxPending),
            pendingKeys: carve(UInt64.self, maxPending), pendingStarts: carve(Int.self, maxPending),
            pendingLengths: carve(Int.self, maxPending),
            pendingVectors: carve(UnsafePointer<Float>?.self, maxPending),
            letters: carve(UInt32.self, letterCapacity))
    }

    init(
        model: LanguageModel.Table, languageCount: Int, slotOf: UnsafeBufferPointer<Int16>, cacheSalt: UInt64,
        weights: UnsafeBufferPointer<Float>, weightedFloors: UnsafeBufferPointer<Float>,
        contributions: UnsafeBufferPointer<Float>, firstOrder: Int, cache: WordScoreCache?, scratch: Scratch,
        kernel: Bool = true
    ) {
        self.model = model
        self.languageCount = languageCount
        self.slotOf = slotOf
        self.cacheSalt = cacheSalt
        self.weights = weights
        self.weightedFloors = weightedFloors
        self.contributions = contributions
        self.firstOrder = firstOrder
        self.cache = cache
        cacheReader = cache?.reader
        self.scratch = scratch
        self.kernel = kernel
    }

    @inline(__always)
    mutating func append(_ scalar: UInt32) {
        if length < Self.maxWordLength {
            scratch.letters[lettersUsed + length] = scalar
            length += 1
        }
    }

    /// Appends ASCII letters, lower-cased: what `append` of each would do.
    @inline(__always)
    mutating func append(asciiLetters run: UnsafeBufferPointer<UInt8>) {
        let taken = min(run.count, Self.maxWordLength - length)
        guard taken > 0, let base = scratch.letters.baseAddress else { return }
        let letters = base + (lettersUsed + length)
        for i in 0..<taken { letters[i] = UInt32(run[i] | 0x20) }
        length += taken
    }

    /// Ends the word collected so far (if any): it is counted now and scored at the next flush.
    @inline(__always)
    mutating func finishWord() {
        guard length > 0 else { return }
        var h = LanguageModelHash.offsetBasis
        for i in lettersUsed..<lettersUsed + length { h = LanguageModelHash.step(h, scratch.letters[i]) }
        let key = LanguageModelHash.finish(h ^ LanguageModelHash.wordSalt)
        cacheReader?.prefetch(key ^ cacheSalt)
        scratch.pendingKeys[pendingCount] = key
        scratch.pendingStarts[pendingCount] = lettersUsed
        scratch.pendingLengths[pendingCount] = length
        pendingCount += 1
        lettersUsed += length
        words += 1
        lettersRead += length
        countLookups(total: length + 2)
        length = 0
        if pendingCount == Self.maxPending || lettersUsed + Self.maxWordLength > Self.letterCapacity {
            flush()
        }
    }

    /// Scores the collected words, in order.
    mutating func flush() {
        guard pendingCount > 0 else { return }
        let poolCount = scratch.scores.count
        var missed = 0
        for p in 0..<pendingCount {
            var vector: UnsafePointer<Float>?
            if let cacheReader {
                vector = cacheReader.vector(for: scratch.pendingKeys[p] ^ cacheSalt, count: poolCount)
                if let vector {
                    // A Latin vector is 160 bytes: all the lines it spans.
                    Self.prefetchLines(UnsafeRawPointer(vector), byteCount: 4 &* poolCount)
                }
            }
            if vector == nil {
                scratch.missed[missed] = p
                missed += 1
            }
            scratch.pendingVectors[p] = vector
        }
        if missed > 0 { lookUp(missed: missed) }
        // Every word's vector is at hand now: add them in text order.
        for p in 0..<pendingCount {
            guard let vector = scratch.pendingVectors[p] else { continue }
            for slot in 0..<poolCount { scratch.scores[slot] += vector[slot] }
        }
        pendingCount = 0
        lettersUsed = 0
    }

    /// Scores the batch's first `count` missed words from the model into their vectors in
    /// `word` (their `pendingVectors` then point there) and caches them.
    ///
    /// A word's lookup waits twice for memory: for its keys' slots, then for their entries. The
    /// words go through three stages a step apart (hash and prefetch the slots; probe and
    /// prefetch the entries; add up), so each wait overlaps the other words' work.
    private func lookUp(missed count: Int) {
        if kernel, lookUpInC(missed: count) { return }
        for step in 0..<count + 2 {
            if step < count { hashKeys(of: scratch.missed[step], stage: step % 3) }
            if step >= 1, step - 1 < count { probe(stage: (step - 1) % 3) }
            if step >= 2 { addUp(missed: step - 2, stage: (step - 2) % 3) }
        }
    }

    /// `lookUp(missed:)` by the C kernel, which adds every entry without a branch on its
    /// language and looks its keys up in the same order (so the same vectors); false, having
    /// done nothing, when the kernel refuses its arguments.
    private func lookUpInC(missed count: Int) -> Bool {
        let poolCount = scratch.scores.count
        guard let vectors = scratch.word.baseAddress, let letters = scratch.letters.baseAddress,
            let starts = scratch.pendingStarts.baseAddress, let lengths = scratch.pendingLengths.baseAddress,
            let keys = scratch.pendingKeys.baseAddress, let missed = scratch.missed.baseAddress,
            let slotOf = slotOf.baseAddress, let contributions = contributions.baseAddress
        else { return false }
        var table = model.c
        let status = winnow_langid_score_words(
            &table, slotOf, Int64(self.slotOf.count), contributions,
            Int64(firstOrder), letters, Int64(scratch.letters.count), starts, lengths, keys, pendingCount, missed,
            Int64(count), vectors, Int64(poolCount))
        guard status == 0 else { return false }
        for index in 0..<count {
            let word = UnsafeMutableBufferPointer(start: vectors + index * poolCount, count: poolCount)
            scratch.pendingVectors[scratch.missed[index]] = UnsafePointer(word.baseAddress)
            cache?.store(scratch.pendingKeys[scratch.missed[index]] ^ cacheSalt, word: word)
        }
        return true
    }

    /// Hashes the keys of pending word `p` into `stage`'s buffers and prefetches their slots.
    @inline(__always)
    private func hashKeys(of p: Int, stage: Int) {
        let length = scratch.pendingLengths[p]
        let padded = scratch.padded
        let keys = scratch.keys.baseAddress.map { $0 + stage * Self.maxKeys }
        let orders = scratch.orders.baseAddress.map { $0 + stage * Self.maxKeys }
        guard let keys, let orders else { return }
        let first = scratch.pendingStarts[p]
        for i in 0..<length { padded[i + 1] = scratch.letters[first + i] }
        padded[0] = 0x20
        padded[length + 1] = 0x20
        let total = length + 2
        keys[0] = scratch.pendingKeys[p]
        orders[0] = 0
        var keyCount = 1
        for start in 0..<total {
            var g = LanguageModelHash.offsetBasis
            let top = min(5, total - start)
            for n in 1...top {
                g = LanguageModelHash.step(g, padded[start + n - 1])
                if n < firstOrder || n == 1 && padded[start] == 0x20 { continue }
                keys[keyCount] = LanguageModelHash.finish(g ^ UInt64(n))
                orders[keyCount] = UInt8(n)
                keyCount += 1
            }
        }
        scratch.keyCounts[stage] = keyCount
        for k in 0..<keyCount { model.prefetchSlot(for: keys[k]) }
    }

    /// Finds the entries of `stage`'s keys and prefetches them.
    @inline(__always)
    private func probe(stage: Int) {
        let base = stage * Self.maxKeys
        for k in base..<base + scratch.keyCounts[stage] {
            let (pairs, count) = model.entries(for: scratch.keys[k])
            scratch.found[k] = pairs
            scratch.foundCounts[k] = count
            if count > 0 {
                // Up to 53 two-byte entries: every line they span, not only the first (see
                // `prefetchSlot`).
                Self.prefetchLines(UnsafeRawPointer(pairs), byteCount: 2 &* count)
            }
        }
    }

    /// Adds up the entries of `stage`'s keys into the vector of missed word `index`, and caches it.
    @inline(__always)
    private func addUp(missed index: Int, stage: Int) {
        let poolCount = scratch.scores.count
        guard let vectors = scratch.word.baseAddress, let table = contributions.baseAddress else { return }
        let word = UnsafeMutableBufferPointer(start: vectors + index * poolCount, count: poolCount)
        word.update(repeating: 0)
        let base = stage * Self.maxKeys
        for k in base..<base + scratch.keyCounts[stage] {
            let pairs = scratch.found[k]
            let row = table + (Int(scratch.orders[k]) &<< 8)
            for e in 0..<scratch.foundCounts[k] {
                let slot = Int(slotOf[Int(pairs[2 &* e])])
                guard slot >= 0 else { continue }
                word[slot] += row[Int(pairs[2 &* e &+ 1])]
            }
        }
        scratch.pendingVectors[scratch.missed[index]] = UnsafePointer(word.baseAddress)
        cache?.store(scratch.keys[base] ^ cacheSalt, word: word)
    }

    /// Starts loading every cache line of the `byteCount` bytes (at least one) at `start`.
    @inline(__always)
    static func prefetchLines(_ start: UnsafeRawPointer, byteCount: Int) {
        let offset = Int(UInt(bitPattern: start) & 63)
        var line = start - offset
        let end = start + byteCount
        while line < end {
            winnow_langid_prefetch(line)
            line += 64
        }
    }

    /// Counts the keys of each order that a word of `total` padded scalars has, as `lookUp`
    /// makes them: one word key, and `total - n + 1` n-grams of each order n, less the two lone
    /// padding spaces for n = 1. (Counts stay far below 2^24, so adding them at once gives the
    /// same float as adding ones.)
    @inline(__always)
    private func countLookups(total: Int) {
        let lookups = scratch.lookups
        lookups[0] += 1
        // Not `max`: the generic call was not inlined, and this runs for every word.
        let lowest = firstOrder > 1 ? firstOrder : 1
        guard lowest <= 5 else { return }
        for n in lowest...5 {
            let count = total - n + 1 - (n == 1 ? 2 : 0)
            if count > 0 { lookups[n] += Float(count) }
        }
    }

    /// A candidate's total so far: its entries, the floors for the keys it lacks, and its prior.
    /// Only meaningful after `flush`.
    ///
    /// - Parameters:
    ///   - slot: the candidate's pool slot.
    ///   - language: its model index (floors are stored by model language).
    @inline(__always)
    func total(slot: Int, language: Int, prior: Float) -> Float {
        var t = scratch.scores[slot] + prior
        for order in 0..<6 {
            t += scratch.lookups[order] * weightedFloors[order * languageCount + language]
        }
        return t
    }
}
