/// A set of short keywords looked up by their UTF-8 bytes: a line's word is compared in place,
/// with no string made and no hash computed (a `Set<String>` lookup does both, for every short
/// line the comment-heading test reads).
///
/// Byte equality is `String` equality for an ASCII word: no keyword is canonically equivalent
/// to an ASCII text without being one (they are plain words, written precomposed).
struct KeywordBytes: Sendable {
    /// Keywords by their first byte.
    private let buckets: [[[UInt8]]]

    init(_ words: some Sequence<String>) {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for word in words {
            guard let first = word.utf8.first else { continue }
            buckets[Int(first)].append(Array(word.utf8))
        }
        self.buckets = buckets
    }

    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first else { return false }
        for word in buckets[Int(first)] where word.count == bytes.count {
            if word.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return true }
        }
        return false
    }
}
