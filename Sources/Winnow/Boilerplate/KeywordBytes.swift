/// A set of short keywords looked up by their UTF-8 bytes: a line's word is compared in place,
/// with no string made and no hash computed (a `Set<String>` lookup does both, for every short
/// line the comment-heading test reads).
///
/// Byte equality is `String` equality for an ASCII word: no keyword is canonically equivalent
/// to an ASCII text without being one (they are plain words, written precomposed).
struct KeywordBytes: Sendable {
    /// Every keyword's bytes, keywords grouped by their first byte.
    private let arena: [UInt8]
    /// Where each keyword starts in `arena` and how long it is, in the same order.
    private let starts: [Int32]
    private let lengths: [Int32]
    /// The keywords whose first byte is `b` are `starts[bucketStarts[b]..<bucketStarts[b + 1]]`.
    /// Flat arrays, not an array of byte arrays per first byte: walking nested arrays
    /// retained and released each of them on every lookup.
    private let bucketStarts: [Int32]
    /// Bit `n` of `lengthBits[b]`: a keyword starting with byte `b` has `n` bytes (bit 31: 31
    /// or more). Most words asked about start like a keyword but have no keyword's length: one
    /// load turns them away before the bucket's walk.
    private let lengthBits: [UInt32]

    init(_ words: some Sequence<String>) {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for word in words {
            guard let first = word.utf8.first else { continue }
            buckets[Int(first)].append(Array(word.utf8))
        }
        var arena: [UInt8] = []
        var starts: [Int32] = []
        var lengths: [Int32] = []
        var bucketStarts: [Int32] = [0]
        var lengthBits = [UInt32](repeating: 0, count: 256)
        for bucket in buckets {
            for word in bucket {
                lengthBits[Int(word[0])] |= Self.lengthBit(word.count)
                starts.append(Int32(arena.count))
                lengths.append(Int32(word.count))
                arena.append(contentsOf: word)
            }
            bucketStarts.append(Int32(starts.count))
        }
        self.arena = arena
        self.starts = starts
        self.lengths = lengths
        self.bucketStarts = bucketStarts
        self.lengthBits = lengthBits
    }

    @inline(__always)
    private static func lengthBit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }

    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first, lengthBits[Int(first)] & Self.lengthBit(bytes.count) != 0 else { return false }
        let bucket = Int(bucketStarts[Int(first)])..<Int(bucketStarts[Int(first) + 1])
        guard !bucket.isEmpty else { return false }
        return arena.withUnsafeBytes { arena in
            for keyword in bucket where Int(lengths[keyword]) == bytes.count {
                let start = Int(starts[keyword])
                if UnsafeRawBufferPointer(rebasing: arena[start..<start + bytes.count]).elementsEqual(bytes) { return true }
            }
            return false
        }
    }
}
