import CICU

/// A compiled ICU regular expression matched directly against UTF-8 (no UTF-16 copy).
///
/// Not thread-safe: ICU matchers keep state. Compile a pattern once and `copy()` it for each
/// worker. A time limit turns a catastrophic pattern into an error instead of a hang.
public final class ICURegex {
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 1)
        public static let multiline = Options(rawValue: 2)
    }

    /// Why a pattern did not compile or a match did not finish.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    private let handle: OpaquePointer
    public let pattern: String

    public init(_ pattern: String, options: Options = [], timeLimit: Int32 = 0) throws(Failure) {
        var status: Int32 = 0
        var offset: Int32 = 0
        let bytes = Array(pattern.utf8)
        let opened: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            winnow_regex_open(buffer.baseAddress, Int64(buffer.count), options.rawValue, &offset, &status)
        }
        guard let handle = opened, status <= 0 else {
            throw Failure(message: "regex does not compile: \(ICU.errorName(status)) at offset \(offset)")
        }
        self.handle = handle
        self.pattern = pattern
        if timeLimit > 0 { winnow_regex_set_time_limit(handle, timeLimit) }
    }

    private init(handle: OpaquePointer, pattern: String) {
        self.handle = handle
        self.pattern = pattern
    }

    deinit { winnow_regex_close(handle) }

    /// A copy for another thread.
    public func copy() throws(Failure) -> ICURegex {
        var status: Int32 = 0
        guard let clone = winnow_regex_clone(handle, &status), status <= 0 else {
            throw Failure(message: "cannot clone regex: \(ICU.errorName(status))")
        }
        return ICURegex(handle: clone, pattern: pattern)
    }

    /// Limits the work of each match (ICU steps, roughly milliseconds); 0 removes the limit.
    public func setTimeLimit(_ limit: Int32) { winnow_regex_set_time_limit(handle, limit) }

    /// The UTF-8 byte range of the first match in `bytes`, or `nil`.
    public func firstMatch(in bytes: UnsafeRawBufferPointer) throws(Failure) -> Range<Int>? {
        var start: Int64 = 0
        var end: Int64 = 0
        var status: Int32 = 0
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let found = winnow_regex_find(handle, base, Int64(bytes.count), &start, &end, &status)
        if found < 0 {
            throw Failure(message: "regex /\(pattern)/ failed: \(ICU.errorName(status))")
        }
        return found == 1 ? Int(start)..<Int(end) : nil
    }

    /// Whether `bytes` (valid UTF-8, under 1 GiB) hold a match; `scratch` needs room for
    /// `bytes.count` UTF-16 units. Faster than `firstMatch(in:)`: the text is widened to
    /// UTF-16, where ICU's matcher reads code units directly instead of through a UText.
    public func contains(_ bytes: UnsafeRawBufferPointer, scratch: UnsafeMutablePointer<UInt16>) throws(Failure) -> Bool {
        var status: Int32 = 0
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let found = winnow_regex_contains(handle, base, Int64(bytes.count), scratch, &status)
        if found < 0 {
            throw Failure(message: "regex /\(pattern)/ failed: \(ICU.errorName(status))")
        }
        return found == 1
    }

    /// The UTF-8 byte range of the first match in `text`, or `nil`.
    public func firstMatch(in text: String) throws(Failure) -> Range<Int>? {
        var text = text
        let result: Result<Range<Int>?, Failure> = text.withUTF8 { buffer in
            do throws(Failure) {
                return .success(try firstMatch(in: UnsafeRawBufferPointer(buffer)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Whether `text` contains a match.
    public func matches(_ text: String) throws(Failure) -> Bool {
        try firstMatch(in: text) != nil
    }
}
