import WinnowLanguageModel

/// Remembers what each word of a document added to every language's score, so that a word seen
/// again (the same line scored alone and inside its paragraph, or a frequent word of the page)
/// costs one table probe instead of a model lookup for each of its n-grams.
///
/// A word's evidence is the same wherever it occurs, so a hit adds exactly what a fresh lookup
/// would, so results do not depend on what was cached before. The cache has a fixed size; once
/// full, it empties itself before the next text (a worker's vocabulary drifts from site to site,
/// and a cache frozen with the first pages' words missed most words of later ones). It is used by one caller at a time: the detector checks
/// one out of a `WordScoreCachePool` per document, so a worker keeps its cache across documents.
final class WordScoreCache {
    /// Most slots of the open-addressing table (a power of two). A worker's vocabulary over a
    /// thousand pages of mixed sites outgrew 64k words, and every emptying sent the frequent
    /// words back to the model; 256k words (8 MB of slots, the vectors' pages touched only as
    /// they fill) cost a few MB of memory per worker.
    private static let maximumSlotCount = 1 << 19
    /// Slots of a new table. The table doubles (up to `maximumSlotCount`) when half full: a
    /// table sized for the vocabulary keeps its probes in the caches, where one spread over
    /// 8 MB made nearly every probe of a word a trip to memory.
    private static let initialSlotCount = 1 << 14
    /// Room for the evidence vectors of all cached words.
    private static let scoreCapacity = 1 << 24

    /// One slot of the table: a word key (0 marks an empty slot), where its vector starts and
    /// its length (the size of its script's candidate pool). Kept together, so a probe touches
    /// one cache line, which `prefetch` has already asked for.
    fileprivate struct Slot {
        var key: UInt64
        var start: Int32
        var count: UInt16
    }

    /// Room for `maximumSlotCount` slots; the first `slotCount` are the table.
    private let slots: UnsafeMutablePointer<Slot>
    private var slotCount = initialSlotCount
    /// The words' evidence, one dense vector per word, indexed like the candidate pool: adding
    /// a vector is a straight run of additions the compiler vectorises.
    private let scores: UnsafeMutablePointer<Float>
    private var scoresUsed = 0
    private var wordsStored = 0
    /// A word was refused for lack of room: empty the cache before the next text.
    private var full = false
    /// The table is half full: double it before the next text.
    private var crowded = false

    /// Where `slots` live (huge pages, when the system has them), if allocated there.
    private let slotMemory: UnsafeMutableRawPointer?
    /// Where the vectors live (huge pages too, if allocated there). They fill in insertion
    /// order, so only the pages in use are faulted in (a few, 2 MiB each); a word's vector is
    /// read at random, and on 4 KiB pages most reads also missed the TLB.
    private let vectorMemory: UnsafeMutableRawPointer?

    init() {
        slotMemory = HugePageMemory.allocate(byteCount: MemoryLayout<Slot>.stride * Self.maximumSlotCount)
        slots = slotMemory?.bindMemory(to: Slot.self, capacity: Self.maximumSlotCount) ?? .allocate(capacity: Self.maximumSlotCount)
        slots.initialize(repeating: Slot(key: 0, start: 0, count: 0), count: slotCount)
        vectorMemory = HugePageMemory.allocate(byteCount: MemoryLayout<Float>.stride * Self.scoreCapacity)
        scores = vectorMemory?.bindMemory(to: Float.self, capacity: Self.scoreCapacity) ?? .allocate(capacity: Self.scoreCapacity)
    }

    deinit {
        if let slotMemory {
            HugePageMemory.deallocate(slotMemory)
        } else {
            slots.deallocate()
        }
        if let vectorMemory {
            HugePageMemory.deallocate(vectorMemory)
        } else {
            scores.deallocate()
        }
    }

    @inline(__always)
    fileprivate static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// Read access to the cache without holding the object: the scorer probes it for every
    /// word, and a class reference there cost a retain and a release per word (atomic
    /// operations, which also waited for the probe's prefetch). Valid until the next
    /// `beginText` (which may resize the table).
    struct Reader {
        fileprivate let slots: UnsafeMutablePointer<Slot>
        fileprivate let mask: Int
        fileprivate let scores: UnsafeMutablePointer<Float>

        /// The table's layout, for C code that prefetches and probes slots the way `prefetch`
        /// and `vector(for:count:)` do: the slots, their mask and stride, where a slot keeps
        /// its vector's start and length, and the vectors.
        var slotTable: (
            base: UnsafeRawPointer, mask: UInt64, stride: Int, startOffset: Int, countOffset: Int,
            scores: UnsafePointer<Float>
        ) {
            (
                UnsafeRawPointer(slots), UInt64(mask), MemoryLayout<Slot>.stride,
                MemoryLayout<Slot>.offset(of: \.start) ?? 8, MemoryLayout<Slot>.offset(of: \.count) ?? 12,
                UnsafePointer(scores)
            )
        }

        /// Starts loading the slot where the search for `key` begins.
        @inline(__always)
        func prefetch(_ key: UInt64) {
            winnow_langid_prefetch(slots + (Int(truncatingIfNeeded: WordScoreCache.stored(key)) & mask))
        }

        /// The cached evidence of the word `key`, or `nil` when the word is not cached (or was
        /// cached with a vector of another length).
        ///
        /// - Parameter key: the word's hash, already mixed with its script family (vectors of
        ///   different families index different pools).
        @inline(__always)
        func vector(for key: UInt64, count: Int) -> UnsafePointer<Float>? {
            let wanted = WordScoreCache.stored(key)
            var slot = Int(truncatingIfNeeded: wanted) & mask
            while true {
                let k = slots[slot].key
                if k == wanted {
                    guard Int(slots[slot].count) == count else { return nil }
                    return UnsafePointer(scores + Int(slots[slot].start))
                }
                if k == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Probes the cache as it is until the next `beginText`.
    var reader: Reader { Reader(slots: slots, mask: slotCount - 1, scores: scores) }

    /// Called before a text is read: empties the cache if it has filled up, or doubles its
    /// table if crowded. (Not during a text: the vectors it handed out, and the readers' view of
    /// the table, must stay valid until the text's last words are added.)
    func beginText() {
        if full {
            slots.update(repeating: Slot(key: 0, start: 0, count: 0), count: slotCount)
            scoresUsed = 0
            wordsStored = 0
            full = false
            crowded = false
        } else if crowded {
            grow()
        }
    }

    /// Doubles the table and puts every word back in its slot of the larger table.
    private func grow() {
        crowded = false
        let kept = (0..<slotCount).map { slots[$0] }.filter { $0.key != 0 }
        let oldCount = slotCount
        slotCount *= 2
        slots.update(repeating: Slot(key: 0, start: 0, count: 0), count: oldCount)
        (slots + oldCount).initialize(repeating: Slot(key: 0, start: 0, count: 0), count: oldCount)
        let mask = slotCount - 1
        for entry in kept {
            var slot = Int(truncatingIfNeeded: entry.key) & mask
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// Remembers the word `key`'s evidence, the dense `word` vector.
    func store(_ key: UInt64, word: UnsafeMutableBufferPointer<Float>) {
        if 2 * wordsStored >= slotCount, slotCount < Self.maximumSlotCount { crowded = true }
        // A crowded table still takes words until the text ends (at most three quarters full).
        let room = crowded ? slotCount / 4 * 3 : slotCount / 2
        guard wordsStored < room, scoresUsed + word.count <= Self.scoreCapacity,
            word.count <= Int(UInt16.max), let source = word.baseAddress
        else {
            full = true
            return
        }
        let wanted = Self.stored(key)
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: wanted) & mask
        while slots[slot].key != 0 {
            if slots[slot].key == wanted { return }
            slot = (slot + 1) & mask
        }
        (scores + scoresUsed).initialize(from: source, count: word.count)
        slots[slot] = Slot(key: wanted, start: Int32(scoresUsed), count: UInt16(word.count))
        scoresUsed += word.count
        wordsStored += 1
    }
}
