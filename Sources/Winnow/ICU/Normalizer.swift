import CICU

/// Unicode normalisation through ICU, with fast paths for text that is trivially NFC.
public enum Normalizer {
    /// True when the UTF-8 bytes contain no code point at or above U+0300. Every such string
    /// is already NFC (no combining marks, no composable pairs), which covers most Latin text.
    @inlinable
    public static func isTriviallyNFC(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // U+0300 is encoded as CC 80; every lead byte of a code point >= U+0300 is >= 0xCC.
        for byte in bytes where byte >= 0xCC { return false }
        return true
    }

    /// True when valid UTF-8 `bytes` are certainly NFC: nothing at or above U+0300, or only
    /// scripts and symbols checked in Swift, or the UAX #15 quick check on UTF-8 (tables from the
    /// linked ICU) answers yes, or ICU's own quick check does. False means "normalise".
    public static func isCertainlyNFC(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        if isCertainlyNFCWithoutICU(bytes) { return true }
        return winnow_icu_is_nfc(base.assumingMemoryBound(to: UInt8.self), Int64(bytes.count)) == 1
    }

    /// True when `text` (valid UTF-8) is certainly NFC without asking ICU: its code points from
    /// U+0300 on are basic Cyrillic (U+0400–U+047F), Thai (U+0E00–U+0E7F) or common symbols
    /// (bullets, dashes, quotes, arrows, box drawing), all quick-check "yes", and no Thai mark is followed by one of lower combining class (U+0E38 and U+0E39
    /// have class 103, U+0E3A 9, U+0E48…U+0E4B 107, the rest 0). False means "ask ICU".
    /// `NFCShortcutTests` checks every code point it accepts, and every Thai pair, against ICU.
    public static func isCertainlyNFCWithoutICU(_ text: UnsafeRawBufferPointer) -> Bool {
        var previousClass: UInt8 = 0
        var index = 0
        let count = text.count
        // Where the next sixteen-byte step may be tried (after one fails, characters go one
        // by one for sixteen bytes).
        var vectorFrom = 0
        while index < count {
            if previousClass == 0, index >= vectorFrom, index &+ 21 <= count {
                if isChunkCertainlyNFC(text, at: index) {
                    index &+= 16
                    // The last character may run past the chunk: move to the next lead.
                    while index < count, text[index] & 0xC0 == 0x80 { index &+= 1 }
                    continue
                }
                vectorFrom = index &+ 16
            }
            let byte = text[index]
            if byte < 0x80 {
                previousClass = 0
                index &+= 1
                continue
            }
            if byte < 0xCC || byte == 0xD0 || byte == 0xD1 {  // U+0080–U+02FF, U+0400–U+047F
                previousClass = 0
                index &+= 2
                continue
            }
            guard byte == 0xE0 || byte == 0xE2, index &+ 2 < count else { return false }
            let second = text[index &+ 1]
            let third = text[index &+ 2]
            if byte == 0xE2 {
                // Punctuation, super- and subscripts, currency (U+2002–U+20BF), arrows
                // (U+2180–U+21FF), box drawing, shapes and symbols (U+2500–U+26FF): quick
                // check "yes", class 0. (U+2000 and U+2001 are not NFC.)
                guard (second == 0x80 && third >= 0x82) || second == 0x81 || second == 0x82 || second == 0x86
                    || second == 0x87 || (second >= 0x94 && second <= 0x9B)
                else { return false }
                previousClass = 0
                index &+= 3
                continue
            }
            let combiningClass: UInt8
            if second == 0xB8 {
                combiningClass = third == 0xB8 || third == 0xB9 ? 103 : third == 0xBA ? 9 : 0
            } else if second == 0xB9 {
                combiningClass = third >= 0x88 && third <= 0x8B ? 107 : 0
            } else {
                return false
            }
            if combiningClass != 0 && combiningClass < previousClass { return false }
            previousClass = combiningClass
            index &+= 3
        }
        return true
    }


    /// Sixteen bytes from `index` (a character boundary, with the character before it of class
    /// 0) hold only characters the shortcut accepts (ASCII, U+0080–U+02FF, basic Cyrillic,
    /// Thai, the common punctuation and symbols), and no Thai mark is followed by one of lower class; the five bytes
    /// after them are read to see the characters that cross the end. False means "go one by one".
    @inline(__always)
    static func isChunkCertainlyNFC(_ text: UnsafeRawBufferPointer, at index: Int) -> Bool {
        typealias Vector = SIMD16<UInt8>
        let byte = text.loadUnaligned(fromByteOffset: index, as: Vector.self)
        let next1 = text.loadUnaligned(fromByteOffset: index &+ 1, as: Vector.self)
        let thaiLead = (byte .== Vector(repeating: 0xE0))
            .& ((next1 .== Vector(repeating: 0xB8)) .| (next1 .== Vector(repeating: 0xB9)))
        let next2 = text.loadUnaligned(fromByteOffset: index &+ 2, as: Vector.self)
        // The punctuation and symbols the one-by-one path accepts (E2 80 82…BF, E2 81, 82,
        // 86, 87, 94…9B): curly quotes, dashes and bullets are on most lines of real pages.
        let punctuation = (byte .== Vector(repeating: 0xE2))
            .& (((next1 .== Vector(repeating: 0x80)) .& (next2 .>= Vector(repeating: 0x82)))
                .| ((next1 &- Vector(repeating: 0x81)) .< Vector(repeating: 2))
                .| ((next1 &- Vector(repeating: 0x86)) .< Vector(repeating: 2))
                .| ((next1 &- Vector(repeating: 0x94)) .< Vector(repeating: 8)))
        let accepted = (byte .< Vector(repeating: 0xCC)) .| (byte .== Vector(repeating: 0xD0))
            .| (byte .== Vector(repeating: 0xD1)) .| thaiLead .| punctuation
        if SWAR.isAnySet(.!accepted) { return false }
        if !SWAR.isAnySet(thaiLead) { return true }
        // Marks: E0 B8 B8/B9 (class 103), E0 B8 BA (9), E0 B9 88…8B (107); a mark and the
        // character three bytes on must not go down in class.
        let next3 = text.loadUnaligned(fromByteOffset: index &+ 3, as: Vector.self)
        let next4 = text.loadUnaligned(fromByteOffset: index &+ 4, as: Vector.self)
        let next5 = text.loadUnaligned(fromByteOffset: index &+ 5, as: Vector.self)
        let b8 = Vector(repeating: 0xB8)
        let mark103 = thaiLead .& (next1 .== b8) .& ((next2 .== b8) .| (next2 .== Vector(repeating: 0xB9)))
        let mark107 = thaiLead .& (next1 .== Vector(repeating: 0xB9)) .& (next2 .>= Vector(repeating: 0x88))
            .& (next2 .<= Vector(repeating: 0x8B))
        let followedBy9 = (next3 .== Vector(repeating: 0xE0)) .& (next4 .== b8) .& (next5 .== Vector(repeating: 0xBA))
        let followedBy103 = (next3 .== Vector(repeating: 0xE0)) .& (next4 .== b8)
            .& ((next5 .== b8) .| (next5 .== Vector(repeating: 0xB9)))
        let descending = ((mark103 .| mark107) .& followedBy9) .| (mark107 .& followedBy103)
        return !SWAR.isAnySet(descending)
    }

    /// The NFC form of UTF-8 bytes; returns the input unchanged when it is already NFC.
    public static func nfc(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        if isCertainlyNFC(bytes) { return Array(bytes) }
        let pointer = base.assumingMemoryBound(to: UInt8.self)
        return ICU.withGrowingBuffer(initialCapacity: bytes.count + bytes.count / 4) { out, capacity, status in
            winnow_icu_nfc(pointer, Int64(bytes.count), out, capacity, &status)
        } ?? Array(bytes)
    }

    /// The NFC form of a string.
    public static func nfc(_ text: String) -> String {
        var text = text
        return text.withUTF8 { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            if isTriviallyNFC(raw) { return String(decoding: raw, as: UTF8.self) }
            return String(decoding: nfc(raw), as: UTF8.self)
        }
    }

    /// ICU full case folding (`Straße` → `strasse`), for case-insensitive matching.
    public static func foldCase(_ text: String) -> String {
        var text = text
        return text.withUTF8 { buffer in
            var ascii = true
            for byte in buffer where byte >= 0x80 {
                ascii = false
                break
            }
            if ascii { return String(decoding: buffer.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self) }
            guard let base = buffer.baseAddress else { return "" }
            let folded = ICU.withGrowingBuffer(initialCapacity: buffer.count + 8) { out, capacity, status in
                winnow_icu_fold_case(base, Int64(buffer.count), out, capacity, &status)
            }
            return folded.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: buffer, as: UTF8.self).lowercased()
        }
    }
}
