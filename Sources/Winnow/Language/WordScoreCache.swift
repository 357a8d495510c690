import Synchronization

/// Remembers what each word of a document added to every language's score, so that a word seen
/// again (the same line scored alone and inside its paragraph, or a frequent word of the page)
/// costs one table probe instead of a model lookup for each of its n-grams.
///
/// A word's evidence is the same wherever it occurs, so a hit adds exactly what a fresh lookup
/// would, so results do not depend on what was cached before. The cache has a fixed size and
/// simply stops remembering when full. It is used by one caller at a time: the detector checks
/// one out of a `WordScoreCachePool` per document, so a worker keeps its cache across documents.
final class WordScoreCache {
    /// Slots of the open-addressing table (a power of two).
    private static let slotCount = 1 << 17
    /// Room for (language, score) pairs over all cached words.
    private static let pairCapacity = 1 << 22

    /// Word keys by slot; 0 marks an empty slot.
    private let keys: UnsafeMutablePointer<UInt64>
    /// First pair of the slot's word.
    private let starts: UnsafeMutablePointer<Int32>
    /// Number of pairs of the slot's word.
    private let counts: UnsafeMutablePointer<UInt16>
    private let pairLanguages: UnsafeMutablePointer<UInt8>
    private let pairScores: UnsafeMutablePointer<Float>
    private var pairsUsed = 0
    private var wordsStored = 0

    init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: 0, count: Self.slotCount)
        starts = .allocate(capacity: Self.slotCount)
        starts.initialize(repeating: 0, count: Self.slotCount)
        counts = .allocate(capacity: Self.slotCount)
        counts.initialize(repeating: 0, count: Self.slotCount)
        pairLanguages = .allocate(capacity: Self.pairCapacity)
        pairScores = .allocate(capacity: Self.pairCapacity)
    }

    deinit {
        keys.deallocate()
        starts.deallocate()
        counts.deallocate()
        pairLanguages.deallocate()
        pairScores.deallocate()
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// Adds the cached evidence of the word `key` to `scores`; false when the word is not cached.
    @inline(__always)
    func add(_ key: UInt64, to scores: UnsafeMutableBufferPointer<Float>) -> Bool {
        let wanted = Self.stored(key)
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: wanted) & mask
        while true {
            let k = keys[slot]
            if k == wanted {
                let start = Int(starts[slot])
                for i in start..<start + Int(counts[slot]) {
                    scores[Int(pairLanguages[i])] += pairScores[i]
                }
                return true
            }
            if k == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers the word `key`'s non-zero evidence from the dense `word` vector.
    func store(_ key: UInt64, word: UnsafeMutableBufferPointer<Float>) {
        guard 2 * wordsStored < Self.slotCount, pairsUsed + word.count <= Self.pairCapacity,
            word.count <= Int(UInt8.max) + 1
        else { return }
        let wanted = Self.stored(key)
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: wanted) & mask
        while keys[slot] != 0 {
            if keys[slot] == wanted { return }
            slot = (slot + 1) & mask
        }
        let start = pairsUsed
        for language in word.indices where word[language] != 0 {
            pairLanguages[pairsUsed] = UInt8(truncatingIfNeeded: language)
            pairScores[pairsUsed] = word[language]
            pairsUsed += 1
        }
        keys[slot] = wanted
        starts[slot] = Int32(start)
        counts[slot] = UInt16(pairsUsed - start)
        wordsStored += 1
    }
}

/// Hands out word-score caches to concurrent callers, and takes them back for the next document.
final class WordScoreCachePool: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`; a checked-out cache has one user.
    private let lock = Mutex(())
    private var free: [WordScoreCache] = []

    func checkOut() -> WordScoreCache {
        let cache: WordScoreCache? = lock.withLock { _ in free.popLast() }
        return cache ?? WordScoreCache()
    }

    func checkIn(_ cache: WordScoreCache) {
        lock.withLock { _ in free.append(cache) }
    }
}
