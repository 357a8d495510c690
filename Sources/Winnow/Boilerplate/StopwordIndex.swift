import CTextScan

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
    /// The stopwords of at most 16 bytes (all but a few) again, as an open-addressing table of
    /// words packed into two integers: a lookup hashes two integers instead of every byte, and
    /// compares them in the slot it loads (see `shortMask`). Its own Bloom filter guards it.
    private let shortTable: [ShortEntry]
    private let shortMaskBits: Int
    private let shortBloom: [UInt64]

    /// A packed word: its bytes, little-endian and zero-padded, then its mask with its length
    /// in the top bits (0: an empty slot).
    fileprivate struct ShortEntry: Sendable {
        var low: UInt64
        var high: UInt64
        var maskAndLength: UInt64
    }
    /// The longest word `shortMask` takes.
    static let shortLength = 16

    fileprivate struct Entry: Sendable {
        var start: Int32
        var length: Int32
        var mask: UInt64
    }

    static let shared = StopwordIndex()

    /// The tables again in memory the C line kernel (`winnow_feature_scan`) reads, built once
    /// with the index.
    let kernel: KernelTable

    private init() {
        // At most 58 languages fit a mask (`shortTable` keeps a length above them); the
        // generated lists hold fewer. The words are read straight from the generated space-separated lists as UTF-8 into the arena, merged
        // in a scratch table as they come (no array or dictionary entry per word: this runs at
        // every start, also for a one-line stdin). Entries keep the lists' order, so the
        // layout is the same on every run (lookups do not depend on it).
        let languages = Array(StopwordLists.languages.prefix(58))
        var arena: [UInt8] = []
        var entries: [Entry] = []
        var hashes: [Int] = []
        // Sized from the lists' bytes and words, counted first: the loop below then never
        // regrows an array (each regrowth copied it and faulted fresh pages in).
        var lists: [String] = []
        var bytes = 0
        var words = 0
        for code in languages {
            var joined = StopwordLists.generated[code] ?? ""
            joined.withUTF8 { text in
                bytes += text.count
                words += 1
                for byte in text where byte == UInt8(ascii: " ") { words += 1 }
            }
            lists.append(joined)
        }
        arena.reserveCapacity(bytes)
        entries.reserveCapacity(words)
        hashes.reserveCapacity(words)
        var scratchCapacity = 1
        while scratchCapacity < words * 2 { scratchCapacity <<= 1 }
        var scratch = [Int32](repeating: -1, count: scratchCapacity)
        for (bit, var joined) in lists.enumerated() {
            // The words straight from the list's UTF-8 (no slice per word): each is appended to
            // the arena, and taken back out when it merges with an earlier one.
            joined.withUTF8 { text in
                var wordStart = 0
                while wordStart < text.count {
                    var wordEnd = wordStart
                    while wordEnd < text.count, text[wordEnd] != UInt8(ascii: " ") { wordEnd += 1 }
                    defer { wordStart = wordEnd + 1 }
                    guard wordEnd > wordStart else { continue }
                    let word = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[wordStart..<wordEnd]))
                    let length = word.count
                    let hash = Self.hash(word)
                    var slot = hash & (scratchCapacity - 1)
                    var merged = false
                    while scratch[slot] >= 0 {
                        let other = entries[Int(scratch[slot])]
                        if Int(other.length) == length,
                            arena.withUnsafeBytes({ memcmp($0.baseAddress! + Int(other.start), word.baseAddress!, length) == 0 })
                        {
                            entries[Int(scratch[slot])].mask |= UInt64(1) << UInt64(bit)
                            merged = true
                            break
                        }
                        slot = (slot + 1) & (scratchCapacity - 1)
                    }
                    if merged { continue }
                    scratch[slot] = Int32(entries.count)
                    entries.append(Entry(start: Int32(arena.count), length: Int32(length), mask: UInt64(1) << UInt64(bit)))
                    arena.append(contentsOf: word)
                    hashes.append(hash)
                }
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
        let maxLength = entries.map { Int($0.length) }.max() ?? 0
        self.maxLength = maxLength
        self.bloom = bloom
        // Masks use at most 58 bits (languages.prefix(58) … fewer than 64 lists in practice);
        // the length sits above them.
        var shortCount = 0
        for entry in entries where entry.length <= Self.shortLength { shortCount += 1 }
        var shortCapacity = 1
        while shortCapacity < shortCount * 2 { shortCapacity <<= 1 }
        var shortTable = [ShortEntry](repeating: ShortEntry(low: 0, high: 0, maskAndLength: 0), count: shortCapacity)
        var shortBloom = [UInt64](repeating: 0, count: Self.bloomWords)
        for entry in entries where entry.length <= Self.shortLength {
            let (low, high) = arena.withUnsafeBytes {
                Self.pack(UnsafeRawBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.length)]))
            }
            let hash = Self.shortHash(low, high, Int(entry.length))
            let (word, bits) = Self.bloomPosition(Int(truncatingIfNeeded: hash))
            shortBloom[word] |= bits
            var slot = Int(truncatingIfNeeded: hash) & (shortCapacity - 1)
            while shortTable[slot].maskAndLength != 0 { slot = (slot + 1) & (shortCapacity - 1) }
            shortTable[slot] = ShortEntry(low: low, high: high, maskAndLength: entry.mask | UInt64(entry.length) << 58)
        }
        self.shortTable = shortTable
        self.shortMaskBits = shortCapacity - 1
        self.shortBloom = shortBloom
        self.kernel = KernelTable(
            shortTable: shortTable, shortMask: shortCapacity - 1, shortBloom: shortBloom, slots: slots, slotMask: capacity - 1,
            entries: entries, arena: arena, bloom: bloom, bloomWords: Self.bloomWords,
            foldLimit: min(maxLength, WordScanner.capacity), maxLength: maxLength)
    }

    /// Copies of the index's arrays at addresses that stay put (an array's storage may only be
    /// pointed to inside `withUnsafeBufferPointer`), described by one `WinnowStopwordTable`.
    final class KernelTable: @unchecked Sendable {
        // @unchecked: everything is written in `init` and only read afterwards.
        let table: UnsafeMutablePointer<WinnowStopwordTable>
        private let shortTable: UnsafeMutableBufferPointer<WinnowShortStopword>
        private let shortBloom: UnsafeMutableBufferPointer<UInt64>
        private let slots: UnsafeMutableBufferPointer<Int32>
        private let entries: UnsafeMutableBufferPointer<WinnowStopword>
        private let arena: UnsafeMutableBufferPointer<UInt8>
        private let bloom: UnsafeMutableBufferPointer<UInt64>

        fileprivate init(
            shortTable: [ShortEntry], shortMask: Int, shortBloom: [UInt64], slots: [Int32], slotMask: Int,
            entries: [Entry], arena: [UInt8], bloom: [UInt64], bloomWords: Int, foldLimit: Int, maxLength: Int
        ) {
            func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                // One element at least, so every base address exists.
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
                _ = buffer.initialize(fromContentsOf: array)
                return buffer
            }
            /// `copy(array.map(convert))` in one pass: no array in between (the short table is
            /// 800 KB, made at every start).
            func copy<T, C>(_ array: [T], _ convert: (T) -> C) -> UnsafeMutableBufferPointer<C> {
                let buffer = UnsafeMutableBufferPointer<C>.allocate(capacity: max(array.count, 1))
                for (index, element) in array.enumerated() { buffer.initializeElement(at: index, to: convert(element)) }
                return buffer
            }
            self.shortTable = copy(shortTable) { WinnowShortStopword(low: $0.low, high: $0.high, maskAndLength: $0.maskAndLength) }
            self.shortBloom = copy(shortBloom)
            self.slots = copy(slots)
            self.entries = copy(entries) { WinnowStopword(start: $0.start, length: $0.length, mask: $0.mask) }
            self.arena = copy(arena.isEmpty ? [0] : arena)
            self.bloom = copy(bloom)
            table = .allocate(capacity: 1)
            table.initialize(
                to: WinnowStopwordTable(
                    shortTable: self.shortTable.baseAddress, shortMask: Int64(shortMask),
                    shortBloom: self.shortBloom.baseAddress, slots: self.slots.baseAddress, slotMask: Int64(slotMask),
                    entries: self.entries.baseAddress, arena: self.arena.baseAddress, bloom: self.bloom.baseAddress,
                    bloomWords: Int64(bloomWords), foldLimit: Int64(foldLimit), maxLength: Int64(maxLength)))
        }

        deinit {
            table.deallocate()
            shortTable.deallocate()
            shortBloom.deallocate()
            slots.deallocate()
            entries.deallocate()
            arena.deallocate()
            bloom.deallocate()
        }
    }

    /// `bytes` (at most 16) as two little-endian integers, zero-padded.
    static func pack(_ bytes: UnsafeRawBufferPointer) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (offset, byte) in bytes.prefix(shortLength).enumerated() {
            if offset < 8 { low |= UInt64(byte) << UInt64(offset * 8) } else { high |= UInt64(byte) << UInt64((offset - 8) * 8) }
        }
        return (low, high)
    }

    /// The hash of a packed word of `length` bytes (for `shortTable` and `shortBloom`).
    @inline(__always)
    static func shortHash(_ low: UInt64, _ high: UInt64, _ length: Int) -> UInt64 {
        var hash = (low ^ UInt64(truncatingIfNeeded: length) << 58) &* 0x9E37_79B9_7F4A_7C15
        hash ^= (high &+ 0x632B_E59B_D9B4_E019) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 29
        return hash
    }

    /// The language mask of a case-folded word of 1…16 bytes given packed (see `pack`): the
    /// same as `mask(of:)` on its bytes.
    @inline(__always)
    func shortMask(low: UInt64, high: UInt64, length: Int) -> UInt64 {
        let hash = Self.shortHash(low, high, length)
        let (filterWord, bits) = Self.bloomPosition(Int(truncatingIfNeeded: hash))
        return shortBloom.withUnsafeBufferPointer { bloom in
            guard bloom[filterWord] & bits == bits else { return 0 }
            return shortTable.withUnsafeBufferPointer { table in
                let lengthBits = UInt64(truncatingIfNeeded: length) << 58
                var slot = Int(truncatingIfNeeded: hash) & shortMaskBits
                while true {
                    let entry = table[slot]
                    if entry.maskAndLength == 0 { return 0 }
                    if entry.low == low, entry.high == high, entry.maskAndLength & (0x3F << 58) == lengthBits {
                        return entry.maskAndLength & ((1 << 58) - 1)
                    }
                    slot = (slot + 1) & shortMaskBits
                }
            }
        }
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

    /// The bit of `language`'s list in a word's mask (`mask(of:)`), or nil when the language is
    /// unknown or has no list.
    func bit(of language: String?) -> UInt64? {
        language.flatMap { slot(of: $0) }.map { UInt64(1) << UInt64($0) }
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
