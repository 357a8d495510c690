/// Every occurrence of every literal in `bytes` as `[literal id, start]`, found the slow and
/// obvious way: what the literal scanners' walks are checked against.
enum NaiveLiteralSearch {
    static func hits(_ literals: [[UInt8]], _ bytes: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        for (id, literal) in literals.enumerated() where !literal.isEmpty && literal.count <= bytes.count {
            for start in 0...(bytes.count - literal.count) where Array(bytes[start..<start + literal.count]) == literal {
                found.append([id, start])
            }
        }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
