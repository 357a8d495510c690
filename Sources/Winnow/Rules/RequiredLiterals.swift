/// Finds literal text that every match of an ICU regex must contain, for use as a prefilter.
///
/// The answer is a set of alternatives, case-folded: a line whose folded text contains none of
/// them cannot match, so the regex need not run. It is deliberately conservative: anything the
/// parser does not understand (classes, escapes like `\d`, optional or repeated atoms) breaks
/// a literal run, and constructs that change the syntax itself (`(?x)`, `\Q…\E`) give up
/// entirely. `nil` means "no prefilter; run the regex on every line".
enum RequiredLiterals {
    static func of(regex pattern: String) -> [String]? { of(Parsed(pattern)) }

    static func of(_ parsed: Parsed) -> [String]? {
        guard let alternatives = parsed.alternatives, !hasExtendedFlag(parsed) else { return nil }
        return literals(requirement(ofAlternation: alternatives))
    }

    /// What `of` makes of a requirement: its texts folded, each once, sorted; `nil` for none.
    static func literals(_ requirement: [String]?) -> [String]? {
        guard let requirement, !requirement.isEmpty, requirement.allSatisfy({ !$0.isEmpty }) else { return nil }
        return Array(Set(requirement.map { String(decoding: MatchSubject.fold($0), as: UTF8.self) })).sorted()
    }

    /// For a pattern that is an alternation at its top (`A|B|C`), or one group around one
    /// (`(?:A|B|C)`): each alternative's `requirement(ofSequence:)`. The pattern's requirement
    /// is theirs put together (`of(requirements:)`), and a branch that `RegexAlternatives`
    /// splits off is an alternative alone, whose own requirement it is: found once for both.
    /// `nil` for a pattern of another shape.
    static func alternativeRequirements(_ parsed: Parsed) -> [[String]?]? {
        guard let alternatives = parsed.alternatives, !hasExtendedFlag(parsed) else { return nil }
        if alternatives.count >= 2 { return alternatives.map { requirement(ofSequence: $0) } }
        guard alternatives.count == 1, let sequence = alternatives.first, sequence.count == 1,
            case .group(let inner) = sequence[0].atom, sequence[0].minimum == 1, sequence[0].maximum == 1
        else { return nil }
        // `requirement(ofSequence:)` of the lone group: its plain words, or its alternatives'
        // requirements together, which are the same texts in the same order.
        return inner.map { requirement(ofSequence: $0) }
    }

    /// `of` of a pattern from its `alternativeRequirements`: every alternative needs one.
    static func of(requirements: [[String]?]) -> [String]? {
        var union: [String] = []
        for required in requirements {
            guard let required else { return nil }
            union += required
        }
        return literals(union)
    }

    /// `of(regex:)` before folding: text in the pattern's own case, one of which every match
    /// holds when the pattern runs case-sensitively (its characters then match only
    /// themselves). `nil` also for a pattern that sets flags inline (`(?i)`, `(?i:…)`), which
    /// may make part of it case-insensitive.
    static func exact(regex pattern: String) -> [String]? { exact(Parsed(pattern)) }

    static func exact(_ parsed: Parsed) -> [String]? {
        guard let alternatives = parsed.alternatives, !hasExtendedFlag(parsed) else { return nil }
        let bytes = parsed.bytes
        for index in bytes.indices.dropLast(2) where bytes[index] == UInt8(ascii: "(") && bytes[index + 1] == UInt8(ascii: "?") {
            guard ":>=!<#".utf8.contains(bytes[index + 2]) else { return nil }
        }
        let result = requirement(ofAlternation: alternatives)
        guard let result, !result.isEmpty, result.allSatisfy({ !$0.isEmpty }) else { return nil }
        return Array(Set(result)).sorted()
    }

    /// Whether every match of the pattern holds a `\d`: a decimal digit, which ICU takes to be
    /// any Unicode digit, so a text with no ASCII digit and no non-ASCII byte cannot match.
    /// `false` when unsure (a digit inside a class, a pattern the parser does not read).
    static func requiresDigit(regex pattern: String) -> Bool { requiresDigit(Parsed(pattern)) }

    static func requiresDigit(_ parsed: Parsed) -> Bool {
        guard let alternatives = parsed.alternatives, !hasExtendedFlag(parsed) else { return false }
        return requiresDigit(alternatives)
    }

    /// Every alternative has a `\d`, or a group that requires one, that must occur at least once.
    private static func requiresDigit(_ alternatives: [[Item]]) -> Bool {
        !alternatives.isEmpty
            && alternatives.allSatisfy { items in
                items.contains { item in
                    guard item.minimum >= 1 else { return false }
                    switch item.atom {
                    case .digit: return true
                    case .group(let inner): return requiresDigit(inner)
                    default: return false
                    }
                }
            }
    }

    /// In an anchored prefix: "any run of white space, maybe none, here" (a byte UTF-8 never uses).
    static let spaceRun: UInt8 = 0xFF
    /// In an anchored prefix: "one decimal digit here" (`\d`, which ICU takes to be any
    /// Unicode digit, so a non-ASCII character there counts as a match).
    static let digit: UInt8 = 0xFE

    /// Case-folded byte strings one of which every match must start with, for a pattern whose
    /// every alternative is anchored at the start of the text (`^RTR…|^AP…`); `nil` otherwise.
    ///
    /// A prefix may hold `spaceRun` where the pattern allows white space (`\s*`, ` +`) and
    /// `digit` for `\d`; a prefix never starts with `spaceRun`. Optional atoms and groups (`(?:#\s*)?\[`) give one
    /// prefix per way through them.
    static func anchoredPrefixes(regex pattern: String) -> [[UInt8]]? { anchoredPrefixes(Parsed(pattern)) }

    static func anchoredPrefixes(_ parsed: Parsed) -> [[UInt8]]? {
        guard let alternatives = parsed.alternatives, !hasExtendedFlag(parsed), !hasExtendedFlag(parsed, flag: UInt8(ascii: "m"))
        else { return nil }
        var prefixes: [[UInt8]] = []
        var trie = PrefixRuns()
        for sequence in alternatives {
            guard case .startAnchor? = sequence.first?.atom else { return nil }
            let runs = trie.leadingRuns(Array(sequence.dropFirst()), from: [.empty])
            prefixes += runs.map { trie.prefix(of: $0) }
        }
        return finished(prefixes)
    }

    /// The prefixes found, sorted and each once; `nil` when there are none or one is empty or
    /// starts with a space run.
    private static func finished(_ prefixes: [[UInt8]]) -> [[UInt8]]? {
        guard !prefixes.isEmpty, prefixes.allSatisfy({ !$0.isEmpty && $0[0] != spaceRun }) else { return nil }
        // Sorted, then repeats (side by side now) dropped: no set of byte arrays to hash.
        let sorted = prefixes.sorted { $0.bytesPrecede($1) }
        var distinct: [[UInt8]] = []
        distinct.reserveCapacity(sorted.count)
        for prefix in sorted where distinct.last != prefix { distinct.append(prefix) }
        return distinct
    }

    /// For a pattern shaped `^(?:A|B|…)` or `^(?:A|B|…)$`: its `anchoredPrefixes`, and those of
    /// each branch `^A…`, `^B…` that `RegexAlternatives` makes of it (branch `i` parsed as the
    /// group's alternative `i` between the same anchors, see `Parsed.branch`). Each
    /// alternative's prefixes are grown once for both: the pattern's are what the group's
    /// step of `leadingRuns` makes of them. `nil` for a pattern of another shape.
    static func groupedAnchoredPrefixes(_ parsed: Parsed) -> (whole: [[UInt8]]?, branches: [[[UInt8]]?])? {
        guard let alternatives = parsed.alternatives, alternatives.count == 1, let sequence = alternatives.first,
            !hasExtendedFlag(parsed), !hasExtendedFlag(parsed, flag: UInt8(ascii: "m")),
            sequence.count == 2 || sequence.count == 3, case .startAnchor = sequence[0].atom,
            case .group(let groupAlternatives) = sequence[1].atom, sequence[1].minimum == 1, sequence[1].maximum == 1
        else { return nil }
        if sequence.count == 3 {
            guard case .endAnchor = sequence[2].atom else { return nil }
        }
        var trie = PrefixRuns()
        var grown: [PrefixRuns.Run] = []
        var branches: [[[UInt8]]?] = []
        for alternative in groupAlternatives {
            // The branch `^A` or `^A$`: the end anchor leaves the runs as they are.
            let runs = trie.leadingRuns(alternative, from: [.empty])
            grown += runs
            branches.append(finished(runs.map { trie.prefix(of: $0) }))
        }
        // Too many ways through the group close the empty run, which makes no prefix.
        guard grown.count <= PrefixRuns.maximumRuns else { return (nil, branches) }
        return (finished(trie.unique(grown).map { trie.prefix(of: $0) }), branches)
    }

    /// The case fold of one pattern character: ASCII folds to lower case without a trip through
    /// ICU (every character of every built-in pattern is folded at each start-up).
    static func folded(_ character: PatternCharacter) -> [UInt8] {
        if let byte = character.ascii { return [byte.asciiLowercased] }
        return MatchSubject.fold(String(decoding: character, as: UTF8.self))
    }

    /// ASCII white space, as `\s` matches it.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// True when an inline flag group turns on free-spacing mode (`(?x)`), where spaces stop
    /// being literal.
    private static func hasExtendedFlag(_ parsed: Parsed, flag: UInt8 = UInt8(ascii: "x")) -> Bool {
        let bytes = parsed.bytes
        return parsed.openings.contains { index in
            var letter = index + 2
            while letter < bytes.count, bytes[letter] != UInt8(ascii: ")"), bytes[letter] != UInt8(ascii: ":") {
                if bytes[letter] == UInt8(ascii: "-") { break }
                if bytes[letter] == flag { return true }
                letter += 1
            }
            return false
        }
    }

    /// Where the pattern `bytes` opens a group with `(?` (not escaped): the index of each `(`.
    static func groupOpenings(_ bytes: [UInt8]) -> [Int] {
        var openings: [Int] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "?") { openings.append(index) }
            index += 1
        }
        return openings
    }

    /// Not `indirect`: a group's items already sit in arrays of their own, and a boxed atom
    /// was one more allocation per character of every built-in pattern at each start-up.
    enum Atom: Equatable {
        /// One character, as its UTF-8 bytes.
        case char(PatternCharacter)
        case group([[Item]])
        /// `^`: only meaningful for anchored prefixes.
        case startAnchor
        /// `$`, `\z`, `\Z`: only told apart from `transparent` when `Parser.endAnchors` is set.
        case endAnchor
        case transparent
        /// `\s`: one white-space character.
        case space
        /// `\d`: one decimal digit.
        case digit
        /// A class of a few plain characters (`[*+-]`), as their UTF-8 bytes.
        case choice([PatternCharacter])
        case other
    }

    struct Item: Equatable {
        var atom: Atom
        var minimum: Int
        var maximum: Int?  // nil = unbounded
    }

    // MARK: - Requirement

    static func requirement(ofAlternation alternatives: [[Item]]) -> [String]? {
        var union: [String] = []
        for sequence in alternatives {
            guard let required = requirement(ofSequence: sequence) else { return nil }
            union.append(contentsOf: required)
        }
        return union
    }

    static func requirement(ofSequence items: [Item]) -> [String]? {
        // The most selective candidate: longest shortest alternative, then fewest alternatives.
        candidates(ofSequence: items).max { lhs, rhs in
            let left = lhs.map { $0.utf8.count }.min() ?? 0
            let right = rhs.map { $0.utf8.count }.min() ?? 0
            return left != right ? left < right : lhs.count > rhs.count
        }
    }

    /// Every requirement of a pattern that is one sequence at its top (no `|` outside a
    /// group), folded as `literals` makes them: each set of texts one of which its match
    /// holds, not only the most selective one `of` gives (`\b(?:ctrl|strg)\s*\+\s*(?:enter
    /// |eingabe)\b` needs a word of both sets). `[]` for a pattern of another shape.
    ///
    /// Only sets of at most `RequiredTexts.largestSet` texts, and none from inside a group
    /// that is not a plain word list: those are the ones kept, and folding every requirement
    /// of every nested alternation cost start-up more than a millisecond.
    static func allRequirements(_ parsed: Parsed) -> [[String]] {
        guard let alternatives = parsed.alternatives, alternatives.count == 1, !hasExtendedFlag(parsed) else { return [] }
        return candidates(ofSequence: alternatives[0], nested: false).filter { $0.count <= RequiredTexts.largestSet }
            .compactMap(literals)
    }

    /// The requirements a sequence's parts make, each a set of texts one of which its match
    /// holds; `nested`: also those of groups that are not plain word lists.
    private static func candidates(ofSequence items: [Item], nested: Bool = true) -> [[String]] {
        var candidates: [[String]] = []
        // The literal texts that may be running at this point: one per way through the plain
        // alternations met so far (`(?:a|b)c` runs "ac" and "bc").
        var runs: [[UInt8]] = [[]]
        func flush() {
            if runs.allSatisfy({ !$0.isEmpty }) {
                candidates.append(runs.map { String(decoding: $0, as: UTF8.self) })
            }
            runs = [[]]
        }
        for (position, item) in items.enumerated() {
            switch item.atom {
            case .transparent, .startAnchor, .endAnchor:
                continue
            case .char(let bytes):
                guard item.minimum >= 1 else {
                    // `a *b` (`\[ *\]`): after "a" comes a space when the repeat runs at least
                    // once, else "b"; so the match holds "a " or "ab", and the run goes on at "b".
                    if runs.allSatisfy({ !$0.isEmpty }), position + 1 < items.count,
                        case .char(let next) = items[position + 1].atom, items[position + 1].minimum >= 1
                    {
                        candidates.append(runs.flatMap { run in [run + bytes, run + next].map { String(decoding: $0, as: UTF8.self) } })
                        runs = [[]]
                        continue
                    }
                    flush()
                    continue
                }
                if let byte = bytes.ascii {
                    for index in runs.indices { runs[index].append(byte) }
                } else {
                    for index in runs.indices { runs[index] += bytes }
                }
                if item.maximum != 1 {
                    // `ab+c`: the match holds "ab" and "bc" but not "abc".
                    flush()
                    runs = [Array(bytes)]
                }
            case .group(let alternatives):
                if item.minimum == 1, item.maximum == 1, let words = plainAlternatives(alternatives),
                    runs.count * words.count <= 64
                {
                    runs = runs.flatMap { run in words.map { run + $0 } }
                    continue
                }
                flush()
                if nested, item.minimum >= 1, let required = requirement(ofAlternation: alternatives) {
                    candidates.append(required)
                }
            case .choice(let characters):
                flush()
                // A class of rare marks (`[$€£]`) is a requirement like an alternation of
                // one-character words; a class with a letter, a digit or a common mark is not
                // (the scanner would report it at most bytes of every line).
                if item.minimum >= 1, characters.allSatisfy(isRareMark) {
                    candidates.append(characters.map { String(decoding: $0, as: UTF8.self) })
                }
            case .other, .space, .digit:
                flush()
            }
        }
        flush()
        return candidates
    }

    /// Whether a class's character is rare enough in text to be looked for: `$ @ # % & ( )`, a
    /// currency sign, a full-width or CJK mark; not a letter, digit, space or the punctuation
    /// of ordinary text (dashes, quotes, bullets), which would be reported all over a line.
    static func isRareMark(_ character: PatternCharacter) -> Bool {
        if let byte = character.ascii { return "$@#%&()".utf8.contains(byte) }
        guard let scalar = String(decoding: character, as: UTF8.self).unicodeScalars.first else { return false }
        switch scalar.value {
        case 0xA2...0xA5, 0x20A0...0x20CF, 0x3000...0x303F, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// The texts of an alternation whose branches are all plain literal text (`(?:likes|views)`).
    private static func plainAlternatives(_ alternatives: [[Item]]) -> [[UInt8]]? {
        var words: [[UInt8]] = []
        for sequence in alternatives {
            var word: [UInt8] = []
            for item in sequence {
                switch item.atom {
                case .transparent, .startAnchor, .endAnchor: continue
                case .char(let bytes) where item.minimum == 1 && item.maximum == 1: word += bytes
                default: return nil
                }
            }
            guard !word.isEmpty else { return nil }
            words.append(word)
        }
        return words.isEmpty ? nil : words
    }


    // MARK: - Parser

    struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// Whether `$`, `\z` and `\Z` parse as `endAnchor` (else as `transparent`).
        var endAnchors = false

        /// How many groups enclose the alternation being parsed (0: the top level).
        private var depth = 0
        /// Where the texts of the top level's alternatives lie, and where its items start;
        /// for each group at the top level (by the index of its `(`), where the texts of its
        /// alternatives lie. `Parsed.branch` finds a branch's items by them.
        private(set) var topRanges: [Range<Int>] = []
        private(set) var topItemStarts: [[Int]] = []
        private(set) var groupRanges: [Int: [Range<Int>]] = [:]
        /// The ranges of the last alternation parsed one group deep.
        private var innerRanges: [Range<Int>] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func parseAlternation() -> [[Item]]? {
            var alternatives: [[Item]] = []
            var current: [Item] = []
            var ranges: [Range<Int>] = []
            var starts: [[Int]] = []
            var currentStarts: [Int] = []
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "|") {
                    alternatives.append(current)
                    current = []
                    if depth <= 1 { ranges.append(start..<index) }
                    if depth == 0 {
                        starts.append(currentStarts)
                        currentStarts = []
                    }
                    index += 1
                    start = index
                    continue
                }
                if byte == UInt8(ascii: ")") { break }
                if depth == 0 { currentStarts.append(index) }
                guard let atom = parseAtom() else { return nil }
                guard let (minimum, maximum) = parseQuantifier() else { return nil }
                current.append(Item(atom: atom, minimum: minimum, maximum: maximum))
            }
            alternatives.append(current)
            if depth <= 1 { ranges.append(start..<index) }
            if depth == 0 {
                starts.append(currentStarts)
                topRanges = ranges
                topItemStarts = starts
            } else if depth == 1 {
                innerRanges = ranges
            }
            return alternatives
        }

        private mutating func parseAtom() -> Atom? {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "^"):
                index += 1
                return .startAnchor
            case UInt8(ascii: "$"):
                index += 1
                return endAnchors ? .endAnchor : .transparent
            case UInt8(ascii: "."):
                index += 1
                return .other
            case UInt8(ascii: "["):
                let start = index
                guard skipClass() else { return nil }
                return Self.plainClass(bytes[start..<index]).map { .choice($0) } ?? .other
            case UInt8(ascii: "("):
                return parseGroup()
            case UInt8(ascii: "\\"):
                return parseEscape()
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                return nil  // a quantifier with nothing to repeat
            default:
                let start = index
                index += 1
                while byte >= 0xC0, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                return PatternCharacter(bytes[start..<index]).map { .char($0) } ?? .other
            }
        }

        private mutating func parseGroup() -> Atom? {
            let open = index
            index += 1  // (
            var lookaround = false
            var flagsOnly = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
                index += 1
                guard index < bytes.count else { return nil }
                switch bytes[index] {
                case UInt8(ascii: ":"), UInt8(ascii: ">"):
                    index += 1
                case UInt8(ascii: "="), UInt8(ascii: "!"):
                    index += 1
                    lookaround = true
                case UInt8(ascii: "#"):
                    while index < bytes.count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                    guard index < bytes.count else { return nil }
                    index += 1
                    return .transparent
                case UInt8(ascii: "<"):
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: "!") {
                        index += 1
                        lookaround = true
                    } else {
                        // Named group `(?<name>…)`.
                        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                        guard index < bytes.count else { return nil }
                        index += 1
                    }
                default:
                    // Inline flags: `(?i)` or `(?i-m:…)`.
                    while index < bytes.count, bytes[index] != UInt8(ascii: ")"), bytes[index] != UInt8(ascii: ":") {
                        index += 1
                    }
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ")") {
                        index += 1
                        flagsOnly = true
                    } else {
                        index += 1
                    }
                }
            }
            if flagsOnly { return .transparent }
            depth += 1
            let parsed = parseAlternation()
            depth -= 1
            guard let inner = parsed, index < bytes.count, bytes[index] == UInt8(ascii: ")") else {
                return nil
            }
            if depth == 0 { groupRanges[open] = innerRanges }
            index += 1
            return lookaround ? .other : .group(inner)
        }

        private mutating func parseEscape() -> Atom? {
            index += 1
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "A"):
                return .startAnchor
            case UInt8(ascii: "z"), UInt8(ascii: "Z"):
                return endAnchors ? .endAnchor : .transparent
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "G"):
                return .transparent
            case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "N"), UInt8(ascii: "x"):
                if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "}") { index += 1 }
                    guard index < bytes.count else { return nil }
                    index += 1
                } else if byte == UInt8(ascii: "x") {
                    index = min(index + 2, bytes.count)
                } else if byte != UInt8(ascii: "N") {
                    index = min(index + 1, bytes.count)  // \pL
                }
                return .other
            case UInt8(ascii: "u"):
                index = min(index + 4, bytes.count)
                return .other
            case UInt8(ascii: "U"):
                index = min(index + 8, bytes.count)
                return .other
            case UInt8(ascii: "c"):
                index = min(index + 1, bytes.count)
                return .other
            case UInt8(ascii: "k"):
                if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                    index = min(index + 1, bytes.count)
                }
                return .other
            default:
                let isLetterOrDigit =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                if byte < 0x80, !isLetterOrDigit { return .char(PatternCharacter(byte)) }  // `\.`, `\/`, `\(`
                if byte >= 0x80 {
                    let start = index - 1
                    while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                    return PatternCharacter(bytes[start..<index]).map { .char($0) } ?? .other  // an escaped non-ASCII character
                }
                if byte == UInt8(ascii: "s") { return .space }
                if byte == UInt8(ascii: "d") { return .digit }
                return .other  // \d \w \t \n \1 …
            }
        }

        /// The characters of a class written as a short list of plain characters (`[*+-]`,
        /// `[ap]`, `[‹«<←]`), or `nil` for anything else (ranges, negation, escapes, sets).
        static func plainClass(_ text: ArraySlice<UInt8>) -> [PatternCharacter]? {
            guard text.count >= 3, text.count <= 24, text.first == UInt8(ascii: "["), text.last == UInt8(ascii: "]") else {
                return nil
            }
            let inner = Array(text.dropFirst().dropLast())
            guard inner.first != UInt8(ascii: "^") else { return nil }
            var characters: [PatternCharacter] = []
            var offset = 0
            while offset < inner.count {
                let byte = inner[offset]
                if byte >= 0xC0 {
                    // A whole non-ASCII character (never a class operator).
                    var end = offset + 1
                    while end < inner.count, inner[end] & 0xC0 == 0x80 { end += 1 }
                    guard let character = PatternCharacter(inner[offset..<end]) else { return nil }
                    characters.append(character)
                    offset = end
                    continue
                }
                defer { offset += 1 }
                let isLetterOrDigit =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                let isPlainMark = "*+.,;:!?#@/_ '$()".utf8.contains(byte)
                // `-` is literal only as the first or last character.
                let isLiteralDash = byte == UInt8(ascii: "-") && (offset == 0 || offset == inner.count - 1)
                guard isLetterOrDigit || isPlainMark || isLiteralDash else { return nil }
                characters.append(PatternCharacter(byte))
            }
            return characters.isEmpty ? nil : characters
        }

        private mutating func skipClass() -> Bool {
            index += 1  // [
            var depth = 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                }
                index += 1
            }
            return false
        }

        private mutating func parseQuantifier() -> (Int, Int?)? {
            guard index < bytes.count else { return (1, 1) }
            var bounds: (Int, Int?)
            switch bytes[index] {
            case UInt8(ascii: "?"): bounds = (0, 1)
            case UInt8(ascii: "*"): bounds = (0, nil)
            case UInt8(ascii: "+"): bounds = (1, nil)
            case UInt8(ascii: "{"):
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
                guard end < bytes.count else { return nil }
                let body = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                let parts = body.split(separator: ",", omittingEmptySubsequences: false)
                guard let low = parts.first.flatMap({ Int($0) }) else { return nil }
                let high: Int? = parts.count == 1 ? low : (parts[1].isEmpty ? nil : Int(parts[1]))
                bounds = (low, high)
                index = end
            default:
                return (1, 1)
            }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            return bounds
        }
    }
}
