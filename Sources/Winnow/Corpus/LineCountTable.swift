/// Line hash → document count, for one site while a profile is being counted: open addressing
/// with linear probing, keyed by the line hash itself (already uniformly mixed), so an update
/// is one multiply-free index and a short probe instead of a `Dictionary`'s rehash.
struct LineCountTable: Sendable {
    /// A line hash and its count side by side, so an update touches one cache line.
    struct Slot {
        var key: UInt64
        var value: UInt32
    }

    /// Slots; a key of 0 marks an empty slot (the line hash 0 is kept in `zeroCount`).
    private var slots: [Slot]
    private var zeroCount: UInt32 = 0
    private var hasZero = false
    /// Entries held.
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: size)
    }

    /// Adds one document to the line's count (saturating); true when the line is new.
    @discardableResult
    mutating func increment(_ hash: UInt64) -> Bool {
        if hash == 0 {
            if zeroCount != UInt32.max { zeroCount += 1 }
            defer { hasZero = true }
            if !hasZero { count += 1 }
            return !hasZero
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        return slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while true {
                let key = slots[slot].key
                if key == hash {
                    if slots[slot].value != UInt32.max { slots[slot].value += 1 }
                    return false
                }
                if key == 0 {
                    slots[slot] = Slot(key: hash, value: 1)
                    count += 1
                    return true
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `value` for a line not yet in the table.
    mutating func insert(_ hash: UInt64, value: UInt32) {
        if hash == 0 {
            if !hasZero { count += 1 }
            hasZero = true
            zeroCount = value
            return
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[slot].key != 0 && slots[slot].key != hash { slot = (slot + 1) & mask }
        if slots[slot].key == 0 { count += 1 }
        slots[slot] = Slot(key: hash, value: value)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: old.count * 2)
        count = hasZero ? 1 : 0
        for slot in old where slot.key != 0 { insert(slot.key, value: slot.value) }
    }

    /// The entries whose hash passes `isIncluded`.
    func filter(_ isIncluded: (UInt64) -> Bool) -> LineCountTable {
        var out = LineCountTable(capacity: count)
        if hasZero && isIncluded(0) { out.insert(0, value: zeroCount) }
        for slot in slots where slot.key != 0 && isIncluded(slot.key) { out.insert(slot.key, value: slot.value) }
        return out
    }

    /// All entries, sorted by hash.
    func sortedEntries() -> (hashes: [UInt64], counts: [UInt32]) {
        // Sorting the bare keys (no comparison closure over pairs) and then looking each count
        // up is several times faster than sorting (hash, count) pairs.
        var hashes: [UInt64] = []
        hashes.reserveCapacity(count)
        if hasZero { hashes.append(0) }
        for slot in slots where slot.key != 0 { hashes.append(slot.key) }
        Self.sortUniformly(&hashes)
        let counts = hashes.map { value(of: $0) }
        return (hashes, counts)
    }

    /// Sorts `keys` ascending: a least-significant-digit radix sort (six passes of 11 bits)
    /// for large arrays, which beats a comparison sort on a million keys several times over;
    /// the standard sort for small ones.
    static func sortUniformly(_ keys: inout [UInt64]) {
        guard keys.count >= 2048 else {
            keys.sort()
            return
        }
        var other = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 2048)
        for pass in 0..<6 {
            let shift = UInt64(pass * 11)
            keys.withUnsafeBufferPointer { source in
                other.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        counts.update(repeating: 0)
                        for key in source { counts[Int(truncatingIfNeeded: (key >> shift) & 0x7FF)] += 1 }
                        var total = 0
                        for digit in 0..<2048 {
                            let here = counts[digit]
                            counts[digit] = total
                            total += here
                        }
                        for key in source {
                            let digit = Int(truncatingIfNeeded: (key >> shift) & 0x7FF)
                            target[counts[digit]] = key
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &other)
        }
    }

    /// The count stored for `hash` (0 when it is not in the table).
    func value(of hash: UInt64) -> UInt32 {
        if hash == 0 { return hasZero ? zeroCount : 0 }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while true {
                let key = slots[slot].key
                if key == hash { return slots[slot].value }
                if key == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }
}
