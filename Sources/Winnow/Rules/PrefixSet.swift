/// The case-folded texts an anchored pattern's match must start with, indexed by first byte.
///
/// An anchored regex can expand to dozens of prefixes (`^(?:previous|prev|zurück|…)`), and a
/// line reaches the check only because its first byte opens one of them; comparing the line
/// with just the prefixes of that byte, stored side by side in one buffer, avoids walking
/// them all, each in its own array.
struct PrefixSet: Sendable {
    /// The prefixes' bytes, one after another, grouped by first byte.
    private let arena: [UInt8]
    /// Prefix `i` is `arena[ends[i - 1]..<ends[i]]` (with `ends[-1]` = 0).
    private let ends: [Int32]
    /// The prefixes with first byte `b` are numbers `groupStart[b]..<groupStart[b + 1]`.
    private let groupStart: [Int32]
    /// Whether some prefix holds a line break (`\n`) or a run of white space, so it may run past
    /// a paragraph's first line.
    let containsLineBreak: Bool
    /// Whether some prefix is a single ASCII mark (`#`, `[`) or the lead byte of any non-ASCII
    /// character (a `\d` that may be another script's digit): too common a start to stand
    /// alone as a prefilter.
    let isWeak: Bool
    /// Whether some prefix holds `RequiredLiterals.spaceRun` or `RequiredLiterals.digit`.
    let hasMarkers: Bool

    /// - Parameter prefixes: non-empty byte strings. A prefix that extends another one is left
    ///   out: it can only match where the shorter one already does.
    init(_ prefixes: [[UInt8]]) {
        // A prefix opening with a digit is filed under each ASCII digit and, since `\d` also
        // takes other scripts' digits, under every lead byte of a non-ASCII character.
        let nonEmpty = prefixes.filter { !$0.isEmpty }
        let expanded =
            !nonEmpty.contains { $0[0] == RequiredLiterals.digit }
            ? nonEmpty
            : nonEmpty.flatMap { prefix -> [[UInt8]] in
                guard prefix[0] == RequiredLiterals.digit else { return [prefix] }
                return (UInt8(ascii: "0")...UInt8(ascii: "9")).map { [$0] + prefix.dropFirst() } + (0xC2...0xF4).map { [$0] }
            }
        // `anchoredPrefixes` hands them over sorted and distinct already: then they need no
        // set and no second sort.
        let isSorted = zip(expanded, expanded.dropFirst()).allSatisfy { $0.bytesPrecede($1) }
        let sorted = isSorted ? expanded : Set(expanded).sorted { $0.bytesPrecede($1) }
        // In sorted order every text between a prefix and one extending it extends it too, so
        // a prefix extends some kept one only if it extends the last kept (an anchored
        // alternation gives hundreds of prefixes, sorted at every start-up).
        var kept: [[UInt8]] = []
        for prefix in sorted where !(kept.last.map { prefix.starts(with: $0) } ?? false) {
            kept.append(prefix)
        }
        var arena: [UInt8] = []
        var ends: [Int32] = []
        for prefix in kept {
            arena += prefix
            ends.append(Int32(arena.count))
        }
        self.init(arena: arena, ends: ends)
    }

    /// The set whose kept prefixes, one after another in sorted order, are `arena`, prefix `i`
    /// ending at `ends[i]` (`arena` and `ends` as a set holds them: a snapshot's copy).
    ///
    /// - Precondition: every prefix is non-empty and `ends` rises to `arena.count`.
    init(arena: [UInt8], ends: [Int32]) {
        var groupStart = [Int32](repeating: 0, count: 257)
        var isWeak = false
        var start = 0
        for end in ends {
            let byte = arena[start]
            groupStart[Int(byte) + 1] += 1
            let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if Int(end) - start == 1 && (byte >= 0x80 || !isAlphanumeric) { isWeak = true }
            start = Int(end)
        }
        for byte in 0..<256 { groupStart[byte + 1] += groupStart[byte] }
        self.arena = arena
        self.ends = ends
        self.groupStart = groupStart
        containsLineBreak = arena.contains(0x0A) || arena.contains(RequiredLiterals.spaceRun)
        hasMarkers = arena.contains(RequiredLiterals.spaceRun) || arena.contains(RequiredLiterals.digit)
        self.isWeak = isWeak
    }

    /// The prefixes' bytes one after another, and where each ends (see `init(arena:ends:)`).
    var storage: (arena: [UInt8], ends: [Int32]) { (arena, ends) }

    /// The prefixes, grouped by first byte (a prefix that extends another one left out).
    var prefixes: [[UInt8]] {
        ends.indices.map { number in
            let start = number == 0 ? 0 : Int(ends[number - 1])
            return Array(arena[start..<Int(ends[number])])
        }
    }

    /// Whether `text` starts with one of the prefixes.
    func isPrefix(of text: [UInt8]) -> Bool {
        text.withUnsafeBytes { isPrefix(of: $0) }
    }

    /// Whether the bytes `text` start with one of the prefixes.
    func isPrefix(of text: UnsafeRawBufferPointer) -> Bool {
        guard let first = text.first else { return false }
        let low = Int(groupStart[Int(first)])
        let high = Int(groupStart[Int(first) + 1])
        guard low < high else { return false }
        let text = text.assumingMemoryBound(to: UInt8.self)
        return arena.withUnsafeBufferPointer { arena in
            ends.withUnsafeBufferPointer { ends in
                for number in low..<high {
                    let start = number == 0 ? 0 : Int(ends[number - 1])
                    let length = Int(ends[number]) - start
                    if hasMarkers {
                        if Self.startsWithSpaced(text, arena[start..<(start + length)]) { return true }
                        continue
                    }
                    guard length <= text.count else { continue }
                    var equal = true
                    for offset in 1..<max(length, 1) where text[offset] != arena[start + offset] {
                        equal = false
                        break
                    }
                    if equal { return true }
                }
                return false
            }
        }
    }

    /// Whether `text` starts with `prefix`, where a `spaceRun` byte in the prefix stands for
    /// any run of white space and a `digit` byte for one digit. A non-ASCII character where
    /// white space could continue or a digit stand might be a Unicode space (`\u{A0}`) or
    /// digit (`٣`): it counts as a match, since a prefilter may only let too much through.
    private static func startsWithSpaced(_ text: UnsafeBufferPointer<UInt8>, _ prefix: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var position = 0
        for byte in prefix {
            if byte == RequiredLiterals.spaceRun {
                while position < text.count, text[position] == 0x20 || (text[position] >= 0x09 && text[position] <= 0x0D) {
                    position += 1
                }
                if position < text.count, text[position] >= 0x80 { return true }
                continue
            }
            if byte == RequiredLiterals.digit {
                guard position < text.count else { return false }
                if text[position] >= 0x80 { return true }
                guard text[position] &- 0x30 < 10 else { return false }
                position += 1
                continue
            }
            guard position < text.count, text[position] == byte else { return false }
            position += 1
        }
        return true
    }
}
