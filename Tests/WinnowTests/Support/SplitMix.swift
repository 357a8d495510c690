import Winnow

/// SplitMix64: reproducible random inputs for the property tests (the same draws on every run
/// and machine).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StableHash.mix(state)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A random number of bytes (within `count`) drawn from `alphabet`.
    mutating func bytes(from alphabet: [UInt8], count: ClosedRange<Int>) -> [UInt8] {
        (0..<Int.random(in: count, using: &self)).map { _ in alphabet.randomElement(using: &self) ?? 0 }
    }
}
