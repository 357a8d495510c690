/// Finds, in one pass over a line's bytes, which of many literals occur in it (Aho–Corasick).
///
/// Every `contains` phrase and every literal a regex requires goes into one automaton, so the
/// cost per line does not grow with the number of rules. Bytes that occur in no literal share
/// one class, which keeps the transition table small.
struct LiteralScanner: Sendable {
    private let byteClass: [UInt16]  // 256 entries
    private let classCount: Int
    // state * classCount + class → next state, stored as ~state (negative) when the next state
    // reports literals, so the hot loop needs one load to know.
    private let transitions: [Int32]
    // Literal ids ending at each state (failure chain merged), flattened:
    // state s reports outputIDs[outputStart[s]..<outputStart[s + 1]].
    private let outputStart: [Int32]
    private let outputIDs: [Int32]
    /// How many literals the scanner knows.
    let literalCount: Int

    /// Builds the automaton. Literal `i` in `literals` is reported as id `i`.
    init(literals: [[UInt8]]) {
        literalCount = literals.count
        literalLengths = literals.map(\.count)
        var classes = [UInt16](repeating: 0, count: 256)
        var nextClass = 1
        for literal in literals {
            for byte in literal where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt16(nextClass)
                nextClass += 1
            }
        }
        byteClass = classes
        classCount = nextClass

        // Trie.
        var goto: [[Int32]] = [Array(repeating: -1, count: nextClass)]
        var out: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var state = 0
            for byte in literal {
                let cls = Int(classes[Int(byte)])
                if goto[state][cls] < 0 {
                    goto[state][cls] = Int32(goto.count)
                    goto.append(Array(repeating: -1, count: nextClass))
                    out.append([])
                }
                state = Int(goto[state][cls])
            }
            out[state].append(Int32(id))
        }
        // Breadth-first failure links, turning the trie into a full DFA.
        var fail = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for cls in 0..<nextClass {
            let next = goto[0][cls]
            if next < 0 {
                goto[0][cls] = 0
            } else {
                fail[Int(next)] = 0
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state].append(contentsOf: out[fail[state]])
            for cls in 0..<nextClass {
                let next = goto[state][cls]
                if next < 0 {
                    goto[state][cls] = goto[fail[state]][cls]
                } else {
                    fail[Int(next)] = Int(goto[fail[state]][cls])
                    queue.append(Int(next))
                }
            }
        }
        // Class 0 (bytes in no literal) always returns to the root.
        transitions = goto.flatMap { row in row.map { next in out[Int(next)].isEmpty ? next : ~next } }
        var starts: [Int32] = [0]
        var ids: [Int32] = []
        for list in out {
            ids.append(contentsOf: Set(list).sorted())
            starts.append(Int32(ids.count))
        }
        outputStart = starts
        outputIDs = ids
    }

    /// Length in bytes of each literal.
    private(set) var literalLengths: [Int] = []

    /// Calls `found` with the id of every literal occurrence in `bytes` (ids may repeat).
    func scan(_ bytes: UnsafeRawBufferPointer, _ found: (Int) -> Void) {
        scan(bytes) { id, _ in found(id) }
    }

    /// Calls `found` with the id of every literal occurrence and the offset where it starts.
    func scan(_ bytes: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        guard literalCount > 0 else { return }
        var state = 0
        byteClass.withUnsafeBufferPointer { classes in
            transitions.withUnsafeBufferPointer { table in
                outputStart.withUnsafeBufferPointer { starts in
                    for offset in 0..<bytes.count {
                        let next = table[state &* classCount &+ Int(classes[Int(bytes[offset])])]
                        if next >= 0 {
                            state = Int(next)
                        } else {
                            state = Int(~next)
                            for index in Int(starts[state])..<Int(starts[state &+ 1]) {
                                let id = Int(outputIDs[index])
                                found(id, offset + 1 - literalLengths[id])
                            }
                        }
                    }
                }
            }
        }
    }
}
