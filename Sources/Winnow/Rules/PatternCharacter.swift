extension RequiredLiterals {
    /// One character of a pattern, as its UTF-8 bytes (one to four), held inline.
    ///
    /// Every character of every built-in pattern is parsed at each start-up; as an array of
    /// its own, each one was an allocation to make and free.
    struct PatternCharacter: RandomAccessCollection, Equatable {
        /// The bytes, first in the low byte.
        private let packed: UInt32
        let count: Int

        /// - Parameter bytes: one to four bytes (a UTF-8 character); `nil` otherwise.
        init?(_ bytes: ArraySlice<UInt8>) {
            guard (1...4).contains(bytes.count) else { return nil }
            var packed: UInt32 = 0
            for (shift, byte) in zip(stride(from: 0, to: 32, by: 8), bytes) { packed |= UInt32(byte) << UInt32(shift) }
            self.packed = packed
            count = bytes.count
        }

        init(_ byte: UInt8) {
            packed = UInt32(byte)
            count = 1
        }

        var startIndex: Int { 0 }
        var endIndex: Int { count }

        subscript(position: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: packed >> UInt32(8 * position))
        }

        /// The single ASCII byte this character is, if it is one.
        var ascii: UInt8? {
            count == 1 && packed < 0x80 ? UInt8(packed) : nil
        }
    }
}
