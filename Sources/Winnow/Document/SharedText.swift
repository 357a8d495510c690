/// UTF-8 bytes that the blocks of one document share: the decoded input, or the lines the
/// segmenter had to change (NFC, control characters). A block keeps a range of them instead
/// of a string of its own, so reading a document makes no string per line; `Block.text`
/// makes the string when a stage asks for it.
final class SharedText: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// Where a block's text is: its own string (set by a caller), or a range of shared bytes.
enum BlockText: Sendable {
    case string(String)
    case shared(SharedText, start: Int, end: Int)

    var string: String {
        switch self {
        case .string(let string):
            return string
        case .shared(let storage, let start, let end):
            return storage.bytes.withUnsafeBytes { String(decoding: $0[start..<end], as: UTF8.self) }
        }
    }

    /// The text's UTF-8 when it is shared bytes (nil for a string of its own), read without
    /// keeping a reference: valid while a block holding the same `SharedText` lives (its
    /// `bytes` are a `let`, so they neither move nor change). A caller that reads a block in
    /// an array and calls a closure with its bytes would otherwise copy the whole block to
    /// keep it alive across the call, retaining its storage and annotations every time.
    @inline(__always)
    var sharedUTF8: UnsafeRawBufferPointer? {
        guard case .shared(let storage, let start, let end) = self else { return nil }
        return storage.bytes.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[start..<end]) }
    }

    /// Calls `body` with the text's UTF-8 without making a string.
    @inline(__always)
    func withUTF8<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .string(let string):
            var string = string
            return try string.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .shared(let storage, let start, let end):
            return try storage.bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        }
    }
}
