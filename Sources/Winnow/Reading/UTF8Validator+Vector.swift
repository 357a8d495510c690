import CTextScan

/// The common case of `UTF8Validator.check`, sixteen bytes at a time: valid UTF-8 with no
/// control characters other than tab, newline and carriage return.
///
/// A byte is a continuation (`10xxxxxx`) exactly when one of the three bytes before it is a
/// lead that asks for it: a lead of two or more bytes just before, of three or more two
/// before, of four three before. Comparing "is a continuation" with "is asked for" on every
/// byte, plus the bytes that never occur (C0, C1, F5…FF) and the four second-byte limits
/// (E0 ≥ A0, ED < A0, F0 ≥ 90, F4 < 90), decides validity with compares only; the three
/// bytes before each one are read by loads one, two and three bytes back. Anything else (an
/// error, a NUL, another control) returns nil and the byte-by-byte check decides, so the
/// answer is always exactly `check`'s.
extension UTF8Validator {
    typealias Signed = SIMD16<Int8>
    typealias Unsigned = SIMD16<UInt8>

    /// The common case of `check`, or nil when the bytes need the byte-by-byte look: the C
    /// kernel where the CPU has its instructions (AVX2 table lookups, several times faster),
    /// else `portableFastCheck`.
    static func fastCheck(_ bytes: UnsafeRawBufferPointer) -> Check? {
        guard let base = bytes.baseAddress, bytes.count >= 19 else { return nil }
        var leads: Int64 = 0
        switch winnow_utf8_check_plain(base.assumingMemoryBound(to: UInt8.self), Int64(bytes.count), &leads) {
        case 1: return Check(isValid: true, invalidSequences: 0, validMultibyte: Int(leads), firstNUL: nil, controlRatio: 0)
        case 0: return nil
        default: return portableFastCheck(bytes)
        }
    }

    /// `fastCheck` in portable Swift SIMD, sixteen bytes at a time.
    static func portableFastCheck(_ bytes: UnsafeRawBufferPointer) -> Check? {
        let count = bytes.count
        guard count >= 19 else { return nil }
        var leads = 0
        // The first three bytes have fewer than three bytes before them.
        for index in 0..<3 {
            guard isPlausible(bytes, at: index) else { return nil }
            if bytes[index] >= 0xC0 { leads += 1 }
        }
        var index = 3
        while index + 16 <= count {
            let byte = bytes.loadUnaligned(fromByteOffset: index, as: Signed.self)
            let negative = Signed(repeating: 0)
            if !SWAR.isAnySet(byte .< negative) {
                // All ASCII (most of most text): valid unless a control, or a sequence just
                // before wants continuation bytes here; a fifth of the general test's work.
                let control =
                    (byte .< Signed(repeating: 0x20)) .& (byte .!= Signed(repeating: 0x09))
                    .& (byte .!= Signed(repeating: 0x0A)) .& (byte .!= Signed(repeating: 0x0D))
                if SWAR.isAnySet(control) { return nil }
                if bytes[index - 1] >= 0xC0 || bytes[index - 2] >= 0xE0 || bytes[index - 3] >= 0xF0 { return nil }
                index &+= 16
                continue
            }
            // Unsigned from here: each "lead of n bytes or more" is one compare.
            let unsigned = unsafeBitCast(byte, to: Unsigned.self)
            let back1 = bytes.loadUnaligned(fromByteOffset: index - 1, as: Unsigned.self)
            let back2 = bytes.loadUnaligned(fromByteOffset: index - 2, as: Unsigned.self)
            let back3 = bytes.loadUnaligned(fromByteOffset: index - 3, as: Unsigned.self)
            let isContinuation = (unsigned &- Unsigned(repeating: 0x80)) .< Unsigned(repeating: 0x40)
            let isAskedFor =
                (back1 .>= Unsigned(repeating: 0xC0)) .| (back2 .>= Unsigned(repeating: 0xE0))
                .| (back3 .>= Unsigned(repeating: 0xF0))
            var bad = isContinuation .^ isAskedFor
            // C0, C1 (overlong leads) and F5…FF never occur.
            bad .|= ((unsigned &- Unsigned(repeating: 0xC0)) .< Unsigned(repeating: 2))
                .| (unsigned .>= Unsigned(repeating: 0xF5))
            // E0 80…9F overlong, ED A0…BF surrogates, F0 80…8F overlong, F4 90…BF too large
            // (an ASCII byte there is already wrong as a missing continuation).
            bad .|= ((back1 .== Unsigned(repeating: 0xE0)) .& (unsigned .< Unsigned(repeating: 0xA0)))
                .| ((back1 .== Unsigned(repeating: 0xED)) .& (unsigned .>= Unsigned(repeating: 0xA0)))
                .| ((back1 .== Unsigned(repeating: 0xF0)) .& (unsigned .< Unsigned(repeating: 0x90)))
                .| ((back1 .== Unsigned(repeating: 0xF4)) .& (unsigned .>= Unsigned(repeating: 0x90)))
            // Controls other than tab, newline and carriage return (and NUL) go the long way.
            bad .|= (unsigned .< Unsigned(repeating: 0x20)) .& (unsigned .!= Unsigned(repeating: 0x09))
                .& (unsigned .!= Unsigned(repeating: 0x0A)) .& (unsigned .!= Unsigned(repeating: 0x0D))
            if SWAR.isAnySet(bad) { return nil }
            leads &+= laneCount(unsigned .>= Unsigned(repeating: 0xC0))
            index &+= 16
        }
        while index < count {
            guard isPlausible(bytes, at: index) else { return nil }
            if bytes[index] >= 0xC0 { leads += 1 }
            index += 1
        }
        // No sequence is cut off by the end.
        if bytes[count - 1] >= 0xC0 || bytes[count - 2] >= 0xE0 || bytes[count - 3] >= 0xF0 { return nil }
        return Check(isValid: true, invalidSequences: 0, validMultibyte: leads, firstNUL: nil, controlRatio: 0)
    }

    /// The vector loop's test for one byte, for the bytes it does not cover.
    @inline(__always)
    private static func isPlausible(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        let byte = bytes[index]
        let back1: UInt8 = index >= 1 ? bytes[index - 1] : 0
        let back2: UInt8 = index >= 2 ? bytes[index - 2] : 0
        let back3: UInt8 = index >= 3 ? bytes[index - 3] : 0
        let isContinuation = byte >= 0x80 && byte < 0xC0
        let isAskedFor = back1 >= 0xC0 || back2 >= 0xE0 || back3 >= 0xF0
        if isContinuation != isAskedFor { return false }
        if byte == 0xC0 || byte == 0xC1 || byte >= 0xF5 { return false }
        if back1 == 0xE0 && byte < 0xA0 || back1 == 0xED && byte >= 0xA0 { return false }
        if back1 == 0xF0 && byte < 0x90 || back1 == 0xF4 && byte >= 0x90 { return false }
        if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
        return true
    }

    /// How many lanes of `mask` are set.
    @inline(__always)
    static func laneCount(_ mask: SIMDMask<Signed>) -> Int {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return (words[0].nonzeroBitCount &+ words[1].nonzeroBitCount) >> 3
    }
}
