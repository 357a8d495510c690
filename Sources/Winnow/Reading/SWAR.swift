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

    /// Sixteen bytes at a time for the hottest scans (the compiler turns these into SSE
    /// compares).
    typealias Vector = SIMD16<UInt8>

    /// Some byte of `vector` is below 0x20 or at or above 0x20 + `width` (wrapping subtraction
    /// puts both ends above the bound, so one compare tests the range).
    @inline(__always)
    static func hasOutside(_ vector: Vector, from low: UInt8, width: UInt8) -> Bool {
        isAnySet((vector &- Vector(repeating: low)) .>= Vector(repeating: width))
    }

    /// The first byte of `vector` that needs attention inside a JSON string (a quote, a
    /// backslash or a control character), or nil.
    @inline(__always)
    static func firstJSONSpecial(_ vector: Vector) -> Int? {
        firstSet(
            (vector .== Vector(repeating: 0x22)) .| (vector .== Vector(repeating: 0x5C))
                .| (vector .< Vector(repeating: 0x20)))
    }

    /// The first set lane of `mask`, or nil (lanes are whole bytes, the first one lowest).
    @inline(__always)
    static func firstSet(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let low = UInt64(littleEndian: words[0])
        if low != 0 { return low.trailingZeroBitCount >> 3 }
        let high = UInt64(littleEndian: words[1])
        if high != 0 { return 8 + high.trailingZeroBitCount >> 3 }
        return nil
    }

    /// Eight bytes at a time, for the tails of the sixteen-byte scans (link texts and the
    /// text between markup characters are often shorter than sixteen bytes).
    typealias HalfVector = SIMD8<UInt8>

    /// The first set lane of an eight-lane `mask`, or nil.
    @inline(__always)
    static func firstSet(_ mask: SIMDMask<SIMD8<Int8>>) -> Int? {
        let word = UInt64(littleEndian: unsafeBitCast(mask, to: UInt64.self))
        return word == 0 ? nil : word.trailingZeroBitCount >> 3
    }

    /// `any(mask)` as two 64-bit words: the standard library's reduction is not inlined and
    /// costs a call per sixteen bytes.
    @inline(__always)
    static func isAnySet(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The first index at or after `from` whose byte is `a`, `b` or `c` (repeat one to look
    /// for fewer), or `text.count`: sixteen bytes per compare, for scans that skip long runs
    /// of plain text (a link's URL, the text between markup characters).
    @inline(__always)
    static func firstIndex(in text: UnsafeRawBufferPointer, from: Int, of a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let count = text.count
        var index = from
        while index + 16 <= count {
            let vector = text.loadUnaligned(fromByteOffset: index, as: Vector.self)
            let mask = (vector .== Vector(repeating: a)) .| (vector .== Vector(repeating: b)) .| (vector .== Vector(repeating: c))
            if let lane = firstSet(mask) { return index + lane }
            index += 16
        }
        if index + 8 <= count {
            let half = text.loadUnaligned(fromByteOffset: index, as: HalfVector.self)
            let mask = (half .== HalfVector(repeating: a)) .| (half .== HalfVector(repeating: b))
                .| (half .== HalfVector(repeating: c))
            if let lane = firstSet(mask) { return index + lane }
            index += 8
        }
        while index < count {
            let byte = text[index]
            if byte == a || byte == b || byte == c { return index }
            index += 1
        }
        return max(count, from)
    }
}
