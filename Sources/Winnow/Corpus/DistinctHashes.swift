/// Removes repeated line hashes within one document (a line counts once per document), with
/// an open-addressing set kept from document to document instead of sorting each document's
/// hashes. Order does not matter to `RepeatCounter`, which only adds them up.
struct DistinctHashes {
    /// The set's slots (a key of 0 is empty; the hash 0 is tracked apart). Only the first
    /// `size` are used for a document, and cleared before it.
    private var slots: [UInt64] = []

    init() {}

    /// The distinct hashes of `hashes`, in first-seen order; empties `hashes`, keeping its
    /// storage.
    mutating func distinct(_ hashes: inout [UInt64]) -> [UInt64] {
        var size = 16
        while size < 2 * hashes.count { size *= 2 }
        if slots.count < size { slots = [UInt64](repeating: 0, count: size) }
        var unique: [UInt64] = []
        unique.reserveCapacity(hashes.count)
        var sawZero = false
        slots.withUnsafeMutableBufferPointer { all in
            let table = UnsafeMutableBufferPointer(rebasing: all[0..<size])
            table.update(repeating: 0)
            let mask = size - 1
            for hash in hashes {
                if hash == 0 {
                    if !sawZero { unique.append(0) }
                    sawZero = true
                    continue
                }
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let key = table[slot]
                    if key == hash { break }
                    if key == 0 {
                        table[slot] = hash
                        unique.append(hash)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        hashes.removeAll(keepingCapacity: true)
        return unique
    }
}
