/// A reusable buffer of UTF-16 code units, at a fixed address until it grows: the text a
/// regex runs on, widened (`ICURegex.contains`), one buffer per worker (`RegexBundle`).
final class UTF16Buffer {
    private(set) var base: UnsafeMutablePointer<UInt16>
    private(set) var capacity: Int

    init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `count` units; what the buffer held is lost when it has to grow.
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<UInt16> {
        if count > capacity { grow(to: count) }
        return base
    }

    /// Gives back the memory a very long line made the buffer take (see `LineBuffer.shrink`).
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
