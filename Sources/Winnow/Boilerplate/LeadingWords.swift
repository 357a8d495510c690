/// The first words of a line, ASCII case-folded (see `LineFeatures.leadingWords`), kept inline.
///
/// Inline so that `LineFeatures` holds no reference: the heuristics copy a line's features
/// often, and an array of strings made every copy a retain and a release, and every measured
/// line an array and up to four strings.
///
/// Only what the keyword heuristics (comment headings, breadcrumbs) read is kept: the first
/// `capacity` words, each whole when it is at most `wordCapacity` bytes. No keyword is longer,
/// so a longer word can equal none of them: of such a word only its first byte, whether it is a
/// number, and (when that fits) its form without trailing punctuation are kept, which is all a
/// heuristic can learn from it.
struct LeadingWords: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Words kept (the heuristics read at most a count and two words, or three opening words).
    static let capacity = 3
    /// The longest word kept whole, in bytes (the longest keyword is 24: "комментариев").
    static let wordCapacity = 24

    /// How a word is kept.
    private enum Kind: UInt8 {
        /// Its bytes, whole.
        case whole
        /// Longer than `wordCapacity`: its bytes without trailing punctuation, which fit.
        case trimmed
        /// Longer than `wordCapacity` even without trailing punctuation: no bytes.
        case long
    }

    /// Words kept (at most `capacity`), in the top bits of `meta`: a word of its own made
    /// `LineFeatures` a cache line longer.
    var count: Int { Int(truncatingIfNeeded: meta >> Self.countShift) }
    /// 20 bits per word, from bit `20 * index`: its first byte (bits 0-7), the bytes stored
    /// (8-12), its `Kind` (13-14), whether it is a number: all ASCII digits (15), whether it
    /// is all ASCII (16). Bits 60-63 hold `count`.
    private var meta: UInt64 = 0
    private static var countShift: UInt64 { 60 }
    /// `wordCapacity` bytes per word, zero after each word's bytes (so `==` compares fields).
    private var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0)

    init() {}

    /// The words of `words` (case-folded already) as `measure` would keep them.
    init(_ words: [String]) {
        for word in words {
            var word = word
            word.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// Keeps `word` (a run of whole scalars; ASCII capitals are folded here) when fewer than
    /// `capacity` words are kept.
    mutating func append(_ word: UnsafeRawBufferPointer) {
        guard count < Self.capacity, !word.isEmpty else { return }
        let slot = count
        meta &+= 1 << Self.countShift
        var isNumber = true
        for byte in word where byte < 0x30 || byte > 0x39 {
            isNumber = false
            break
        }
        var fields = UInt64(word[0].asciiLowercased) | (isNumber ? 1 << 15 : 0)
        defer { meta |= fields << UInt64(20 * slot) }
        // An ASCII word loses nothing to `droppingTrailingPunctuation`.
        var isASCII = true
        for byte in word where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { fields |= 1 << 16 }
        if word.count <= Self.wordCapacity {
            store(word, at: slot)
            fields |= UInt64(word.count) << 8 | UInt64(Kind.whole.rawValue) << 13
            return
        }
        if !isASCII {
            let trimmed = CommentThreadHeuristic.droppingTrailingPunctuation(
                FeatureExtractor.loweredWord(word, 0..<word.count))
            if trimmed.utf8.count <= Self.wordCapacity {
                var trimmed = trimmed
                trimmed.withUTF8 { store(UnsafeRawBufferPointer($0), at: slot) }
                fields |= UInt64(trimmed.utf8.count) << 8 | UInt64(Kind.trimmed.rawValue) << 13
                return
            }
        }
        fields |= UInt64(Kind.long.rawValue) << 13
    }

    /// The first byte of word `index` (case-folded).
    func firstByte(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: fields(index)) }

    /// Whether word `index` is all ASCII digits (a count).
    func isNumber(_ index: Int) -> Bool { fields(index) & 1 << 15 != 0 }

    /// Word `index`, when it is kept whole (a longer word equals no keyword).
    func word(_ index: Int) -> String? {
        guard kind(index) == .whole else { return nil }
        return stored(index)
    }

    /// Word `index` without its trailing non-ASCII punctuation
    /// (`CommentThreadHeuristic.droppingTrailingPunctuation`), or `nil` when that is longer
    /// than `wordCapacity` (it equals no keyword).
    func trimmedWord(_ index: Int) -> String? {
        switch kind(index) {
        case .whole: return CommentThreadHeuristic.droppingTrailingPunctuation(stored(index))
        case .trimmed: return stored(index)
        case .long, nil: return nil
        }
    }

    /// Calls `body` with the bytes of word `index` when it is kept whole and is all ASCII (so
    /// it is also its own trailing-punctuation-free form); `nil` otherwise.
    func withWholeASCII<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        let fields = fields(index)
        guard index < count, fields >> 13 & 3 == UInt64(Kind.whole.rawValue), fields & 1 << 16 != 0 else { return nil }
        let length = Int(fields >> 8 & 0x1F)
        return withUnsafeBytes(of: bytes) { storage in
            let start = index * Self.wordCapacity
            return body(UnsafeRawBufferPointer(rebasing: storage[start..<start + length]))
        }
    }

    /// Whether the words start with `words` (each kept whole and equal).
    func starts(with words: [[UInt8]]) -> Bool {
        guard words.count <= count else { return false }
        for (index, expected) in words.enumerated() where !isWord(index, expected) { return false }
        return true
    }

    /// Whether word `index` is kept whole and is `expected` (UTF-8), compared without a string.
    func isWord(_ index: Int, _ expected: [UInt8]) -> Bool {
        let fields = fields(index)
        guard index < count, fields >> 13 & 3 == UInt64(Kind.whole.rawValue), Int(fields >> 8 & 0x1F) == expected.count
        else { return false }
        return withUnsafeBytes(of: bytes) { storage in
            let start = index * Self.wordCapacity
            return expected.withUnsafeBytes { storage[start..<start + expected.count].elementsEqual($0) }
        }
    }

    /// The words kept whole or trimmed, in order (`long` ones as the empty string), for tests.
    var strings: [String] { (0..<count).map { word($0) ?? trimmedWord($0) ?? "" } }

    // MARK: - Storage

    private func fields(_ index: Int) -> UInt64 {
        // Past the last word, no fields (not the count's bits).
        guard index >= 0, index < Self.capacity else { return 0 }
        return meta >> UInt64(20 * index) & 0xF_FFFF
    }

    private func kind(_ index: Int) -> Kind? { Kind(rawValue: UInt8(truncatingIfNeeded: fields(index) >> 13 & 3)) }

    /// Stores the folded bytes of `word` (at most `wordCapacity`) for word `slot`.
    private mutating func store(_ word: UnsafeRawBufferPointer, at slot: Int) {
        withUnsafeMutableBytes(of: &bytes) { storage in
            for offset in 0..<word.count { storage[slot * Self.wordCapacity + offset] = word[offset].asciiLowercased }
        }
    }

    private func stored(_ index: Int) -> String {
        let length = Int(fields(index) >> 8 & 0x1F)
        return withUnsafeBytes(of: bytes) { storage in
            let start = index * Self.wordCapacity
            return String(decoding: storage[start..<start + length], as: UTF8.self)
        }
    }

    static func == (a: LeadingWords, b: LeadingWords) -> Bool {
        a.count == b.count && a.meta == b.meta
            && withUnsafeBytes(of: a.bytes) { x in withUnsafeBytes(of: b.bytes) { y in x.elementsEqual(y) } }
    }
}
