#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads back what `SnapshotWriter` wrote, in the same order.
///
/// Reads in place from the snapshot's UTF-8 (a string literal of the binary, so no copy is made
/// of it); any token that is not what the order expects is `Malformed`, and the caller falls
/// back to parsing and compiling the rules.
struct SnapshotReader {
    struct Malformed: Error {}

    private let text: UnsafeRawBufferPointer
    private var position = 0

    init(_ text: UnsafeRawBufferPointer) {
        self.text = text
    }

    var isAtEnd: Bool { position == text.count }

    /// The next line, without its line break.
    private mutating func token() throws(Malformed) -> UnsafeRawBufferPointer {
        guard position < text.count, let base = text.baseAddress,
            let found = memchr(base + position, 0x0A, text.count - position)
        else { throw Malformed() }
        let end = UnsafeRawPointer(found) - base
        let token = UnsafeRawBufferPointer(rebasing: text[position..<end])
        position = end + 1
        return token
    }

    mutating func int() throws(Malformed) -> Int {
        let token = try token()
        let negative = token.first == UInt8(ascii: "-")
        let digits = negative ? UnsafeRawBufferPointer(rebasing: token.dropFirst()) : token
        guard !digits.isEmpty, digits.count <= 18 else { throw Malformed() }
        var value = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { throw Malformed() }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    mutating func unsigned() throws(Malformed) -> UInt64 {
        let token = try token()
        guard !token.isEmpty, token.count <= 20 else { throw Malformed() }
        var value: UInt64 = 0
        for byte in token {
            guard byte >= 0x30 && byte <= 0x39 else { throw Malformed() }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(byte - 0x30))
            guard !overflow, !carry else { throw Malformed() }
            value = sum
        }
        return value
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try int() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func bytes() throws(Malformed) -> [UInt8] {
        let token = try token()
        guard token.first == UInt8(ascii: "=") else { throw Malformed() }
        let body = UnsafeRawBufferPointer(rebasing: token.dropFirst())
        guard let base = body.baseAddress, memchr(base, Int32(UInt8(ascii: "\\")), body.count) != nil else { return Array(body) }
        var result: [UInt8] = []
        result.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            guard body[index] == UInt8(ascii: "\\") else {
                result.append(body[index])
                index += 1
                continue
            }
            guard index + 2 < body.count, let high = Self.hexValue(body[index + 1]), let low = Self.hexValue(body[index + 2]) else {
                throw Malformed()
            }
            result.append(high << 4 | low)
            index += 3
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }

    /// A text; its bytes were a `String`'s, so they are UTF-8 (a repair would be a malformed
    /// snapshot, which the tests' round trip would catch).
    mutating func string() throws(Malformed) -> String {
        String(decoding: try bytes(), as: UTF8.self)
    }

    mutating func optional<Value>(_ read: (inout SnapshotReader) throws(Malformed) -> Value) throws(Malformed) -> Value? {
        let token = try token()
        guard token.count == 1 else { throw Malformed() }
        switch token[0] {
        case UInt8(ascii: "~"): return nil
        case UInt8(ascii: "+"): return try read(&self)
        default: throw Malformed()
        }
    }

    mutating func array<Element>(_ read: (inout SnapshotReader) throws(Malformed) -> Element) throws(Malformed) -> [Element] {
        let count = try int()
        // Each element takes a line at least: a larger count is a corrupt one.
        guard count >= 0, count <= text.count - position else { throw Malformed() }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try read(&self)) }
        return elements
    }

    mutating func numberList() throws(Malformed) -> [Int32] {
        var values: [Int32] = []
        try numberList(into: &values)
        return values
    }

    /// Reads a number list into `values` (emptied first, its storage kept for the next one).
    mutating func numberList(into values: inout [Int32]) throws(Malformed) {
        let token = try token()
        guard token.first == UInt8(ascii: ":") else { throw Malformed() }
        values.removeAll(keepingCapacity: true)
        guard token.count > 1 else { return }
        // Read as one loop over the bytes: the scanners' rows are a hundred thousand numbers.
        var value: Int32 = 0
        var digits = 0
        var negative = false
        for index in 1...token.count {
            let byte = index < token.count ? token[index] : UInt8(ascii: ",")
            let digit = byte &- 0x30
            if digit < 10 {
                guard digits < 9 else { throw Malformed() }
                value = value &* 10 &+ Int32(digit)
                digits &+= 1
            } else if byte == UInt8(ascii: ","), digits > 0 {
                values.append(negative ? -value : value)
                value = 0
                digits = 0
                negative = false
            } else if byte == UInt8(ascii: "-"), digits == 0, !negative {
                negative = true
            } else {
                throw Malformed()
            }
        }
    }

    /// A scanner's tables as `SnapshotWriter.scannerTables` wrote them, checked so a scan stays
    /// inside them (every state, class and id in range).
    mutating func scannerTables(literalCount: Int) throws(Malformed) -> LiteralScanner.Tables {
        let byteClass = try numberList()
        let width = try int()
        let isNarrow = try bool()
        let stateCount = try int()
        let root = try numberList()
        guard byteClass.count == 256, width > 0, stateCount > 0, stateCount <= Int(Int32.max), root.count == width,
            byteClass.allSatisfy({ $0 >= 0 && Int($0) < width }), !isNarrow || stateCount <= Int(Int16.max)
        else { throw Malformed() }
        let narrow = isNarrow ? try rows(Int16.self, root: root, stateCount: stateCount) : []
        let wide = isNarrow ? [] : try rows(Int32.self, root: root, stateCount: stateCount)
        let outputStart = try numberList()
        let outputIDs = try numberList()
        guard outputStart.count == stateCount + 1, outputStart.first == 0, Int(outputStart[stateCount]) == outputIDs.count,
            zip(outputStart, outputStart.dropFirst()).allSatisfy({ $0 <= $1 }),
            outputIDs.allSatisfy({ $0 >= 0 && Int($0) < literalCount })
        else { throw Malformed() }
        return LiteralScanner.Tables(
            byteClass: byteClass.map { UInt16($0) }, classCount: width, narrow: narrow, wide: wide,
            outputStart: outputStart, outputIDs: outputIDs)
    }

    /// The transition rows: the root's, then each state's changes to it.
    private mutating func rows<Entry: FixedWidthInteger>(
        _: Entry.Type, root: [Int32], stateCount: Int
    ) throws(Malformed) -> [Entry] {
        func isState(_ entry: Int32) -> Bool { Int(entry >= 0 ? entry : ~entry) < stateCount }
        guard root.allSatisfy(isState) else { throw Malformed() }
        let width = root.count
        let rootRow = root.map { Entry(truncatingIfNeeded: $0) }
        var entries: [Entry] = []
        entries.reserveCapacity(stateCount * width)
        entries += rootRow
        var changes: [Int32] = []
        for _ in 1..<stateCount {
            let row = entries.count
            entries += rootRow
            try numberList(into: &changes)
            guard changes.count % 2 == 0 else { throw Malformed() }
            for pair in stride(from: 0, to: changes.count, by: 2) {
                let column = Int(changes[pair])
                guard column >= 0, column < width, isState(changes[pair + 1]) else { throw Malformed() }
                entries[row + column] = Entry(truncatingIfNeeded: changes[pair + 1])
            }
        }
        return entries
    }

    /// A prefix set as `SnapshotWriter.prefixSet` wrote it, checked before it is built (every
    /// prefix non-empty, the last ending the arena).
    mutating func prefixSet() throws(Malformed) -> PrefixSet {
        let arena = try bytes()
        let ends = try numberList()
        var previous: Int32 = 0
        for end in ends {
            guard end > previous else { throw Malformed() }
            previous = end
        }
        guard Int(previous) == arena.count else { throw Malformed() }
        return PrefixSet(arena: arena, ends: ends)
    }

    mutating func strings() throws(Malformed) -> [String] { try array { reader throws(Malformed) in try reader.string() } }
    mutating func ints() throws(Malformed) -> [Int] { try array { reader throws(Malformed) in try reader.int() } }
    mutating func byteStrings() throws(Malformed) -> [[UInt8]] { try array { reader throws(Malformed) in try reader.bytes() } }

    mutating func raw<Value: RawRepresentable<String>>(_: Value.Type) throws(Malformed) -> Value {
        guard let value = Value(rawValue: try string()) else { throw Malformed() }
        return value
    }
}

extension SnapshotReader {
    /// An analysis whose regexes are all deferred to their first use (the built-in rules'
    /// are, and a snapshot holds nothing else).
    mutating func analysis() throws(Malformed) -> CompiledRules.Analysis {
        let rules = try array { reader throws(Malformed) in try reader.rule() }
        let patterns = try array { reader throws(Malformed) in
            CompiledRules.Analysis.Patterns(
                match: try reader.pattern(),
                unless: try reader.optional { reader throws(Malformed) in try reader.pattern() },
                unlessNext: try reader.optional { reader throws(Malformed) in try reader.pattern() })
        }
        let literals = try byteStrings()
        let literalIsRaw = try array { reader throws(Malformed) in try reader.bool() }
        let regexes = try array { reader throws(Malformed) in
            RegexTemplate(deferred: try reader.string(), options: ICURegex.Options(rawValue: Int32(try reader.int())))
        }
        guard patterns.count == rules.count, literalIsRaw.count == literals.count else { throw Malformed() }
        // The indexes trust these numbers: one out of range is a corrupt snapshot, not a crash.
        let validSlots = 0..<regexes.count
        let validIDs = 0..<literals.count
        for pattern in patterns.flatMap({ [$0.match, $0.unless, $0.unlessNext].compactMap { $0 } }) {
            if case .regex(let slot, let branches) = pattern.test {
                guard validSlots.contains(slot), branches.allSatisfy({ validSlots.contains($0.slot) }) else { throw Malformed() }
            }
            guard pattern.literalIDsRead.allSatisfy(validIDs.contains) else { throw Malformed() }
        }
        return CompiledRules.Analysis(
            rules: rules, patterns: patterns, literals: literals, literalIsRaw: literalIsRaw, regexes: regexes)
    }

    mutating func rule() throws(Malformed) -> Rule {
        let id = try string()
        let name = try string()
        let description = try string()
        let scope = try raw(RuleScope.self)
        let match = try rulePattern()
        let unless = try optional { reader throws(Malformed) in try reader.rulePattern() }
        let unlessNext = try optional { reader throws(Malformed) in try reader.rulePattern() }
        let extent = try optional { reader throws(Malformed) in
            SectionExtent(
                untilHeading: try reader.bool(),
                untilLongParagraph: try reader.optional { reader throws(Malformed) in try reader.int() },
                untilPlainParagraph: try reader.bool(),
                maxParagraphs: try reader.optional { reader throws(Malformed) in try reader.int() },
                maxLines: try reader.int(),
                insideArticle: try reader.bool())
        }
        let action = try raw(Verdict.Action.self)
        let languages = try strings()
        let caption = try bool()
        let signals = try int()
        guard let signalBits = UInt16(exactly: signals) else { throw Malformed() }
        var lists: [[RuleExample]] = []
        for _ in 0..<3 {
            lists.append(try array { reader throws(Malformed) in RuleExample(text: try reader.string(), line: try reader.int()) })
        }
        let location = RuleLocation(path: try string(), line: try int(), isBuiltin: try bool())
        return Rule(
            id: id, name: name, description: description, scope: scope, match: match, unless: unless,
            unlessNext: unlessNext, extent: extent, action: action, languages: languages, caption: caption,
            signals: RuleSignals(rawValue: signalBits),
            examples: RuleExamples(drop: lists[0], keep: lists[1], context: lists[2]), location: location)
    }

    mutating func rulePattern() throws(Malformed) -> RulePattern {
        let test: RulePattern.Test
        switch try string() {
        case "equals": test = .equals(try string())
        case "prefix": test = .prefix(try string())
        case "contains": test = .contains(try string())
        case "any-of": test = .anyOf(try strings())
        case "regex": test = .regex(try string())
        default: throw Malformed()
        }
        return RulePattern(
            test, input: try raw(RulePattern.Input.self), ignoreCase: try bool(),
            maxLength: try optional { reader throws(Malformed) in try reader.int() },
            maxWords: try optional { reader throws(Malformed) in try reader.int() })
    }

    mutating func pattern() throws(Malformed) -> CompiledPattern {
        let test: CompiledPattern.Test
        switch try string() {
        case "equals": test = .equals(try bytes())
        case "prefix": test = .prefix(try bytes())
        case "contains": test = .contains(try bytes())
        case "any-of": test = .anyOf(Set(try strings()))
        case "regex":
            let slot = try int()
            test = .regex(slot: slot, branches: try array { reader throws(Malformed) in try reader.branch() })
        default: throw Malformed()
        }
        return CompiledPattern(
            test: test, input: try raw(RulePattern.Input.self), ignoreCase: try bool(),
            maxLength: try optional { reader throws(Malformed) in try reader.int() },
            maxWords: try optional { reader throws(Malformed) in try reader.int() },
            literalIDs: try optional { reader throws(Malformed) in try reader.ints() },
            prefixes: try optional { reader throws(Malformed) in try reader.prefixSet() },
            maxBytes: try optional { reader throws(Malformed) in try reader.int() },
            requiresDigit: try bool(),
            exactLiterals: try optional { reader throws(Malformed) in
                try reader.array { reader throws(Malformed) in
                    CompiledPattern.ExactLiteral(id: try reader.int(), variants: try reader.byteStrings())
                }
            },
            endings: try optional { reader throws(Malformed) in try reader.endings() },
            requiresLineBreak: try bool(),
            requiredTexts: try optional { reader throws(Malformed) in try reader.requiredTexts() })
    }

    mutating func branch() throws(Malformed) -> CompiledPattern.Branch {
        CompiledPattern.Branch(
            slot: try int(),
            literalIDs: try optional { reader throws(Malformed) in try reader.ints() },
            prefixes: try optional { reader throws(Malformed) in try reader.prefixSet() },
            requiresDigit: try bool(),
            endings: try optional { reader throws(Malformed) in try reader.endings() },
            requiresLineBreak: try bool(),
            requiredTexts: try optional { reader throws(Malformed) in try reader.requiredTexts() })
    }

    mutating func endings() throws(Malformed) -> EndingBytes {
        EndingBytes(low: try unsigned(), high: try unsigned())
    }

    mutating func requiredTexts() throws(Malformed) -> RequiredTexts {
        RequiredTexts(sets: try array { reader throws(Malformed) in try reader.byteStrings() })
    }
}
