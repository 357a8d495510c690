extension RequiredLiterals {
    /// The texts every match of an anchored pattern starts with, grown atom by atom
    /// (`leadingRuns`), for `anchoredPrefixes`.
    ///
    /// A run's text is a chain of nodes this value owns, one per byte, so a run is a few words
    /// and grows without copying its bytes. (An anchored alternation runs to hundreds of ways
    /// through it, deduplicated after every atom of every built-in pattern at each start-up; as
    /// byte arrays, each step copied, allocated and hashed them.)
    struct PrefixRuns {
        /// A text every match starting here begins with: the node where it ends, its length
        /// and a hash of its bytes (to find repeats); `open` while the pattern's next atoms may
        /// still extend it.
        struct Run {
            var node: Int32
            var length: Int32
            var hash: UInt64
            var open: Bool

            /// The empty text.
            static let empty = Run(node: PrefixRuns.root, length: 0, hash: PrefixRuns.seed, open: true)
        }

        /// The node of the empty text.
        static let root: Int32 = 0
        /// FNV-1a, byte by byte as runs grow.
        private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

        /// Each node's parent (-1 for the root) and the byte on the edge from it: a run's text
        /// is the edges on the way up from its node. Growing a run adds a node (two appends);
        /// texts are only compared when their hashes and lengths agree.
        private var parents: [Int32] = [-1]
        private var edges: [UInt8] = [0]

        /// More ways through an optional atom than this end the prefixes there.
        static let maximumRuns = 256

        /// `run` followed by `byte`.
        mutating func appending(_ byte: UInt8, to run: Run) -> Run {
            parents.append(run.node)
            edges.append(byte)
            return Run(node: Int32(parents.count - 1), length: run.length + 1, hash: (run.hash ^ UInt64(byte)) &* 0x100_0000_01b3, open: run.open)
        }

        /// `run` followed by `piece`.
        mutating func appending(_ piece: [UInt8], to run: Run) -> Run {
            var run = run
            for byte in piece { run = appending(byte, to: run) }
            return run
        }

        /// The last byte of the run's text (`nil` for the empty text).
        func last(_ run: Run) -> UInt8? {
            run.length == 0 ? nil : edges[Int(run.node)]
        }

        /// The run's text.
        func bytes(of run: Run) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(run.length))
            var node = run.node
            while node != Self.root {
                bytes.append(edges[Int(node)])
                node = parents[Int(node)]
            }
            return bytes.reversed()
        }

        /// The run's text as a prefix: without the space runs it ends with.
        func prefix(of run: Run) -> [UInt8] {
            var bytes = bytes(of: run)
            while bytes.last == spaceRun { bytes.removeLast() }
            return bytes
        }

        /// Whether two runs of the same length hold the same text: their paths up agree until
        /// they meet (at the root at the latest, both being as deep).
        private func sameText(_ a: Run, _ b: Run) -> Bool {
            var a = a.node
            var b = b.node
            while a != b {
                if edges[Int(a)] != edges[Int(b)] { return false }
                a = parents[Int(a)]
                b = parents[Int(b)]
            }
            return true
        }

        /// `runs` without repeats (the same text, open or not alike), in their first order.
        func unique(_ runs: [Run]) -> [Run] {
            guard runs.count > 1 else { return runs }
            var capacity = 16
            while capacity < 2 * runs.count { capacity <<= 1 }
            let mask = capacity - 1
            var slots = [Int32](repeating: -1, count: capacity)
            var kept: [Run] = []
            kept.reserveCapacity(runs.count)
            for run in runs {
                let key = (run.hash ^ UInt64(run.length) << 1 ^ (run.open ? 1 : 0)) &* 0x9E37_79B9_7F4A_7C15
                var slot = Int(truncatingIfNeeded: key >> 32) & mask
                var repeated = false
                while slots[slot] >= 0 {
                    let other = kept[Int(slots[slot])]
                    if other.hash == run.hash, other.length == run.length, other.open == run.open, sameText(other, run) {
                        repeated = true
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if repeated { continue }
                slots[slot] = Int32(kept.count)
                kept.append(run)
            }
            return kept
        }

        /// `runs` extended by what `items` must start with: closed runs stay as they are, open
        /// ones grow until an atom the prefixes cannot describe (`\d`, `.`, a repetition) closes
        /// them. Every match of the items starting at a run's end starts with one of the results.
        mutating func leadingRuns(_ items: [Item], from runs: [Run]) -> [Run] {
            var runs = runs
            for item in items {
                guard runs.contains(where: { $0.open }) else { break }
                // A plain character that must occur once grows every open run in place: no run
                // is left as it is (that takes white space), so distinct runs stay distinct and
                // their count is unchanged. (The runs' order never matters: they end as a set.)
                if case .char(let bytes) = item.atom, item.minimum == 1, item.maximum == 1,
                    !(bytes.count == 1 && isSpace(bytes[0]))
                {
                    if let byte = bytes.ascii {
                        // An ASCII character (not white space) folds to one byte.
                        let lower = byte.asciiLowercased
                        for index in runs.indices where runs[index].open { runs[index] = appending(lower, to: runs[index]) }
                        continue
                    }
                    let piece = folded(bytes)
                    if !(piece.count == 1 && isSpace(piece[0])) {
                        for index in runs.indices where runs[index].open { runs[index] = appending(piece, to: runs[index]) }
                        continue
                    }
                }
                let closed = runs.filter { !$0.open }
                let open = runs.filter { $0.open }
                func close(_ runs: [Run]) -> [Run] {
                    runs.map { run in
                        var run = run
                        run.open = false
                        return run
                    }
                }
                func extended(_ piece: [UInt8], _ runs: [Run]) -> [Run] {
                    runs.map { run in
                        // White space right after a space run is part of it (`\s* x` matches "x").
                        let end = last(run)
                        if end == spaceRun, piece.count == 1, isSpace(piece[0]) { return run }
                        if piece == [spaceRun], end == spaceRun { return run }
                        var run = appending(piece, to: run)
                        run.open = true
                        return run
                    }
                }
                var next: [Run]
                switch item.atom {
                case .transparent, .startAnchor, .endAnchor:
                    continue
                case .space:
                    next = extended([spaceRun], open)
                case .char(let bytes) where bytes.count == 1 && isSpace(bytes[0]) && item.maximum != 1:
                    next = extended([spaceRun], open)
                case .char(let bytes):
                    let piece = folded(bytes)
                    next = item.maximum == 1 ? extended(piece, open) : close(extended(piece, open))
                    if item.minimum == 0 { next = open + next }
                case .choice(let characters):
                    next = characters.flatMap { character in
                        extended(folded(character), open)
                    }
                    if item.maximum != 1 { next = close(next) }
                    if item.minimum == 0 { next = open + next }
                case .group(let alternatives):
                    next = alternatives.flatMap { leadingRuns($0, from: open) }
                    if item.maximum != 1 { next = close(next) }
                    if item.minimum == 0 { next = open + next }
                case .digit:
                    next = item.maximum == 1 ? extended([digit], open) : close(extended([digit], open))
                    if item.minimum == 0 { next = open + next }
                case .other:
                    next = close(open)
                }
                if closed.count + next.count > Self.maximumRuns {
                    // Too many ways: the runs that already hold text stop here, and only the
                    // empty ones (which would make no prefilter at all) take the atom.
                    let empty = open.filter { $0.length == 0 }
                    let stopped = close(open.filter { $0.length != 0 })
                    let grown = empty.isEmpty || stopped.isEmpty ? [] : leadingRuns([item], from: empty)
                    let fits = !grown.isEmpty && closed.count + stopped.count + grown.count <= Self.maximumRuns
                    next = fits ? stopped + grown : close(open)
                }
                runs = unique(closed + next)
            }
            return runs
        }
    }
}
