/// A 64-bit hash that is the same on every machine, run and Swift version.
///
/// Swift's `Hasher` is seeded randomly per process, so it cannot key a profile file that is
/// written by one run and read by another. This is FNV-1a 64 over the bytes, finished with the
/// MurmurHash3 `fmix64` avalanche so that every output bit depends on every input bit (the
/// profile samples lines by their hash's top bits).
public enum StableHash {
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
