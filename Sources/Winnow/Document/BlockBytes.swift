/// A block's UTF-8 read where the block is, in an array of blocks.
///
/// `blocks[i].withUTF8Text { … }` copies the block first (the closure could otherwise see it
/// change), and a copy retains and releases its storage and annotations: in profiles these
/// copies were a good part of the pipeline's reference counting. A block that shares its
/// document's bytes (nearly all) gives its bytes without a copy; the others take the old way,
/// out of line (inlined, the compiler copied the block before the test, for both ways).
extension RandomAccessCollection where Element == Block, Index == Int {
    /// Calls `body` with the UTF-8 of `self[index].text` (for `[Block]` and a buffer of blocks).
    @inline(__always)
    func withUTF8Text<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let bytes = self[index].storage.sharedUTF8 { return try body(bytes) }
        return try Self.withOwnUTF8Text(of: self, at: index, body)
    }

    /// `LineHash.of` the UTF-8 of `self[index].text`: the one the segmenter took, else taken
    /// now (a block made or changed after segmenting).
    @inline(__always)
    func lineHash(at index: Int) -> UInt64 {
        let stored = self[index].lineHash
        if stored != 0 { return stored }
        return withUTF8Text(at: index) { LineHash.of($0) }
    }

    @inline(never)
    private static func withOwnUTF8Text<R>(
        of blocks: Self, at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        try blocks[index].withUTF8Text(body)
    }
}

extension Array where Element == Block {
    /// `self[index].text`, made from the shared bytes without copying the block (the getter,
    /// called on an element, copied it to keep it alive while the string was made).
    func text(at index: Int) -> String {
        if let bytes = self[index].storage.sharedUTF8 { return String(decoding: bytes, as: UTF8.self) }
        return Self.ownText(of: self, at: index)
    }

    @inline(never)
    private static func ownText(of blocks: Self, at index: Int) -> String {
        blocks[index].text
    }
}
