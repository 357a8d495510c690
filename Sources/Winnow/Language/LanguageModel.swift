import CTextScan
import WinnowLanguageModel

/// A read-only view of the n-gram model compiled into the binary by `Scripts/train-langid`.
///
/// Layout (little-endian): `"WLID"`, `u32 version`, `u32 languageCount`, `u32 slotCount`,
/// `u32 entryCount`, `f32 step`; per language 32 bytes (code, 4 bytes NUL-padded; script, 4 bytes;
/// six `f32` floors for the word table and the 1…5-gram orders); padding to 8 bytes; `slotCount`
/// open-addressing slots of three `u16` (fingerprint = the key's top 16 bits, entry offset low
/// 16 bits, entry offset high 8 bits << 8 | entry count), probed linearly from
/// `(low 32 bits of key × slotCount) >> 32`; then
/// (`u8` language, `u8` quantised −log p) entries. Nothing is parsed or copied at load time:
/// lookups read the static array in place, so loading costs microseconds.
struct LanguageModel: @unchecked Sendable {
    // @unchecked: the pointers address immutable static data that lives as long as the process.

    /// One language the model scores.
    struct Language: Sendable {
        let code: String
        let family: ScriptFamily
        /// Log-probability charged for a word (index 0) or an n-gram of order 1…5 that the
        /// language's table does not hold.
        let floors: [Float]
    }

    let languages: [Language]
    /// The lookup table, which holds no references: the scorer's hot loop copies it freely.
    let table: Table
    /// Multiplier turning a quantised byte into −log p.
    var step: Float { table.step }

    /// Whether this is `bundled`, whose table `bundledOnHugePages` copies.
    private(set) var isBundled = false

    /// The model compiled into the binary, or `nil` if its header is damaged; read in place
    /// until a worker has read enough text for the copy on huge pages to pay (see
    /// `LanguageScorer.table`).
    static let bundled: LanguageModel? = {
        guard let base = winnow_langid_model() else { return nil }
        var model = LanguageModel(bytes: UnsafeRawPointer(base), count: winnow_langid_model_size())
        model?.isBundled = true
        return model
    }()

    /// `bundled` again, its table on a copy on huge pages (a few milliseconds, made once per process on
    /// first use), or `nil` when there is no memory for it: lookups probe the table at random,
    /// and on the binary's own 4 KiB pages most of them missed the TLB. The same bytes, so the
    /// same scores. The copy lives as long as the process, like the static array. A run that
    /// reads one line never makes it.
    static let bundledOnHugePages: LanguageModel? = {
        guard let base = winnow_langid_model() else { return nil }
        let count = winnow_langid_model_size()
        guard let copy = HugePageMemory.allocate(byteCount: count) else { return nil }
        copy.copyMemory(from: base, byteCount: count)
        return LanguageModel(bytes: UnsafeRawPointer(copy), count: count)
    }()

    init?(bytes: UnsafeRawPointer, count: Int) {
        guard count >= 24,
            bytes.load(as: UInt32.self) == 0x4449_4C57,  // "WLID"
            bytes.load(fromByteOffset: 4, as: UInt32.self) == 2
        else { return nil }
        let languageCount = Int(bytes.load(fromByteOffset: 8, as: UInt32.self))
        let slotCount = Int(bytes.load(fromByteOffset: 12, as: UInt32.self))
        let entryCount = Int(bytes.load(fromByteOffset: 16, as: UInt32.self))
        let step = bytes.load(fromByteOffset: 20, as: Float.self)
        var offset = 24
        var languages: [Language] = []
        for _ in 0..<languageCount {
            let code = (0..<4).map { bytes.load(fromByteOffset: offset + $0, as: UInt8.self) }
                .prefix { $0 != 0 }
            let script = (0..<4).map { bytes.load(fromByteOffset: offset + 4 + $0, as: UInt8.self) }
            let floors = (0..<6).map {
                bytes.loadUnaligned(fromByteOffset: offset + 8 + 4 * $0, as: Float.self)
            }
            languages.append(
                Language(
                    code: String(decoding: code, as: UTF8.self),
                    family: ScriptFamily(isoCode: String(decoding: script, as: UTF8.self)),
                    floors: floors))
            offset += 32
        }
        offset = (offset + 7) & ~7
        guard offset + slotCount * 6 + entryCount * 2 <= count, slotCount > 0 else { return nil }
        self.languages = languages
        table = Table(
            step: step, slots: (bytes + offset).assumingMemoryBound(to: UInt16.self), slotCount: UInt64(slotCount),
            entries: (bytes + offset + slotCount * 6).assumingMemoryBound(to: UInt8.self),
            entryCount: UInt64(entryCount))
    }

    /// The (language index, quantised −log p) pairs stored for a key (see `Table.entries`).
    @inline(__always)
    func entries(for key: UInt64) -> (pairs: UnsafePointer<UInt8>, count: Int) {
        table.entries(for: key)
    }
}

extension LanguageModel {
    /// The model's open-addressing table of keys and their (language, −log p) entries.
    struct Table {
        /// Multiplier turning a quantised byte into −log p.
        let step: Float
        let slots: UnsafePointer<UInt16>
        let slotCount: UInt64
        let entries: UnsafePointer<UInt8>
        /// Entry pairs in `entries`.
        let entryCount: UInt64

        /// The table as the C kernels take it.
        var c: WinnowLangidTable {
            WinnowLangidTable(slots: slots, slotCount: slotCount, entries: entries, entryCount: entryCount)
        }

        /// The slot where the search for `key` starts.
        @inline(__always)
        func firstSlot(for key: UInt64) -> Int {
            Int((UInt64(UInt32(truncatingIfNeeded: key)) &* slotCount) >> 32)
        }

        /// Starts loading the slots a search for `key` reads into the cache.
        ///
        /// The table is 80 % full, so a key it lacks (most 5-grams of a rare word) is probed
        /// over ~13 slots, 78 bytes: the search runs into a second cache line about as often as
        /// not. Only the first line was prefetched, and the probe loop's exit, mispredicted for
        /// every key, kept the out-of-order core from overlapping the second lines' loads.
        @inline(__always)
        func prefetchSlot(for key: UInt64) {
            let first = slots + 3 * firstSlot(for: key)
            winnow_langid_prefetch(first)
            winnow_langid_prefetch(UnsafeRawPointer(first) + 64)
        }

        /// The (language index, quantised −log p) pairs stored for a key, as a pointer and a count
        /// (count 0 when the key is absent).
        @inline(__always)
        func entries(for key: UInt64) -> (pairs: UnsafePointer<UInt8>, count: Int) {
            var fingerprint = UInt16(truncatingIfNeeded: key >> 48)
            if fingerprint == 0 { fingerprint = 1 }
            var index = firstSlot(for: key)
            let capacity = Int(slotCount)
            while true {
                let stored = slots[3 * index]
                if stored == fingerprint {
                    let high = slots[3 * index + 2]
                    let offset = Int(slots[3 * index + 1]) | Int(high >> 8) << 16
                    return (entries + 2 * offset, Int(high & 0xFF))
                }
                if stored == 0 { return (entries, 0) }
                index += 1
                if index == capacity { index = 0 }
            }
        }
    }
}

/// The hashes shared with `Scripts/train-langid` (FNV-1a over Unicode scalar values, then
/// MurmurHash3's 64-bit finaliser).
enum LanguageModelHash {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x100_0000_01B3
    static let wordSalt: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func step(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* prime
    }

    /// MurmurHash3's fmix64, as the trainer finishes its keys.
    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 {
        StableHash.mix(hash)
    }
}
