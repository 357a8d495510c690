/// A reusable buffer of plain values at a fixed address until it grows: a form of the current
/// line (its plain text, its fold: `LineBuffer`) or the line widened to UTF-16 for a regex
/// (`UTF16Buffer`).
///
/// The rule matcher derives a few forms of every line it has not seen before; arrays for them
/// would be allocated and freed per line, and reading an array held by a class begins a
/// dynamic exclusivity access each time. A worker keeps one buffer per form (`RegexBundle`).
final class ReusableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `count` elements; what the buffer held is lost when it has to grow (and
    /// pointers into it are then stale).
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if count > capacity { grow(to: count) }
        return base
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

/// The line widened to UTF-16 code units, the text a regex runs on (`ICURegex.contains`).
typealias UTF16Buffer = ReusableBuffer<UInt16>
