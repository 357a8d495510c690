/// A form of the current line as UTF-8 bytes (its plain text, its fold).
typealias LineBuffer = ReusableBuffer<UInt8>

extension ReusableBuffer where Element == UInt8 {
    /// The first `count` bytes (`count` at most the reserved size).
    @inline(__always)
    func bytes(_ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Copies `bytes` in (replacing what the buffer held) and returns the copy.
    func store(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let target = reserve(bytes.count)
        if let source = bytes.baseAddress, !bytes.isEmpty {
            UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
        }
        return self.bytes(bytes.count)
    }
}
