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

    /// True when valid UTF-8 `bytes` are certainly NFC: the UAX #15 quick check on UTF-8 (tables
    /// from the linked ICU) answers yes, or ICU's own quick check does. False means "normalise".
    public static func isCertainlyNFC(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        if isTriviallyNFC(bytes) { return true }
        return winnow_icu_is_nfc(base.assumingMemoryBound(to: UInt8.self), Int64(bytes.count)) == 1
    }

    /// The NFC form of UTF-8 bytes; returns the input unchanged when it is already NFC.
    public static func nfc(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        if isTriviallyNFC(bytes) { return Array(bytes) }
        let pointer = base.assumingMemoryBound(to: UInt8.self)
        if winnow_icu_is_nfc(pointer, Int64(bytes.count)) == 1 { return Array(bytes) }
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
