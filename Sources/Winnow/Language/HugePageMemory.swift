import Glibc

/// Memory for the detector's large random-access tables (the word-score cache, the model),
/// backed by transparent huge pages where the kernel offers them.
///
/// The scorer probes these tables at random, one probe or two per word and per n-gram: with
/// 4 KiB pages most probes also missed the TLB, and the page walks, not the cache misses
/// themselves, made up much of the detector's time. 2 MiB pages cover the tables with a
/// handful of TLB entries. Without huge pages (another kernel setting, another OS) the memory
/// is still plain, correctly aligned memory.
enum HugePageMemory {
    static let pageSize = 1 << 21

    /// `byteCount` bytes (rounded up to whole huge pages), 2 MiB-aligned, not initialised;
    /// `nil` only when the system is out of memory. Free with `deallocate`.
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer? {
        let size = (byteCount + pageSize - 1) & ~(pageSize - 1)
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, pageSize, size) == 0, let memory else { return nil }
        // Advice only: a kernel without transparent huge pages ignores it.
        _ = madvise(memory, size, Int32(MADV_HUGEPAGE))
        return memory
    }

    static func deallocate(_ memory: UnsafeMutableRawPointer) {
        free(memory)
    }
}
