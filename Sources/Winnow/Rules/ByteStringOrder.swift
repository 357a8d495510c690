#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element == UInt8 {
    /// `lexicographicallyPrecedes(other)`, comparing the bytes with `memcmp`: anchored
    /// prefixes are sorted at each start-up, hundreds per pattern, and the generic comparison
    /// walks both arrays element by element through iterators.
    func bytesPrecede(_ other: [UInt8]) -> Bool {
        let common = Swift.min(count, other.count)
        let order = withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in
                guard common > 0, let mine = mine.baseAddress, let theirs = theirs.baseAddress else { return Int32(0) }
                return memcmp(mine, theirs, common)
            }
        }
        return order != 0 ? order < 0 : count < other.count
    }
}
