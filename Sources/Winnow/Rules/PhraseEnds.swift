/// A filter in front of the whole-line phrase index: the length, first and last byte of every
/// ASCII phrase, hashed into a bit table small enough to stay in cache.
///
/// Most lines a rule set reads have a length some phrase has, so the index was hashed and
/// probed (a cache miss) for nearly every line; a line whose length and end bytes no phrase
/// shares is turned away by one bit. A filter only: a set bit sends the line to the index.
struct PhraseEnds: Sendable {
    private let bits: [UInt64]

    private static let bitCount = 1 << 16

    init(_ phrases: [[UInt8]]) {
        var bits = [UInt64](repeating: 0, count: Self.bitCount / 64)
        for phrase in phrases {
            guard let first = phrase.first, let last = phrase.last else { continue }
            let bit = Self.bit(count: phrase.count, first: first, last: last)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.bits = bits
    }

    /// Whether some phrase may be `text` (false: none is).
    @inline(__always)
    func mayHold(_ text: UnsafeRawBufferPointer) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        let bit = Self.bit(count: text.count, first: first, last: last)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private static func bit(count: Int, first: UInt8, last: UInt8) -> Int {
        let key = UInt32(truncatingIfNeeded: count) << 16 | UInt32(first) << 8 | UInt32(last)
        return Int((key &* 0x9E37_79B1) >> 16)
    }
}
