import WinnowLanguageModel

/// Adds up the model's evidence word by word: the word's own entry and its character 3…5-grams
/// (padded with a space on each side), for every language at once.
///
/// All buffers are caller-provided scratch memory, so scoring allocates nothing per word. The
/// keys of a word are hashed first and their slots prefetched, so that the memory loads of one
/// word overlap instead of waiting for each other.
struct WordAccumulator {
    static let maxWordLength = 64
    static let maxKeys = 1 + 5 * (maxWordLength + 2)

    let model: LanguageModel
    let languageCount: Int
    /// Weight of the word score (0) and of each n-gram order (1…5).
    let weights: UnsafeBufferPointer<Float>
    /// weightedFloors[order * languageCount + language].
    let weightedFloors: UnsafeBufferPointer<Float>
    /// Lowest n-gram order with a non-zero weight: lower orders are not looked up.
    let firstOrder: Int
    let scores: UnsafeMutableBufferPointer<Float>
    /// How many keys of each order were looked up, to charge every language its floor once.
    let lookups: UnsafeMutableBufferPointer<Float>
    let padded: UnsafeMutableBufferPointer<UInt32>
    let keys: UnsafeMutableBufferPointer<UInt64>
    let orders: UnsafeMutableBufferPointer<UInt8>
    let found: UnsafeMutableBufferPointer<UnsafePointer<UInt8>>
    let foundCounts: UnsafeMutableBufferPointer<Int>
    /// One word's evidence per language, summed before it is added to `scores` (so that a word
    /// adds the same amount whether it was looked up or taken from `cache`).
    let word: UnsafeMutableBufferPointer<Float>
    /// Evidence of words already seen in this document, if the caller keeps one.
    let cache: WordScoreCache?

    private(set) var length = 0
    private(set) var words = 0
    private(set) var lettersRead = 0

    @inline(__always)
    mutating func append(_ scalar: UInt32) {
        if length < Self.maxWordLength {
            length += 1
            padded[length] = scalar
        }
    }

    /// Scores the word collected so far (if any) and starts a new one.
    @inline(__always)
    mutating func finishWord() {
        guard length > 0 else { return }
        defer { length = 0 }
        var h = LanguageModelHash.offsetBasis
        for i in 1...length { h = LanguageModelHash.step(h, padded[i]) }
        keys[0] = LanguageModelHash.finish(h ^ LanguageModelHash.wordSalt)
        orders[0] = 0
        var keyCount = 1
        padded[0] = 0x20
        padded[length + 1] = 0x20
        let total = length + 2
        words += 1
        lettersRead += length
        if let cache, cache.add(keys[0], to: scores) {
            countLookups(total: total)
            return
        }
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
        for k in 0..<keyCount { model.prefetchSlot(for: keys[k]) }
        for k in 0..<keyCount {
            let (pairs, count) = model.entries(for: keys[k])
            found[k] = pairs
            foundCounts[k] = count
            if count > 0 { winnow_langid_prefetch(pairs) }
        }
        let step = model.step
        word.update(repeating: 0)
        for k in 0..<keyCount {
            let order = Int(orders[k])
            let pairs = found[k]
            let weight = weights[order]
            let floorBase = order * languageCount
            for e in 0..<foundCounts[k] {
                let language = Int(pairs[2 * e])
                let logP = -Float(pairs[2 * e + 1]) * step
                word[language] += weight * logP - weightedFloors[floorBase + language]
            }
            lookups[order] += 1
        }
        for language in 0..<languageCount { scores[language] += word[language] }
        cache?.store(keys[0], word: word)
    }

    /// Counts the keys of each order that a word of `total` padded scalars has, as the lookup
    /// loop of `finishWord` would.
    @inline(__always)
    private func countLookups(total: Int) {
        lookups[0] += 1
        for start in 0..<total {
            let top = min(5, total - start)
            guard top >= firstOrder else { continue }
            for n in firstOrder...top where !(n == 1 && padded[start] == 0x20) {
                lookups[n] += 1
            }
        }
    }

    /// A language's total so far: its entries, the floors for the keys it lacks, and its prior.
    @inline(__always)
    func total(of language: Int, prior: Float) -> Float {
        var t = scores[language] + prior
        for order in 0..<6 {
            t += lookups[order] * weightedFloors[order * languageCount + language]
        }
        return t
    }
}
