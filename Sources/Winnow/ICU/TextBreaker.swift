import CICU

/// Word or sentence boundaries from ICU break iterators (dictionary-based for Thai, CJK, Khmer…).
///
/// Not thread-safe: create one per task. It holds an ICU iterator that is reused across calls,
/// which is much cheaper than opening a new one per line.
public final class TextBreaker {
    public enum Kind: Int32, Sendable {
        case word = 0
        case sentence = 1
    }

    private let handle: OpaquePointer

    public init(_ kind: Kind = .word, locale: String = "") throws(WinnowError) {
        var status: Int32 = 0
        guard let handle = winnow_breaker_open(kind.rawValue, locale, &status), status <= 0 else {
            throw .internalFailure(path: "<icu>", detail: "cannot open break iterator: \(ICU.errorName(status))")
        }
        self.handle = handle
    }

    deinit { winnow_breaker_close(handle) }

    /// Calls `body` with each segment's UTF-8 byte range in `text` and whether it is a word.
    public func forEachSegment(in text: String, _ body: (Range<Int>, Bool) -> Void) {
        var text = text
        text.withUTF8 { buffer in
            forEachSegment(in: UnsafeRawBufferPointer(buffer), body)
        }
    }

    /// Calls `body` with each segment's byte range in `bytes` (UTF-8) and whether it is a word.
    public func forEachSegment(in bytes: UnsafeRawBufferPointer, _ body: (Range<Int>, Bool) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return }
        guard winnow_breaker_set_text(handle, base.assumingMemoryBound(to: UInt8.self), Int64(bytes.count)) <= 0
        else { return }
        var start = 0
        var isWord: Int32 = 0
        while true {
            let end = Int(winnow_breaker_next(handle, &isWord))
            if end < 0 { break }
            body(start..<end, isWord != 0)
            start = end
        }
    }

    /// The words of `text` (segments that contain letters, numbers or ideographs).
    public func words(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var result: [Substring] = []
        forEachSegment(in: text) { range, isWord in
            guard isWord else { return }
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            result.append(text[lower..<upper])
        }
        return result
    }

    /// How many words `text` has; Thai and CJK words count right although they have no spaces.
    public func wordCount(_ text: String) -> Int {
        var count = 0
        forEachSegment(in: text) { _, isWord in if isWord { count += 1 } }
        return count
    }
}
