/// The hash every line memo keys a line by: one hash of the line's bytes, taken once per block
/// (by the segmenter, while the bytes are in cache) and shared by the three per-worker memos,
/// which each mix in their tag.
///
/// Each memo hashed the line itself before: three passes over every line's bytes. A memo's
/// results never depend on the hash, only its speed does, so any function of the bytes works;
/// this one is what `LineMemo` used with tag 0.
enum LineHash {
    /// The hash of `bytes` (never 0), or 0 for a line too long for any memo
    /// (`LineMemo.longestLine`), which no memo takes.
    @inline(__always)
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard bytes.count <= longestLine else { return 0 }
        return untagged(bytes)
    }

    /// The longest line (in UTF-8 bytes) a memo takes (see `LineMemo.longestLine`).
    static var longestLine: Int { 1024 }

    /// `hash` (from `of`) with `tag` mixed in: what a memo keys the line by under that tag.
    /// 0 stays 0 (a line no memo takes).
    @inline(__always)
    static func tagged(_ hash: UInt64, tag: UInt64) -> UInt64 {
        guard tag != 0 else { return hash }
        guard hash != 0 else { return 0 }
        return finished(hash ^ (tag &* 0x9E37_79B9_7F4A_7C15))
    }

    /// A multiply-mix of the bytes, eight at a time, finished with MurmurHash3's fmix64 so that
    /// the low bits (which pick a slot) depend on every byte; never 0.
    static func untagged(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        let count = bytes.count
        var h = UInt64(count) &* k
        // An empty line reads no byte (its buffer may have no address).
        guard let base = bytes.baseAddress, count > 0 else { return finished(h &* k) }
        var i = 0
        while i + 8 <= count {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        // The last zero to seven bytes as a little-endian word: when the line has eight bytes
        // or more, one load of the word that ends where the line does, shifted down past the
        // bytes already taken.
        var tail: UInt64 = 0
        if i < count {
            if count >= 8 {
                tail = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> UInt64(64 - 8 * (count - i))
            } else {
                var shift: UInt64 = 0
                while i < count {
                    tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                    shift += 8
                    i += 1
                }
            }
        }
        return finished((h ^ tail) &* k)
    }

    /// MurmurHash3's fmix64 (`StableHash.mix`) that never gives 0 (which marks a line no memo
    /// takes).
    @inline(__always)
    private static func finished(_ h: UInt64) -> UInt64 {
        let mixed = StableHash.mix(h)
        return mixed == 0 ? 1 : mixed
    }
}
