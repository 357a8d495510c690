/// A single pass over bytes that says whether they are valid UTF-8 and how they look.
enum UTF8Validator {
    struct Check {
        var isValid: Bool
        var invalidSequences: Int
        var validMultibyte: Int
        var firstNUL: Int?
        /// Share of bytes that are C0 controls other than tab, newline, CR and form feed.
        var controlRatio: Double
    }

    static func check(_ bytes: UnsafeRawBufferPointer) -> Check {
        if let quick = fastCheck(bytes) { return quick }
        return fullCheck(bytes)
    }

    /// `check` one sequence at a time (with eight-byte steps): what `fastCheck` must agree with.
    static func fullCheck(_ bytes: UnsafeRawBufferPointer) -> Check {
        var invalid = 0
        var multibyte = 0
        var controls = 0
        var firstNUL: Int? = nil
        var index = 0
        let count = bytes.count
        while index < count {
            // ASCII fast path: sixteen, then eight bytes at a time while none is a control or
            // non-ASCII byte.
            while index + 16 <= count {
                let vector = bytes.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)
                if SWAR.hasOutside(vector, from: 0x20, width: 0x60) { break }
                index += 16
            }
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if SWAR.hasNonASCII(word) || SWAR.hasControl(word) { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 {
                    if byte == 0 && firstNUL == nil { firstNUL = index }
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
                }
                index += 1
                continue
            }
            // Non-Latin text is runs of multi-byte sequences: stay here until the next ASCII byte
            // instead of trying the eight-byte ASCII test before every character.
            repeat {
                // Eight bytes that are four valid two-byte sequences (Cyrillic, Greek, Arabic,
                // Hebrew, accented Latin) or six that are two valid three-byte ones (Thai, Indic,
                // CJK) are taken in one step.
                if index &+ 8 <= count {
                    let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if isFourTwoByteSequences(word) {
                        multibyte &+= 4
                        index &+= 8
                        continue
                    }
                    if isTwoThreeByteSequences(word) {
                        multibyte &+= 2
                        index &+= 6
                        continue
                    }
                }
                let length = sequenceLength(bytes, at: index)
                if length == 0 {
                    invalid += 1
                    index += 1
                } else {
                    multibyte += 1
                    index += length
                }
            } while index < count && bytes[index] >= 0x80
        }
        return Check(
            isValid: invalid == 0, invalidSequences: invalid, validMultibyte: multibyte, firstNUL: firstNUL,
            controlRatio: count == 0 ? 0 : Double(controls) / Double(count))
    }

    /// The eight bytes of `word` (first byte lowest) are four valid two-byte sequences: leads
    /// `110xxxxx` other than C0 and C1 (overlong), each followed by a continuation `10xxxxxx`.
    @inline(__always)
    static func isFourTwoByteSequences(_ word: UInt64) -> Bool {
        guard word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 else { return false }
        // A lead is C0 or C1 exactly when its bits 1…4 are zero; adding 0xFE to those bits
        // carries into bit 8 of the lane exactly when they are not.
        let leadBits = word & 0x001E_001E_001E_001E
        return (leadBits &+ 0x00FE_00FE_00FE_00FE) & 0x0100_0100_0100_0100 == 0x0100_0100_0100_0100
    }

    /// The first six bytes of `word` are two valid three-byte sequences: leads `1110xxxx`, each
    /// followed by two continuations, the second byte after E0 at least A0 (not overlong) and
    /// after ED below A0 (not a surrogate).
    @inline(__always)
    static func isTwoThreeByteSequences(_ word: UInt64) -> Bool {
        guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { return false }
        return isValidThreeByteStart(UInt8(truncatingIfNeeded: word), UInt8(truncatingIfNeeded: word >> 8))
            && isValidThreeByteStart(UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 32))
    }

    /// For a lead `1110xxxx` followed by a continuation: the pair starts a valid sequence.
    @inline(__always)
    static func isValidThreeByteStart(_ lead: UInt8, _ second: UInt8) -> Bool {
        (lead != 0xE0 || second >= 0xA0) && (lead != 0xED || second < 0xA0)
    }

    /// Length of the valid multi-byte sequence starting at `index`, or 0 when it is invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let count = bytes.count
        let lead = bytes[index]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// The bytes with each invalid sequence replaced by U+FFFD, and how many were replaced.
    static func repair(_ input: [UInt8]) -> (bytes: [UInt8], replacements: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 16)
        var replacements = 0
        input.withUnsafeBytes { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    out.append(byte)
                    index += 1
                    continue
                }
                let length = sequenceLength(bytes, at: index)
                if length == 0 {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replacements += 1
                    index += 1
                } else {
                    out.append(contentsOf: bytes[index..<index + length])
                    index += length
                }
            }
        }
        return (out, replacements)
    }
}
