/// 64-bit hashes that are the same on every machine, run and Swift version.
///
/// Swift's `Hasher` is seeded randomly per process, so it cannot key a profile file that is
/// written by one run and read by another. `hash` is FNV-1a 64 over the bytes (for the file
/// checksum); `hashWords` (line fingerprints) reads 8 bytes at a time with a wyhash-style
/// 64×64→128-bit multiply-fold. Both end with the MurmurHash3 `fmix64` avalanche, so every
/// output bit depends on every input bit (the profile samples lines by their hash's top bits).
public enum StableHash {
    static let wordKey0: UInt64 = 0xA076_1D64_78BD_642F
    static let wordKey1: UInt64 = 0xE703_7ED1_A0B4_28DB
    static let wordKey2: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    /// The word-wise hash of `bytes`: the length seeds the state, each 8-byte little-endian
    /// word (the last one zero-padded) is folded in with `mum(word ^ k0, state ^ k1)`.
    public static func hashWords(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = UInt64(bytes.count) &* wordKey2
        guard let base = bytes.baseAddress else { return mix(state) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            state = fold(word ^ wordKey0, state ^ wordKey1)
            index += 8
        }
        if index < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                word |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            state = fold(word ^ wordKey0, state ^ wordKey1)
        }
        return mix(state)
    }

    /// The 128-bit product of `a` and `b`, high and low halves xor-ed (wyhash's `mum`).
    @inline(__always)
    static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// `hashWords` of an array.
    public static func hashWords(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hashWords($0) }
    }

    @usableFromInline static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `bytes`.
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var state = Self.State()
        for byte in bytes { state.add(byte) }
        return state.finish()
    }

    /// An incremental hash: feed bytes one at a time, then `finish()`.
    public struct State: Sendable {
        @usableFromInline var value: UInt64 = StableHash.offsetBasis

        @inlinable public init() {}

        @inlinable
        public mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* StableHash.prime
        }

        @inlinable
        public func finish() -> UInt64 {
            StableHash.mix(value)
        }
    }

    /// MurmurHash3's 64-bit finaliser.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
