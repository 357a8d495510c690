/// The anchored rules (`^(?:next|previous|…)`) a line may match by its start, found by walking
/// the line's first bytes down one trie of every such rule's prefixes.
///
/// Filed only by their first two bytes, rules whose prefixes open like common words ("If you
/// value …", "Send us …", "Support …", "Home »") were tried on every line that starts so, and
/// each try compared the line with the rule's prefixes. The walk reads a few bytes of the line
/// and gives only the rules one of whose prefixes the line starts with.
///
/// A prefix holding a marker (`RequiredLiterals.spaceRun`, `.digit`: white space or a digit,
/// not one byte) is filed by its bytes before the first marker, which a text it matches
/// starts with; the rule's `PrefixSet` then decides, as for every candidate.
struct AnchoredPrefixTrie: Sendable {
    /// Entries 0..<256: the offset of the root's child for each first byte (-1: none). Then the
    /// nodes below the root, each at its offset: its number of ranks and of children, its
    /// ranks, and its children as (byte, offset) pairs. One flat array: the walk reads no other
    /// storage, and a node's few children sit beside its ranks.
    private let table: [Int32]

    /// - Parameter rules: each rule's rank and its prefixes (none empty, none opening with a
    ///   marker, as `PrefixSet` holds them).
    init(_ rules: [(rank: Int32, prefixes: [[UInt8]])]) {
        // Built as nodes with a child list each, then flattened (it runs at start-up, over a
        // few thousand bytes of prefixes).
        var children: [[(byte: UInt8, node: Int)]] = [[]]
        var nodeRanks: [[Int32]] = [[]]
        for rule in rules {
            for prefix in rule.prefixes {
                let head = prefix.prefix { $0 != RequiredLiterals.spaceRun && $0 != RequiredLiterals.digit }
                guard !head.isEmpty else { continue }
                var node = 0
                for byte in head {
                    if let next = children[node].first(where: { $0.byte == byte }) {
                        node = next.node
                    } else {
                        children.append([])
                        nodeRanks.append([])
                        children[node].append((byte, children.count - 1))
                        node = children.count - 1
                    }
                }
                if !nodeRanks[node].contains(rule.rank) { nodeRanks[node].append(rule.rank) }
            }
        }
        var offsets = [Int](repeating: 0, count: children.count)
        var next = 256
        for node in children.indices.dropFirst() {
            offsets[node] = next
            next += 2 + nodeRanks[node].count + 2 * children[node].count
        }
        var table = [Int32](repeating: -1, count: next)
        for edge in children[0] { table[Int(edge.byte)] = Int32(offsets[edge.node]) }
        for node in children.indices.dropFirst() {
            var at = offsets[node]
            table[at] = Int32(nodeRanks[node].count)
            table[at + 1] = Int32(children[node].count)
            at += 2
            for rank in nodeRanks[node] {
                table[at] = rank
                at += 1
            }
            for edge in children[node] {
                table[at] = Int32(edge.byte)
                table[at + 1] = Int32(offsets[edge.node])
                at += 2
            }
        }
        self.table = table
    }

    /// The flattened table (what a snapshot keeps).
    var storage: [Int32] { table }

    /// The trie whose flattened table is `table` (a snapshot's copy), when it is one a lookup
    /// stays inside: every node reachable from the root lies within the table, and every rank
    /// is below `rankLimit`. `nil` otherwise.
    init?(table: [Int32], rankLimit: Int) {
        guard table.count >= 256 else { return nil }
        var seen = [Bool](repeating: false, count: table.count)
        var pending = table[0..<256].filter { $0 >= 0 }.map(Int.init)
        while let node = pending.popLast() {
            guard node >= 256, node + 2 <= table.count else { return nil }
            if seen[node] { continue }
            seen[node] = true
            let rankCount = Int(table[node])
            let childCount = Int(table[node + 1])
            guard rankCount >= 0, childCount >= 0, node + 2 + rankCount + 2 * childCount <= table.count else { return nil }
            let ranks = table[(node + 2)..<(node + 2 + rankCount)]
            guard ranks.allSatisfy({ $0 >= 0 && Int($0) < rankLimit }) else { return nil }
            for child in 0..<childCount {
                let offset = Int(table[node + 2 + rankCount + 2 * child + 1])
                guard offset >= 0 else { return nil }
                pending.append(offset)
            }
        }
        self.table = table
    }

    /// Appends the ranks of the rules one of whose prefixes (up to its first marker) `folded`
    /// starts with; a rank may come more than once (the caller sorts and dedupes).
    ///
    /// `trie` is borrowed: read through `CompiledRules`, a copy retained its table per line.
    static func appendRanks(
        of folded: UnsafeRawBufferPointer, in trie: borrowing AnchoredPrefixTrie, to candidates: inout [Int32]
    ) {
        guard let first = folded.first else { return }
        trie.table.withUnsafeBufferPointer { table in
            var node = Int(table[Int(first)])
            var offset = 1
            while node >= 0 {
                let rankCount = Int(table[node])
                let childCount = Int(table[node &+ 1])
                var at = node &+ 2
                for _ in 0..<rankCount {
                    candidates.append(table[at])
                    at &+= 1
                }
                guard offset < folded.count else { return }
                let byte = Int32(folded[offset])
                var child = -1
                for _ in 0..<childCount {
                    if table[at] == byte {
                        child = Int(table[at &+ 1])
                        break
                    }
                    at &+= 2
                }
                node = child
                offset &+= 1
            }
        }
    }
}
