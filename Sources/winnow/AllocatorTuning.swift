import CProcessTuning

/// Process-wide allocator policy for a batch run.
///
/// Every record and page allocates its blocks and its rendered output, then frees them. With
/// glibc's default padding (128 KiB) a worker's heap shrinks back after each batch and grows
/// again for the next one, and every regrowth faults fresh zeroed pages in: on the 513 MB JSONL
/// benchmark that was about a tenth of the frame's CPU time (system time 0.25 s -> 0.07 s with
/// the pad below). Keeping 16 MiB of slack at the top of each heap costs at most that per heap
/// in peak RSS and holds nothing that the next batch would not ask for again. It must run
/// before the first worker thread allocates (see `WinnowCommand.main`).
enum AllocatorTuning {
    static let heapSlack: Int32 = 16 << 20

    static func apply() {
        _ = winnow_keep_heap_slack(heapSlack)
    }
}
