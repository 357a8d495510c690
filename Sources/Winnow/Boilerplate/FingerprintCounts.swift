/// How many lines of one document have each fingerprint (`LineFeatures.fingerprint`).
///
/// Open addressing over the fingerprints themselves: they are well-mixed hashes already, so a
/// slot is their low bits. A `Dictionary` hashed each one again (SipHash) and grew as it
/// filled, for every short line of every document.
struct FingerprintCounts {
    private var keys: [Int]
    /// 0 marks an empty slot (a stored fingerprint has been added at least once).
    private var counts: [Int32]
    private let mask: Int

    /// A table for up to `capacity` distinct fingerprints (at most half full).
    init(capacity: Int) {
        var size = 8
        while size < 2 * capacity { size <<= 1 }
        keys = [Int](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Counts one more line with `fingerprint`.
    mutating func add(_ fingerprint: Int) {
        let slot = self.slot(of: fingerprint)
        keys[slot] = fingerprint
        counts[slot] += 1
    }

    /// The lines added with `fingerprint` (0 when none).
    func count(of fingerprint: Int) -> Int {
        Int(counts[slot(of: fingerprint)])
    }

    /// The slot that holds `fingerprint`, or the empty slot where it would go.
    private func slot(of fingerprint: Int) -> Int {
        var slot = fingerprint & mask
        while counts[slot] != 0, keys[slot] != fingerprint { slot = (slot + 1) & mask }
        return slot
    }
}
