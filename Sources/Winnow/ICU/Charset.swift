import CICU

/// Charset detection and conversion to UTF-8 through ICU (`ucsdet`, `ucnv`).
public enum Charset {
    /// ICU's best guess for the charset of `bytes`, with its confidence (0–100).
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> (name: String, confidence: Int)? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        let confidence = winnow_icu_detect_charset(
            base.assumingMemoryBound(to: UInt8.self), Int64(bytes.count), &name, Int32(name.count))
        guard confidence >= 0 else { return nil }
        let nameBytes = name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (String(decoding: nameBytes, as: UTF8.self), Int(confidence))
    }

    /// Converts `bytes` from `charset` to UTF-8. Malformed sequences become U+FFFD and are
    /// counted in `substitutions`. Returns `nil` when ICU does not know the charset.
    public static func convertToUTF8(
        _ bytes: UnsafeRawBufferPointer, from charset: String
    ) -> (bytes: [UInt8], substitutions: Int)? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return ([], 0) }
        var substitutions: Int64 = 0
        let pointer = base.assumingMemoryBound(to: UInt8.self)
        let converted = ICU.withGrowingBuffer(initialCapacity: bytes.count * 2 + 16) { out, capacity, status in
            winnow_icu_convert_to_utf8(charset, pointer, Int64(bytes.count), out, capacity, &substitutions, &status)
        }
        return converted.map { ($0, Int(substitutions)) }
    }
}
