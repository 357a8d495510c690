import CTextScan

/// What one pass over a text collected for the language detector: the letters of each script
/// family, and, for each shared script family (Latin, Cyrillic, Arabic, Devanagari), the summed
/// evidence of its words for every candidate language, with the lookup counts that charge each
/// language its floors.
///
/// Evidence adds up: a paragraph's evidence is the sum of its lines' evidence, so the detector
/// reads each line once for both the line's guess and the paragraph's.
final class TextEvidence {
    /// Shared families are the `ScriptFamily` raw values 1…4; index `f` here is raw value f + 1.
    static let sharedFamilyCount = 4
    private static let familyCount = ScriptFamily.allCases.count

    /// Letters by `ScriptFamily` raw value.
    let letterCounts: UnsafeMutableBufferPointer<Int>
    /// Words read, by shared family index.
    let words: UnsafeMutableBufferPointer<Int>
    /// Per shared family: its totals by pool slot, then its six lookup counts.
    private let floats: UnsafeMutableBufferPointer<Float>
    /// Where each shared family's totals start in `floats`, and its pool size.
    private let starts: UnsafeMutableBufferPointer<Int>
    private let poolSizes: UnsafeMutableBufferPointer<Int>

    /// - Parameter poolSizes: candidates of each shared family, in family order.
    init(poolSizes sizes: [Int]) {
        letterCounts = .allocate(capacity: Self.familyCount)
        words = .allocate(capacity: Self.sharedFamilyCount)
        starts = .allocate(capacity: Self.sharedFamilyCount)
        poolSizes = .allocate(capacity: Self.sharedFamilyCount)
        var total = 0
        for f in 0..<Self.sharedFamilyCount {
            let size = f < sizes.count ? sizes[f] : 0
            starts.initializeElement(at: f, to: total)
            poolSizes.initializeElement(at: f, to: size)
            total += size + 6
        }
        floats = .allocate(capacity: total)
        letterCounts.initialize(repeating: 0)
        words.initialize(repeating: 0)
        floats.initialize(repeating: 0)
    }

    deinit {
        letterCounts.deallocate()
        words.deallocate()
        floats.deallocate()
        starts.deallocate()
        poolSizes.deallocate()
    }

    /// The totals of shared family `f`, by pool slot.
    @inline(__always)
    func scores(_ f: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: floats[starts[f]..<starts[f] + poolSizes[f]])
    }

    /// How many keys of each order (word, 1…5-grams) the words of shared family `f` looked up.
    @inline(__always)
    func lookups(_ f: Int) -> UnsafeMutableBufferPointer<Float> {
        let start = starts[f] + poolSizes[f]
        return UnsafeMutableBufferPointer(rebasing: floats[start..<start + 6])
    }

    /// Forgets everything, for the next text.
    func reset() {
        letterCounts.update(repeating: 0)
        words.update(repeating: 0)
        floats.update(repeating: 0)
    }

    /// Adds `other`'s evidence to this one.
    func add(_ other: TextEvidence) {
        for family in 0..<Self.familyCount { letterCounts[family] += other.letterCounts[family] }
        for f in 0..<Self.sharedFamilyCount where other.words[f] > 0 {
            words[f] += other.words[f]
            let start = starts[f]
            for i in start..<start + poolSizes[f] + 6 { floats[i] += other.floats[i] }
        }
    }
}

/// The detector's reusable memory for reading texts into `TextEvidence`, for one caller at a
/// time: the word accumulators' scratch for each shared family, and evidence buffers for a
/// paragraph and its lines.
final class EvidenceScratch {
    /// Word-accumulator scratch of each shared family.
    let families: [WordAccumulator.Scratch]
    private let raw: UnsafeMutableRawBufferPointer
    private let poolSizes: [Int]
    /// Evidence of the text being read.
    let text: TextEvidence
    /// The sum of a paragraph's lines.
    let paragraph: TextEvidence
    /// The lines of a paragraph, kept until the paragraph's guess is known.
    private var lines: [TextEvidence] = []
    /// Buffers for reading a text with the C tokenizer.
    let words: TokenizedWords
    /// Bytes of text read with this scratch (see `LanguageScorer.table`).
    var bytesRead = 0
    /// The bundled model's table on huge pages, once this scratch has read enough to use it.
    var hugePageTable: LanguageModel.Table?

    init(poolSizes: [Int]) {
        self.poolSizes = poolSizes
        let sizes = (0..<TextEvidence.sharedFamilyCount).map { $0 < poolSizes.count ? poolSizes[$0] : 0 }
        let byteCounts = sizes.map { (WordAccumulator.byteCount(poolCount: $0) + 63) & ~63 }
        raw = .allocate(byteCount: byteCounts.reduce(0, +), alignment: 64)
        var offset = 0
        var families: [WordAccumulator.Scratch] = []
        for (size, bytes) in zip(sizes, byteCounts) {
            families.append(
                WordAccumulator.carve(UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + bytes]), poolCount: size))
            offset += bytes
        }
        self.families = families
        text = TextEvidence(poolSizes: poolSizes)
        paragraph = TextEvidence(poolSizes: poolSizes)
        words = TokenizedWords(largestPool: sizes.max() ?? 0)
    }

    deinit {
        raw.deallocate()
    }

    /// The evidence buffer for line `index` of the current paragraph.
    func line(_ index: Int) -> TextEvidence {
        while lines.count <= index { lines.append(TextEvidence(poolSizes: poolSizes)) }
        return lines[index]
    }
}

/// Room for the words of one text read by `winnow_langid_tokenize` (texts of up to
/// `byteCapacity` bytes: the detector's samples are at most 640), and for their vectors.
final class TokenizedWords {
    static let byteCapacity = 1024

    let letters: UnsafeMutablePointer<UInt32>
    let starts: UnsafeMutablePointer<Int>
    let lengths: UnsafeMutablePointer<Int>
    let keys: UnsafeMutablePointer<UInt64>
    let families: UnsafeMutablePointer<UInt8>
    /// Each word's evidence (in the cache, or in `scored`) once looked up.
    let vectors: UnsafeMutablePointer<UnsafePointer<Float>?>
    /// Words the cache lacked, by word index.
    let missed: UnsafeMutablePointer<Int>
    /// The vectors of the missed words, `largestPool` floats each.
    let scored: UnsafeMutablePointer<Float>
    let largestPool: Int

    init(largestPool: Int) {
        let capacity = Self.byteCapacity
        self.largestPool = largestPool
        letters = .allocate(capacity: capacity)
        starts = .allocate(capacity: capacity)
        lengths = .allocate(capacity: capacity)
        keys = .allocate(capacity: capacity)
        families = .allocate(capacity: capacity)
        vectors = .allocate(capacity: capacity)
        missed = .allocate(capacity: capacity)
        scored = .allocate(capacity: capacity * max(largestPool, 1))
    }

    deinit {
        letters.deallocate()
        starts.deallocate()
        lengths.deallocate()
        keys.deallocate()
        families.deallocate()
        vectors.deallocate()
        missed.deallocate()
        scored.deallocate()
    }

    /// The C view of the buffers, with no words yet.
    var output: WinnowLangidWords {
        var out = WinnowLangidWords()
        out.letters = letters
        out.letterCapacity = Int64(Self.byteCapacity)
        out.starts = starts
        out.lengths = lengths
        out.keys = keys
        out.families = families
        out.wordCapacity = Int64(Self.byteCapacity)
        return out
    }
}
