/// Line hash → document count, for one site while a profile is being counted: open addressing
/// with linear probing, keyed by the line hash itself (already uniformly mixed), so an update
/// is one multiply-free index and a short probe instead of a `Dictionary`'s rehash.
struct LineCountTable: Sendable {
    /// Slots; a key of 0 marks an empty slot (the line hash 0 is kept in `zeroCount`).
    private var keys: [UInt64]
    private var values: [UInt32]
    private var zeroCount: UInt32 = 0
    private var hasZero = false
    /// Entries held.
    private(set) var count = 0

    init(capacity: Int = 16) {
        var slots = 16
        while slots < capacity * 2 { slots *= 2 }
        keys = [UInt64](repeating: 0, count: slots)
        values = [UInt32](repeating: 0, count: slots)
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
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let key = keys[slot]
            if key == hash {
                if values[slot] != UInt32.max { values[slot] += 1 }
                return false
            }
            if key == 0 {
                keys[slot] = hash
                values[slot] = 1
                count += 1
                return true
            }
            slot = (slot + 1) & mask
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
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = hash
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [UInt32](repeating: 0, count: oldKeys.count * 2)
        count = hasZero ? 1 : 0
        for index in oldKeys.indices where oldKeys[index] != 0 { insert(oldKeys[index], value: oldValues[index]) }
    }

    /// The entries whose hash passes `isIncluded`.
    func filter(_ isIncluded: (UInt64) -> Bool) -> LineCountTable {
        var out = LineCountTable(capacity: count)
        if hasZero && isIncluded(0) { out.insert(0, value: zeroCount) }
        for index in keys.indices where keys[index] != 0 && isIncluded(keys[index]) {
            out.insert(keys[index], value: values[index])
        }
        return out
    }

    /// All entries, sorted by hash.
    func sortedEntries() -> (hashes: [UInt64], counts: [UInt32]) {
        var pairs: [(UInt64, UInt32)] = []
        pairs.reserveCapacity(count)
        if hasZero { pairs.append((0, zeroCount)) }
        for index in keys.indices where keys[index] != 0 { pairs.append((keys[index], values[index])) }
        pairs.sort { $0.0 < $1.0 }
        return (pairs.map(\.0), pairs.map(\.1))
    }
}
