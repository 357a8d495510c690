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
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                previousClass = 0
                index &+= 1
                // Runs of ASCII between the non-Latin characters, sixteen bytes at a time.
                while index &+ 16 <= count {
                    let vector = text.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                    if SWAR.isAnySet(vector .>= SIMD16<UInt8>(repeating: 0x80)) { break }
                    index &+= 16
                }
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
