#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// All stopword lists merged into one table: word → bit set of the languages that list it.
///
/// One lookup per word tells every language at once, so a single pass over a document yields
/// both its stopword-richest language (when no detector has run) and each line's density. The
/// table is an open-addressing hash over UTF-8 bytes (FNV-1a), so a lookup allocates nothing.
struct StopwordIndex: Sendable {
    /// Language codes; bit `i` of a mask stands for `languages[i]`.
    let languages: [String]
    private let arena: [UInt8]
    private let entries: [Entry]
    private let slots: [Int32]
    private let slotMask: Int
    /// The longest stopword in bytes; longer words are not looked up.
    let maxLength: Int
    /// A blocked Bloom filter over the stopwords' hashes (16 KB, two bits in one word per
    /// stopword): most other words are turned away by one load that stays in L1, instead of a
    /// probe of the 300 KB table. It has no false negatives, so masks are unchanged.
    private let bloom: [UInt64]
    private static let bloomWords = 2048

    private struct Entry: Sendable {
        var start: Int32
        var length: Int32
        var mask: UInt64
    }

    static let shared = StopwordIndex()

    private init() {
        // At most 64 languages fit a mask; the generated lists hold fewer. The words are read
        // straight from the generated space-separated lists as UTF-8 into the arena, merged
        // in a scratch table as they come (no array or dictionary entry per word: this runs at
        // every start, also for a one-line stdin). Entries keep the lists' order, so the
        // layout is the same on every run (lookups do not depend on it).
        let languages = Array(StopwordLists.languages.prefix(64))
        var arena: [UInt8] = []
        var entries: [Entry] = []
        var hashes: [Int] = []
        var total = 0
        for code in languages { total += StopwordLists.generated[code].map { $0.utf8.count / 2 + 1 } ?? 0 }
        var scratchCapacity = 1
        while scratchCapacity < total * 2 { scratchCapacity <<= 1 }
        var scratch = [Int32](repeating: -1, count: scratchCapacity)
        for (bit, code) in languages.enumerated() {
            guard let joined = StopwordLists.generated[code] else { continue }
            for word in joined.utf8.split(separator: UInt8(ascii: " ")) {
                let start = arena.count
                arena.append(contentsOf: word)
                let length = arena.count - start
                let hash = arena.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
                var slot = hash & (scratchCapacity - 1)
                var merged = false
                while scratch[slot] >= 0 {
                    let other = entries[Int(scratch[slot])]
                    if Int(other.length) == length
                        && arena[Int(other.start)..<Int(other.start) + length].elementsEqual(arena[start...])
                    {
                        entries[Int(scratch[slot])].mask |= UInt64(1) << UInt64(bit)
                        arena.removeSubrange(start...)
                        merged = true
                        break
                    }
                    slot = (slot + 1) & (scratchCapacity - 1)
                }
                if merged { continue }
                scratch[slot] = Int32(entries.count)
                entries.append(Entry(start: Int32(start), length: Int32(length), mask: UInt64(1) << UInt64(bit)))
                hashes.append(hash)
            }
        }
        // The lookup table, sized for the distinct words (half full at most).
        var capacity = 1
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var bloom = [UInt64](repeating: 0, count: Self.bloomWords)
        for (index, hash) in hashes.enumerated() {
            let (word, bits) = Self.bloomPosition(hash)
            bloom[word] |= bits
            var slot = hash & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index)
        }
        self.languages = languages
        self.arena = arena
        self.entries = entries
        self.slots = slots
        self.slotMask = capacity - 1
        self.maxLength = entries.map { Int($0.length) }.max() ?? 0
        self.bloom = bloom
    }

    /// The filter word and the two bits of a hash (bits above those that pick a table slot).
    @inline(__always)
    private static func bloomPosition(_ hash: Int) -> (word: Int, bits: UInt64) {
        let h = UInt64(bitPattern: Int64(hash))
        let word = Int(truncatingIfNeeded: h >> 17) & (bloomWords - 1)
        return (word, (1 as UInt64) << ((h >> 32) & 63) | (1 as UInt64) << ((h >> 40) & 63))
    }

    /// Index of `code` in `languages`, or `nil` when there is no list for it.
    func slot(of code: String) -> Int? {
        languages.firstIndex(of: code)
    }

    /// The language mask of a case-folded word (0 when no list has it).
    func mask(of word: UnsafeRawBufferPointer) -> UInt64 {
        guard word.count <= maxLength else { return 0 }
        return mask(of: word, hash: Self.hash(word))
    }

    /// `mask(of:)` when the caller has already hashed the word with `hash(_:)`.
    func mask(of word: UnsafeRawBufferPointer, hash: Int) -> UInt64 {
        let (filterWord, bits) = Self.bloomPosition(hash)
        guard bloom.withUnsafeBufferPointer({ $0[filterWord] & bits == bits }) else { return 0 }
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    var slot = hash & slotMask
                    while true {
                        let index = Int(slots[slot])
                        if index < 0 { return 0 }
                        let entry = entries[index]
                        if Int(entry.length) == word.count,
                            memcmp(arena.baseAddress! + Int(entry.start), word.baseAddress!, word.count) == 0
                        {
                            return entry.mask
                        }
                        slot = (slot + 1) & slotMask
                    }
                }
            }
        }
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash = hashSeed
        for byte in bytes { hash = step(hash, byte) }
        return finish(hash)
    }

    /// FNV-1a, in steps so a caller can hash while it folds a word.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    @inline(__always) static func finish(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
