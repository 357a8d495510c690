import WinnowLanguageModel

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
    /// Room for the evidence vectors of all cached words.
    private static let scoreCapacity = 1 << 22

    /// Word keys by slot; 0 marks an empty slot.
    private let keys: UnsafeMutablePointer<UInt64>
    /// First score of the slot's word.
    private let starts: UnsafeMutablePointer<Int32>
    /// Length of the slot's vector (the size of its script's candidate pool).
    private let counts: UnsafeMutablePointer<UInt16>
    /// The words' evidence, one dense vector per word, indexed like the candidate pool: adding
    /// a vector is a straight run of additions the compiler vectorises.
    private let scores: UnsafeMutablePointer<Float>
    private var scoresUsed = 0
    private var wordsStored = 0

    init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: 0, count: Self.slotCount)
        starts = .allocate(capacity: Self.slotCount)
        starts.initialize(repeating: 0, count: Self.slotCount)
        counts = .allocate(capacity: Self.slotCount)
        counts.initialize(repeating: 0, count: Self.slotCount)
        scores = .allocate(capacity: Self.scoreCapacity)
    }

    deinit {
        keys.deallocate()
        starts.deallocate()
        counts.deallocate()
        scores.deallocate()
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// Starts loading the slot where the search for `key` begins.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        winnow_langid_prefetch(keys + (Int(truncatingIfNeeded: Self.stored(key)) & (Self.slotCount - 1)))
    }

    /// The cached evidence of the word `key`, or `nil` when the word is not cached (or was
    /// cached with a vector of another length).
    ///
    /// - Parameter key: the word's hash, already mixed with its script family (vectors of
    ///   different families index different pools).
    @inline(__always)
    func vector(for key: UInt64, count: Int) -> UnsafePointer<Float>? {
        let wanted = Self.stored(key)
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: wanted) & mask
        while true {
            let k = keys[slot]
            if k == wanted {
                guard Int(counts[slot]) == count else { return nil }
                return UnsafePointer(scores + Int(starts[slot]))
            }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers the word `key`'s evidence, the dense `word` vector.
    func store(_ key: UInt64, word: UnsafeMutableBufferPointer<Float>) {
        guard 2 * wordsStored < Self.slotCount, scoresUsed + word.count <= Self.scoreCapacity,
            word.count <= Int(UInt16.max), let source = word.baseAddress
        else { return }
        let wanted = Self.stored(key)
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: wanted) & mask
        while keys[slot] != 0 {
            if keys[slot] == wanted { return }
            slot = (slot + 1) & mask
        }
        (scores + scoresUsed).initialize(from: source, count: word.count)
        keys[slot] = wanted
        starts[slot] = Int32(scoresUsed)
        counts[slot] = UInt16(word.count)
        scoresUsed += word.count
        wordsStored += 1
    }
}
