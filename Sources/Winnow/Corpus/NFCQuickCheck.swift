import CICU

/// A byte-level "is this line already NFC?" for the profile's fast path, so that the common
/// non-Latin lines (Cyrillic, Greek, Thai, CJK, `•` bullets) skip ICU's UTF-16 round trip.
///
/// A string is NFC when every character passes NFC's quick check and no two adjacent
/// combining marks are out of canonical order. The table says, for every BMP code point, what
/// the linked ICU says: `inert` when the quick check passes and the combining class is 0;
/// for the Thai marks, whose classes are fixed by Unicode's stability policy, their
/// class, so that Thai text with its tone marks in order passes too; `unknown` otherwise.
/// Answering false is always safe: the caller then asks ICU.
enum NFCQuickCheck {
    static let inert: UInt8 = 0
    static let unknown: UInt8 = 255

    /// Per BMP code point: `inert`, a combining class, or `unknown`.
    ///
    /// A code point `c` is inert when ICU's quick check says yes for U+0E48 `c` U+0334
    /// (combining classes 107, ?, 1): only a character that passes the check itself and has
    /// class 0 keeps that order. Such triplets do not interact, so a run of them passes
    /// exactly when each does: whole ranges are checked at once and split only where
    /// they fail, a few thousand ICU calls in all instead of one per code point.
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: unknown, count: 0x1_0000)
        var scratch: [UInt8] = []
        func append(_ value: UInt32) {
            if let scalar = Unicode.Scalar(value) { scratch.append(contentsOf: String(Character(scalar)).utf8) }
        }
        func classify(_ range: ClosedRange<UInt32>) {
            scratch.removeAll(keepingCapacity: true)
            for value in range {
                append(0x0E48)
                append(value)
                append(0x0334)
            }
            let passes = scratch.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { winnow_icu_is_nfc($0, Int64(buffer.count)) == 1 } ?? false
            }
            if passes {
                for value in range { table[Int(value)] = inert }
            } else if range.count > 1 {
                let middle = range.lowerBound + UInt32(range.count / 2)
                classify(range.lowerBound...(middle - 1))
                classify(middle...range.upperBound)
            }
        }
        // Surrogates are not characters: they stay `unknown`.
        var start: UInt32 = 0x0300
        while start <= 0xFFFF {
            let end = min(start + 255, 0xFFFF)
            if !(0xD800...0xDFFF).contains(start) { classify(start...end) }
            start = end + 1
        }
        for (mark, combiningClass) in thaiMarks { table[Int(mark)] = combiningClass }
        return table
    }()

    /// Thai vowel and tone marks with a non-zero canonical combining class.
    static let thaiMarks: [(UInt32, UInt8)] = [
        (0x0E38, 103), (0x0E39, 103), (0x0E3A, 9), (0x0E48, 107), (0x0E49, 107), (0x0E4A, 107), (0x0E4B, 107),
    ]

    /// True when the valid UTF-8 `line` is certainly NFC; false when ICU must decide.
    static func isCertainlyNFC(_ line: UnsafeRawBufferPointer) -> Bool {
        classes.withUnsafeBufferPointer { table in
            var previous = inert
            var index = 0
            let count = line.count
            while index < count {
                // Eight ASCII bytes at a time: all starters.
                if index + 8 <= count, !SWAR.hasNonASCII(line.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    previous = inert
                    index += 8
                    continue
                }
                let byte = line[index]
                if byte < 0xCC {
                    // ASCII, a continuation byte, or a code point below U+0300: all starters.
                    if byte < 0x80 || byte >= 0xC0 { previous = inert }
                    index += 1
                    continue
                }
                let value: Int
                if byte < 0xE0 {
                    guard index + 1 < count else { return false }
                    value = Int(byte & 0x1F) << 6 | Int(line[index + 1] & 0x3F)
                    index += 2
                } else if byte < 0xF0 {
                    guard index + 2 < count else { return false }
                    value = Int(byte & 0x0F) << 12 | Int(line[index + 1] & 0x3F) << 6 | Int(line[index + 2] & 0x3F)
                    index += 3
                } else {
                    return false  // outside the BMP: ICU decides
                }
                let combiningClass = table[value]
                if combiningClass == unknown { return false }
                if combiningClass != inert && previous > combiningClass { return false }
                previous = combiningClass
            }
            return true
        }
    }
}
