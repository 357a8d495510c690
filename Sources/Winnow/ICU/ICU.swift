import CICU

/// Facts about the ICU library winnow is linked against.
public enum ICU {
    /// The run-time ICU version, e.g. `72.1`.
    public static var version: String { String(cString: winnow_icu_version()) }

    /// ICU's name for a status code, e.g. `U_REGEX_RULE_SYNTAX`.
    static func errorName(_ status: Int32) -> String { String(cString: winnow_icu_error_name(status)) }

    /// Runs an ICU call that writes UTF-8 into a caller buffer and reports the length it needs,
    /// growing the buffer once when the first guess was too small.
    static func withGrowingBuffer(
        initialCapacity: Int,
        _ call: (UnsafeMutablePointer<UInt8>, Int64, inout Int32) -> Int64
    ) -> [UInt8]? {
        var capacity = max(initialCapacity, 16)
        for _ in 0..<2 {
            var status: Int32 = 0
            var needed: Int64 = 0
            let buffer = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                needed = call(buffer.baseAddress!, Int64(capacity), &status)
                count = needed >= 0 && needed <= capacity ? Int(needed) : 0
            }
            if status > 0 || needed < 0 { return nil }
            if needed <= capacity { return buffer }
            capacity = Int(needed) + 1
        }
        return nil
    }
}
