/// A reusable byte buffer for a form of the current line (its plain text, its fold), at a fixed
/// address until it grows.
///
/// The rule matcher derives a few forms of every line it has not seen before; arrays for them
/// would be allocated and freed per line, and reading an array held by a class begins a
/// dynamic exclusivity access each time. A worker keeps one buffer per form (`RegexBundle`).
final class LineBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `count` bytes; what the buffer held is lost when it has to grow (and pointers
    /// into it are then stale).
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if count > capacity { grow(to: count) }
        return base
    }

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

    /// Gives back the memory a very long line made the buffer take, so that it does not stay
    /// held (beside the document and its output) until the worker's next long line.
    func shrink(above limit: Int) {
        guard capacity > limit else { return }
        base.deallocate()
        capacity = 512
        base = .allocate(capacity: capacity)
    }

    private func grow(to count: Int) {
        var size = capacity
        while size < count { size *= 2 }
        base.deallocate()
        base = .allocate(capacity: size)
        capacity = size
    }
}
