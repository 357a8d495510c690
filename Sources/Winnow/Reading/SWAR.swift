/// Byte tests on eight bytes at once (SIMD within a register), for the hot loops that scan
/// every byte of the input: the UTF-8 check, the segmenter and the inline-markup probe.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Some byte is 0x80 or above (not ASCII).
    @inline(__always)
    static func hasNonASCII(_ word: UInt64) -> Bool { word & highBits != 0 }

    /// Some ASCII byte is a C0 control (below 0x20). Valid only when `hasNonASCII` is false:
    /// for ASCII b, b + 0x60 stays below 0x80 exactly when b < 0x20, and never carries.
    @inline(__always)
    static func hasControl(_ word: UInt64) -> Bool { ~(word &+ 0x6060_6060_6060_6060) & highBits & ~word != 0 }

    /// Some byte equals `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits != 0
    }

    /// Some byte is below 0x20, whatever the other bytes are (UTF-8 lead and continuation bytes
    /// included): the classic "has less than" test, exact for n = 0x20.
    @inline(__always)
    static func hasBelow0x20(_ word: UInt64) -> Bool { (word &- ones &* 0x20) & ~word & highBits != 0 }
}
