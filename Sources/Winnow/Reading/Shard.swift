/// One of N disjoint parts of a corpus, so N machines (or N runs) can each clean their own part
/// of the same tree into the same output tree (`--shard K/N`).
///
/// A file belongs to the shard its path relative to the input root hashes to (64-bit FNV-1a),
/// not to its position in the walk: the split is the same on every machine, and adding or
/// removing files does not move the others to another shard.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based, at most `count`.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (for example `3/8`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the file at `relativePath` (relative to its input root) is in this shard.
    public func contains(relativePath: String) -> Bool {
        // FNV-1a with StableHash's constants, without its final avalanche: the split is
        // fixed by this exact function (files must not move between shards across releases).
        var hash = StableHash.offsetBasis
        for byte in relativePath.utf8 {
            hash = (hash ^ UInt64(byte)) &* StableHash.prime
        }
        return Int(hash % UInt64(count)) == index - 1
    }
}
