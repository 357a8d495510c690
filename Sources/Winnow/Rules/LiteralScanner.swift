/// Finds, in one pass over a line's bytes, which of many literals occur in it (Aho–Corasick).
///
/// Every `contains` phrase and every literal a regex requires goes into one automaton, so the
/// cost per line does not grow with the number of rules. Bytes that behave alike (in every
/// state they lead to the same state) share one class, which keeps the transition table small.
///
/// The scan is one dependent table load per byte, so its speed is the table's cache behaviour:
/// states are numbered breadth-first (the shallow states a text mostly visits sit together at
/// the start of the table), and entries are 16-bit when the automaton has few enough states.
struct LiteralScanner: Sendable {
    private let byteClass: [UInt16]  // 256 entries
    private let classCount: Int
    // state * classCount + class → next state, stored as ~state (negative) when the next state
    // reports literals, so the hot loop needs one load to know. One of the two is empty.
    private let narrowTransitions: [Int16]
    private let wideTransitions: [Int32]
    // Literal ids ending at each state (failure chain merged), flattened:
    // state s reports outputIDs[outputStart[s]..<outputStart[s + 1]].
    private let outputStart: [Int32]
    private let outputIDs: [Int32]
    /// How many literal ids the scanner knows (empty literals included).
    let literalCount: Int
    /// Whether some literal is not empty (else a scan finds nothing and reads nothing).
    private let hasLiterals: Bool

    /// Builds the automaton. Literal `i` in `literals` is reported as id `i`; an empty literal
    /// is never reported (it keeps its id free, for scanners that share an id space).
    ///
    /// - Parameter depth: the automaton holds only the literals' first `depth` bytes and checks
    ///   the rest of a literal where its head is found. Long phrases make most of the states
    ///   (the built-in rules: 8,000 states for all their bytes, about 1,000 for their first
    ///   four), and a table that fits the cache costs less per byte than the checks.
    init(literals: [[UInt8]], depth: Int = .max) {
        let heads = literals.map { Array($0.prefix(max(1, depth))) }
        self.init(literals: literals, depth: depth, tables: Self.tables(heads: heads))
    }

    /// The scanner `init(literals:depth:)` builds, given the automaton's tables it built
    /// (`tables`, kept by the built-in rules' snapshot).
    init(literals: [[UInt8]], depth: Int = .max, tables: Tables) {
        self.depth = max(1, depth)
        tails = literals.map { $0.count > max(1, depth) ? $0 : [] }
        literalCount = literals.count
        hasLiterals = literals.contains { !$0.isEmpty }
        // The heads' lengths, without making the heads.
        let lengths = literals.map { min($0.count, max(1, depth)) }
        literalLengths = lengths
        longestLiteral = lengths.max() ?? 0
        byteClass = tables.byteClass
        classCount = tables.classCount
        narrowTransitions = tables.narrow
        wideTransitions = tables.wide
        outputStart = tables.outputStart
        outputIDs = tables.outputIDs
    }

    /// The automaton over the literals' heads: the part of a scanner that takes time to build.
    struct Tables: Equatable {
        let byteClass: [UInt16]
        let classCount: Int
        let narrow: [Int16]
        let wide: [Int32]
        let outputStart: [Int32]
        let outputIDs: [Int32]
    }

    var tables: Tables {
        Tables(
            byteClass: byteClass, classCount: classCount, narrow: narrowTransitions, wide: wideTransitions,
            outputStart: outputStart, outputIDs: outputIDs)
    }

    private static func tables(heads literals: [[UInt8]]) -> Tables {
        var classes = [UInt16](repeating: 0, count: 256)
        var nextClass = 1
        for literal in literals {
            for byte in literal where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt16(nextClass)
                nextClass += 1
            }
        }

        let width = nextClass
        let bound = 1 + literals.reduce(0) { $0 + $1.count }
        let built =
            bound <= Int(Int16.max)
            ? Self.build(Int16.self, literals: literals, classes: classes, width: width)
            : Self.build(Int32.self, literals: literals, classes: classes, width: width)
        return Tables(
            byteClass: built.byteClass, classCount: built.classCount, narrow: built.narrow, wide: built.wide,
            outputStart: built.outputStart, outputIDs: built.outputIDs)
    }

    /// The automaton's tables for `init`, its trie and DFA built with `Goto` entries: 16-bit
    /// ones when the literals cannot make more states than that holds (half the memory to
    /// fill and walk at each start-up: the built-in rules make some 3,000 states of 124
    /// classes), with the same tables as a result.
    private static func build<Goto: FixedWidthInteger & SignedInteger>(
        _: Goto.Type, literals: [[UInt8]], classes: [UInt16], width: Int
    ) -> (byteClass: [UInt16], classCount: Int, narrow: [Int16], wide: [Int32], outputStart: [Int32], outputIDs: [Int32]) {
        // Trie, one flat row of `width` entries per state (rows of their own would each be an
        // allocation, and building runs at every start-up).
        // Room for the most states the literals can make, so the table never moves as it grows.
        var goto = [Goto](repeating: -1, count: width)
        goto.reserveCapacity(width * (1 + literals.reduce(0) { $0 + $1.count }))
        var out: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var state = 0
            for byte in literal {
                let slot = state * width + Int(classes[Int(byte)])
                if goto[slot] < 0 {
                    goto[slot] = Goto(truncatingIfNeeded: out.count)
                    goto.append(contentsOf: repeatElement(-1, count: width))
                    out.append([])
                }
                state = Int(goto[slot])
            }
            out[state].append(Int32(id))
        }
        let stateCount = out.count
        // Breadth-first failure links, turning the trie into a full DFA.
        var fail = [Int](repeating: 0, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        goto.withUnsafeMutableBufferPointer { goto in
            for cls in 0..<width {
                let next = goto[cls]
                if next < 0 {
                    goto[cls] = 0
                } else {
                    fail[Int(next)] = 0
                    queue.append(Int(next))
                }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                if !out[fail[state]].isEmpty { out[state].append(contentsOf: out[fail[state]]) }
                let row = state * width
                let failRow = fail[state] * width
                for cls in 0..<width {
                    let next = goto[row + cls]
                    if next < 0 {
                        goto[row + cls] = goto[failRow + cls]
                    } else {
                        fail[Int(next)] = Int(goto[failRow + cls])
                        queue.append(Int(next))
                    }
                }
            }
        }
        // Renumber states breadth-first (the queue's order).
        let order = [0] + queue
        var renumbered = [Int32](repeating: 0, count: stateCount)
        for (new, old) in order.enumerated() { renumbered[old] = Int32(new) }
        // Merge classes whose columns are equal (class 0, bytes in no literal, always returns
        // to the root; rare bytes of the literals often behave the same way). Columns are
        // bucketed by a hash and compared in place, not copied out as dictionary keys.
        var mergedClass = [UInt16](repeating: 0, count: width)
        var kept: [Int] = []
        goto.withUnsafeBufferPointer { goto in
            func sameColumn(_ a: Int, _ b: Int) -> Bool {
                var row = 0
                while row < goto.count {
                    if goto[row + a] != goto[row + b] { return false }
                    row += width
                }
                return true
            }
            // Every column's hash in one pass over the rows, in memory order, with a cheap mix
            // (a bucket's columns are compared in full anyway).
            var columnHashes = [UInt64](repeating: 0, count: width)
            columnHashes.withUnsafeMutableBufferPointer { hashes in
                var row = 0
                while row < goto.count {
                    for cls in 0..<width {
                        hashes[cls] = (hashes[cls] ^ UInt64(bitPattern: Int64(goto[row + cls]))) &* 0x100_0000_01b3
                    }
                    row += width
                }
            }
            var buckets: [UInt64: [Int]] = [:]
            for cls in 0..<width {
                let key = columnHashes[cls]
                if let existing = buckets[key, default: []].first(where: { sameColumn($0, cls) }) {
                    mergedClass[cls] = mergedClass[existing]
                } else {
                    mergedClass[cls] = UInt16(kept.count)
                    kept.append(cls)
                    buckets[key, default: []].append(cls)
                }
            }
        }
        // Columns in order of how often their bytes occur in text (space, then letters by
        // English frequency): a state's row is read mostly in its first 64-byte line.
        var rankOfByte = [Int](repeating: 1 << 20, count: 256)
        for (rank, byte) in Self.commonBytes.enumerated() { rankOfByte[Int(byte)] = rank }
        var columnRank = [Int](repeating: Int.max, count: kept.count)
        for byte in 0..<256 {
            let column = Int(mergedClass[Int(classes[byte])])
            columnRank[column] = min(columnRank[column], rankOfByte[byte] << 8 | byte)
        }
        let columnOrder = kept.indices.sorted { columnRank[$0] < columnRank[$1] }
        var newColumn = [UInt16](repeating: 0, count: kept.count)
        for (new, old) in columnOrder.enumerated() { newColumn[old] = UInt16(new) }
        kept = columnOrder.map { kept[$0] }
        mergedClass = mergedClass.map { newColumn[Int($0)] }
        let byteClass = classes.map { mergedClass[Int($0)] }
        let classCount = kept.count
        // Each state's entry as the table holds it (`~state` when it reports), looked up once
        // per state rather than once per transition into it.
        let entry = (0..<stateCount).map { out[$0].isEmpty ? renumbered[$0] : ~renumbered[$0] }
        func transitions<Entry: FixedWidthInteger>(_: Entry.Type) -> [Entry] {
            [Entry](unsafeUninitializedCapacity: stateCount * kept.count) { table, count in
                goto.withUnsafeBufferPointer { goto in
                    entry.withUnsafeBufferPointer { entry in
                        var index = 0
                        for old in order {
                            for cls in kept {
                                table[index] = Entry(truncatingIfNeeded: entry[Int(goto[old * width + cls])])
                                index += 1
                            }
                        }
                    }
                }
                count = stateCount * kept.count
            }
        }
        let narrow = stateCount <= Int(Int16.max) ? transitions(Int16.self) : []
        let wide = stateCount <= Int(Int16.max) ? [] : transitions(Int32.self)
        var starts: [Int32] = [0]
        var ids: [Int32] = []
        starts.reserveCapacity(stateCount + 1)
        for old in order {
            // Sorted, each id once (the failure chain can bring an id twice).
            let first = ids.count
            ids.append(contentsOf: out[old].sorted())
            var write = first
            for read in first..<ids.count where write == first || ids[read] != ids[write - 1] {
                ids[write] = ids[read]
                write += 1
            }
            ids.removeSubrange(write...)
            starts.append(Int32(ids.count))
        }
        return (byteClass, classCount, narrow, wide, starts, ids)
    }

    /// Bytes by how often they occur in text, most often first (for the column order).
    private static let commonBytes = Array(" etaoinsrhldcumfpgwybvk.,x-jq'z0123456789:/()\"!?".utf8)

    /// Length in bytes of each literal's head (the bytes the automaton holds).
    private(set) var literalLengths: [Int] = []
    /// The bytes of the literal heads, at most.
    private let depth: Int
    /// Each literal longer than its head, whole (empty for the others): checked where its head
    /// is found.
    private let tails: [[UInt8]]

    /// Whether literal `id`, whose head was found starting at `start`, occurs there whole.
    @inline(__always)
    private func isWhole(_ id: Int, at start: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        tails[id].withUnsafeBufferPointer { literal in
            guard !literal.isEmpty else { return true }
            guard start + literal.count <= bytes.count else { return false }
            for offset in max(depth, 0)..<literal.count where bytes[start + offset] != literal[offset] { return false }
            return true
        }
    }

    /// Calls `found` with the id of every literal occurrence in `bytes` (ids may repeat), in no
    /// particular order.
    func scan(_ bytes: UnsafeRawBufferPointer, _ found: (Int) -> Void) {
        scan(bytes) { id, _ in found(id) }
    }

    /// Calls `found` with the id of every literal occurrence and the offset where it starts,
    /// once per occurrence, in no particular order.
    func scan(_ bytes: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        guard hasLiterals, !bytes.isEmpty else { return }
        if narrowTransitions.isEmpty {
            wideTransitions.withUnsafeBufferPointer { scan(bytes, $0, found) }
        } else {
            narrowTransitions.withUnsafeBufferPointer { scan(bytes, $0, found) }
        }
    }

    /// The longest literal, in bytes.
    private let longestLiteral: Int

    /// Texts at least this many times the longest literal are scanned as two halves at once.
    static let twoWayFactor = 2

    @inline(__always)
    private func scan<Entry: FixedWidthInteger & SignedInteger>(
        _ bytes: UnsafeRawBufferPointer, _ table: UnsafeBufferPointer<Entry>, _ found: (Int, Int) -> Void
    ) {
        // The scan is a chain of dependent table loads, one per byte. A long text is cut in two
        // overlapping halves walked side by side: two independent chains whose loads overlap.
        // The second half starts `longest - 1` bytes early (at the root), so it sees whole every
        // literal that ends in it, and reports only those; the first reports the rest.
        let longest = longestLiteral
        let count = bytes.count
        guard longest > 0, count >= Self.twoWayFactor * longest else {
            run(bytes, table, found)
            return
        }
        let split = (count + longest) / 2
        let secondStart = split - (longest - 1)
        var first = 0
        var second = 0
        let classCount = self.classCount
        byteClass.withUnsafeBufferPointer { classes in
            outputStart.withUnsafeBufferPointer { starts in
                literalLengths.withUnsafeBufferPointer { lengths in
                    outputIDs.withUnsafeBufferPointer { outputIDs in
                        @inline(__always)
                        func report(_ state: Int, at offset: Int) {
                            for index in Int(starts[state])..<Int(starts[state &+ 1]) {
                                let id = Int(outputIDs[index])
                                let start = offset + 1 - lengths[id]
                                if isWhole(id, at: start, in: bytes) { found(id, start) }
                            }
                        }
                        // Both halves are `split` bytes at most: the first exactly, the second
                        // `count - secondStart` (which is `split` or one less).
                        var step = 0
                        let together = count - secondStart
                        while step < together {
                            let a = Int(table[first &* classCount &+ Int(classes[Int(bytes[step])])])
                            let b = Int(table[second &* classCount &+ Int(classes[Int(bytes[secondStart &+ step])])])
                            if a >= 0 {
                                first = a
                            } else {
                                first = ~a
                                report(first, at: step)
                            }
                            if b >= 0 {
                                second = b
                            } else {
                                second = ~b
                                if secondStart &+ step >= split { report(second, at: secondStart &+ step) }
                            }
                            step += 1
                        }
                        while step < split {
                            let a = Int(table[first &* classCount &+ Int(classes[Int(bytes[step])])])
                            if a >= 0 {
                                first = a
                            } else {
                                first = ~a
                                report(first, at: step)
                            }
                            step += 1
                        }
                    }
                }
            }
        }
    }

    /// One chain over all of `bytes`.
    @inline(__always)
    private func run<Entry: FixedWidthInteger & SignedInteger>(
        _ bytes: UnsafeRawBufferPointer, _ table: UnsafeBufferPointer<Entry>, _ found: (Int, Int) -> Void
    ) {
        var state = 0
        let classCount = self.classCount
        byteClass.withUnsafeBufferPointer { classes in
            outputStart.withUnsafeBufferPointer { starts in
                for offset in 0..<bytes.count {
                    let next = Int(table[state &* classCount &+ Int(classes[Int(bytes[offset])])])
                    if next >= 0 {
                        state = next
                    } else {
                        state = ~next
                        for index in Int(starts[state])..<Int(starts[state &+ 1]) {
                            let id = Int(outputIDs[index])
                            let start = offset + 1 - literalLengths[id]
                            if isWhole(id, at: start, in: bytes) { found(id, start) }
                        }
                    }
                }
            }
        }
    }
}
