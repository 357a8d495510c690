/// Walks the Unicode scalars of UTF-8 text, skipping URLs, e-mail addresses and Markdown link
/// targets, which say nothing about the language of the text around them.
///
/// A chunk is a run of non-whitespace bytes. A chunk containing `://` or `@`, or starting with
/// `www.`, is skipped whole; in a chunk containing `](`, only the part before it (the link text)
/// is read. `String` guarantees valid UTF-8, so decoding needs no validation.
struct ScalarCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var chunkStop = 0
    private var chunkEnd = 0
    /// True for the first scalar returned from each chunk.
    private(set) var startsChunk = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// The next scalar value, or `nil` at the end of the text.
    @inline(__always)
    mutating func next() -> UInt32? {
        // An ASCII byte inside the open chunk (most scalars) is returned here, inlined into the
        // caller's loop; the general step (multi-byte sequences, a new chunk) was a call per
        // scalar, which also kept the cursor in memory.
        if position < chunkStop {
            let b = bytes[position]
            if b < 0x80 {
                startsChunk = false
                position += 1
                return UInt32(b)
            }
        }
        return nextGeneral()
    }

    /// `next()` for any position.
    private mutating func nextGeneral() -> UInt32? {
        // A loop, not a recursive call, for the rare cut sequence.
        while true {
            startsChunk = false
            while position >= chunkStop {
                position = chunkEnd
                guard openChunk() else { return nil }
                startsChunk = true
            }
            let b0 = UInt32(bytes[position])
            if b0 < 0x80 {
                position += 1
                return b0
            }
            var cp: UInt32
            let width: Int
            if b0 < 0xE0 {
                cp = (b0 & 0x1F) << 6 | (UInt32(bytes[position + 1]) & 0x3F)
                width = 2
            } else if b0 < 0xF0 {
                cp = (b0 & 0x0F) << 12 | (UInt32(bytes[position + 1]) & 0x3F) << 6
                cp |= UInt32(bytes[position + 2]) & 0x3F
                width = 3
            } else {
                cp = (b0 & 0x07) << 18 | (UInt32(bytes[position + 1]) & 0x3F) << 12
                cp |= (UInt32(bytes[position + 2]) & 0x3F) << 6 | (UInt32(bytes[position + 3]) & 0x3F)
                width = 4
            }
            if position + width > chunkStop {  // a link-text cut inside a sequence cannot happen, but stay safe
                position = chunkStop
                continue
            }
            position += width
            return cp
        }
    }

    /// Consumes and returns the ASCII letters that follow, up to the end of the chunk's readable
    /// part: the scalars `next()` would return one by one, none of them starting a chunk.
    @inline(__always)
    mutating func takeASCIILetters() -> UnsafeBufferPointer<UInt8> {
        let start = position
        var end = position
        while end < chunkStop, (bytes[end] | 0x20) &- 0x61 < 26 { end += 1 }
        position = end
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Finds the next chunk after `position`; false at the end of the text.
    private mutating func openChunk() -> Bool {
        let count = bytes.count
        var i = position
        while i < count, Self.isSpace(bytes[i]) { i += 1 }
        guard i < count else {
            position = count
            chunkStop = count
            chunkEnd = count
            return false
        }
        let start = i
        var cut = -1
        var urlLike = false
        while i < count, !Self.isSpace(bytes[i]) {
            let b = bytes[i]
            if b == 0x40 {
                urlLike = true
            } else if b == 0x3A, i + 2 < count, bytes[i + 1] == 0x2F, bytes[i + 2] == 0x2F {
                urlLike = true
            } else if b == 0x5D, cut < 0, i + 1 < count, bytes[i + 1] == 0x28 {
                cut = i
            }
            i += 1
        }
        if i - start >= 4, bytes[start] | 0x20 == 0x77, bytes[start + 1] | 0x20 == 0x77,
            bytes[start + 2] | 0x20 == 0x77, bytes[start + 3] == 0x2E
        {
            urlLike = true
        }
        position = start
        chunkEnd = i
        chunkStop = cut >= 0 ? cut : (urlLike ? start : i)
        return true
    }
}
