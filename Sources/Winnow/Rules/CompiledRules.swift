/// A rule set compiled for matching: patterns, literal scanners and the regex pool.
///
/// Built once per `RuleSet` and shared read-only by every worker; the only mutable part, the
/// regexes, lives in `RegexPool`.
final class CompiledRules: Sendable {
    /// A class so the per-line loops pass one reference instead of copying a rule's strings.
    final class Entry: Sendable {
        let rule: Rule
        let match: CompiledPattern
        let unless: CompiledPattern?
        /// Tested on the next line of the paragraph when the rule matches a line.
        let unlessNext: CompiledPattern?
        let languages: [String]
        let isCaption: Bool
        let isSection: Bool
        /// The verdict the rule gives, made once (not per line it decides).
        let verdict: Verdict
        /// Whether a line tries the rule only when the scanner found one of its match's
        /// literals (no anchored prefixes): then that literal gate holds for every line that
        /// tries it (see `lineOrder`'s candidates).
        let isFoundByLiterals: Bool
        /// Whether a line tries the rule only when it starts with one of its match's anchored
        /// prefixes, none of which holds a marker (`AnchoredPrefixTrie` files such a prefix
        /// whole): then the prefix gate holds for every line that tries it.
        let isFoundByPrefixes: Bool

        init(rule: Rule, match: CompiledPattern, unless: CompiledPattern?, unlessNext: CompiledPattern? = nil) {
            self.rule = rule
            self.match = match
            self.unless = unless
            self.unlessNext = unlessNext
            self.languages = rule.languages
            self.isCaption = rule.caption
            self.isSection = rule.scope == .section
            isFoundByLiterals = match.prefixes == nil && match.literalIDs != nil
            isFoundByPrefixes = match.prefixes.map { !$0.hasMarkers } ?? false
            verdict = Verdict(
                action: rule.action, reason: Reason(ruleID: rule.id, message: rule.description, signals: Self.signals(of: rule)))
        }

        /// What the rule's drops tell the heuristics: its declared signals, and for a section
        /// that may sit inside an article, `insideArticleSection` (which a section's extent
        /// decides, not the declared set; a line rule says it with `inside-article`). A keep
        /// verdict carries none.
        static func signals(of rule: Rule) -> RuleSignals {
            guard rule.action == .drop else { return [] }
            guard rule.scope == .section else { return rule.signals }
            var signals = rule.signals.subtracting(.insideArticleSection)
            if rule.extent?.insideArticle ?? true { signals.insert(.insideArticleSection) }
            return signals
        }
    }

    /// Line and section rules in the order they are tried: keep rules, then drop rules, each
    /// in file order. A rule's position here is its rank.
    let lineOrder: [Entry]
    /// Block rules in the order they are tried.
    let blockOrder: [Entry]
    /// Ranks that every line must try (no literal prefilter, no phrase index).
    let unfiltered: [Int32]
    /// For each literal: the ranks of the line and section rules that need it.
    let candidates: [[Int32]]
    /// `candidates` flattened: literal `id`'s ranks are `candidateRanks[candidateStart[id]..<
    /// candidateStart[id + 1]]`, so a hit reads one shared array (no inner array retained).
    let candidateStart: [Int32]
    let candidateRanks: [Int32]
    /// The anchored rules (`^RTR…`) by their prefixes in the folded plain / raw text: a line
    /// tries only those whose prefix it starts with (up to the prefix's first marker).
    let plainPrefixTrie: AnchoredPrefixTrie
    let rawPrefixTrie: AnchoredPrefixTrie

    /// Case-folded whole-line phrases (`equals`, `any-of`) of plain / raw input: the ranks.
    let plainPhrases: [String: [Int32]]
    let rawPhrases: [String: [Int32]]
    /// `plainPhrases` and `rawPhrases` by their bytes (tags 1 and 2), for an ASCII line: no
    /// `String` is made and no SipHash run. `nil` when some phrase that is not ASCII is
    /// canonically equivalent to ASCII text (`;` and the Greek question mark), which a
    /// `String` key would match and bytes would not.
    let asciiPhrases: LineMemo<[Int32]>?
    /// The ASCII phrases' lengths and end bytes, which an ASCII line must share with one of
    /// them to be looked up in `asciiPhrases`.
    let asciiPhraseEnds: PhraseEnds

    /// The longest indexed phrase, in UTF-8 bytes; longer lines skip the lookup.
    let longestPhrase: Int
    /// `phraseLengths[n]`: some indexed phrase is n bytes long (lines of other lengths skip the
    /// hash lookup).
    let phraseLengths: [Bool]
    /// Bytes of trailing label punctuation an `any-of` line may carry beyond its phrase.
    static let labelPunctuationSlack = 12

    let rules: [Rule]
    let entries: [Entry]
    /// Every literal, plain and raw, by literal id.
    ///
    /// Most lines have no markup (or only a leading list marker): their plain text is their
    /// raw text or its tail, so one pass of this automaton over the raw text finds both kinds
    /// (a plain literal counts when it starts inside the tail). A line with markup is scanned
    /// twice: its plain text by this automaton (raw literals ignored), its raw text by
    /// `rawScanner`, whose few literals keep its table in the L1 cache.
    let scanner: LiteralScanner
    /// The literals of raw-input patterns, by literal id (plain literals left out).
    let rawScanner: LiteralScanner
    /// `scanner` without the literals only rules of at most `longLineWords` words need, for
    /// a line of more words, which none of those rules can take: an article paragraph (half
    /// the bytes the rules read) walks a smaller table and reports few hits.
    let longLineScanner: LiteralScanner
    /// The words a line must exceed, in its plain and raw text, to be scanned by
    /// `longLineScanner` (a third of the built-in literals serve rules of more words).
    static let longLineWords = 30
    /// Whether literal `id` is looked for in the raw text (else in the plain text).
    let literalIsRaw: [Bool]
    /// Every literal by id, folded (for tests that compare one pass with two).
    let literals: [[UInt8]]
    /// How many literal ids the scanners share.
    let literalCount: Int
    /// Whether literal `id` is needed by a block rule (so the paragraph is worth testing).
    let literalIsForBlock: [Bool]
    /// The prefixes of the anchored block rules that have no literal prefilter: a line starting
    /// with one flags its paragraph as worth testing.
    let blockPrefixes: [(input: RulePattern.Input, prefixes: PrefixSet)]
    /// Whether some block rule has no prefilter at all (every paragraph is tested).
    let blockRulesUnfiltered: Bool
    let readsRaw: Bool
    let regexes: RegexPool

    /// The literal bytes `scanner`'s automaton holds; the rest of a longer literal is checked
    /// where its head is found (see `LiteralScanner.init(literals:depth:)`).
    static let scannerDepth = 6

    /// ICU's time limit for one match, in its steps (roughly milliseconds).
    static let regexTimeLimit: Int32 = 100

    convenience init(rules: [Rule]) throws(WinnowError) {
        self.init(analysis: try Analysis(rules: rules))
    }

    /// The indexes that take longest to build from an analysis: the tables of `scanner`,
    /// `longLineScanner` and `rawScanner`, and the two anchored-prefix tries.
    struct Indexes {
        let all: LiteralScanner.Tables
        let longLine: LiteralScanner.Tables
        let raw: LiteralScanner.Tables
        let plainPrefixTrie: AnchoredPrefixTrie
        let rawPrefixTrie: AnchoredPrefixTrie
        /// `noneNormalizesToASCII` of the whole-line phrases.
        let noPhraseNormalizesToASCII: Bool
    }

    var indexes: Indexes {
        Indexes(
            all: scanner.tables, longLine: longLineScanner.tables, raw: rawScanner.tables, plainPrefixTrie: plainPrefixTrie,
            rawPrefixTrie: rawPrefixTrie,
            noPhraseNormalizesToASCII: Self.noneNormalizesToASCII(Array(plainPhrases.keys) + Array(rawPhrases.keys)))
    }

    /// Builds the indexes over rules already compiled one by one (by `Analysis(rules:)`, or
    /// read back from the built-in rules' snapshot, with the slowest indexes built for them).
    init(analysis: Analysis, indexes: Indexes? = nil) {
        let rules = analysis.rules
        let entries = zip(rules, analysis.patterns).map { rule, patterns in
            Entry(rule: rule, match: patterns.match, unless: patterns.unless, unlessNext: patterns.unlessNext)
        }
        self.rules = rules
        self.entries = entries
        func ordered(_ scope: RuleScope) -> [Entry] {
            entries.filter { $0.rule.scope == scope && $0.rule.action == .keep }
                + entries.filter { $0.rule.scope == scope && $0.rule.action == .drop }
        }
        let order = ordered(.line) + ordered(.section)
        lineOrder = order
        blockOrder = ordered(.block)
        var unfiltered: [Int32] = []
        var candidates = Array(repeating: [Int32](), count: analysis.literals.count)
        var plainPhrases: [String: [Int32]] = [:]
        var rawPhrases: [String: [Int32]] = [:]
        var longest = 0
        var plainTrieRules: [(rank: Int32, prefixes: [[UInt8]])] = []
        var rawTrieRules: [(rank: Int32, prefixes: [[UInt8]])] = []
        for (rank, entry) in order.enumerated() {
            let pattern = entry.match
            if let prefixes = pattern.prefixes {
                if indexes != nil {
                    // The tries come built.
                } else if pattern.input == .plain {
                    plainTrieRules.append((Int32(rank), prefixes.prefixes))
                } else {
                    rawTrieRules.append((Int32(rank), prefixes.prefixes))
                }
            } else if let ids = pattern.literalIDs {
                for id in ids { candidates[id].append(Int32(rank)) }
            } else if pattern.ignoreCase, let phrases = pattern.wholeLinePhrases {
                for phrase in phrases {
                    longest = max(longest, phrase.utf8.count)
                    if pattern.input == .plain {
                        plainPhrases[phrase, default: []].append(Int32(rank))
                    } else {
                        rawPhrases[phrase, default: []].append(Int32(rank))
                    }
                }
            } else {
                unfiltered.append(Int32(rank))
            }
        }
        self.unfiltered = unfiltered
        self.candidates = candidates
        var starts: [Int32] = [0]
        for ranks in candidates { starts.append(starts[starts.count - 1] + Int32(ranks.count)) }
        candidateStart = starts
        candidateRanks = candidates.flatMap { $0 }
        plainPrefixTrie = indexes?.plainPrefixTrie ?? AnchoredPrefixTrie(plainTrieRules)
        rawPrefixTrie = indexes?.rawPrefixTrie ?? AnchoredPrefixTrie(rawTrieRules)
        var forBlock = Array(repeating: false, count: analysis.literals.count)
        var blockUnfiltered = false
        var blockPrefixes: [(input: RulePattern.Input, prefixes: PrefixSet)] = []
        for entry in blockOrder {
            if let ids = entry.match.literalIDs {
                for id in ids { forBlock[id] = true }
            } else if let prefixes = entry.match.prefixes {
                blockPrefixes.append((entry.match.input, prefixes))
            } else {
                blockUnfiltered = true
            }
        }
        self.blockPrefixes = blockPrefixes
        literalIsForBlock = forBlock
        blockRulesUnfiltered = blockUnfiltered
        self.plainPhrases = plainPhrases
        self.rawPhrases = rawPhrases
        let phraseKeys = Array(plainPhrases.keys) + Array(rawPhrases.keys)
        let isASCII: (String) -> Bool = { $0.utf8.allSatisfy { $0 < 0x80 } }
        if indexes?.noPhraseNormalizesToASCII ?? Self.noneNormalizesToASCII(phraseKeys),
            phraseKeys.allSatisfy({ $0.utf8.count <= LineMemo<[Int32]>.longestLine })
        {
            var table = LineMemo<[Int32]>(capacity: max(16, phraseKeys.count))
            for (phrase, ranks) in plainPhrases where isASCII(phrase) { table.store(ranks, for: phrase, tag: 1) }
            for (phrase, ranks) in rawPhrases where isASCII(phrase) { table.store(ranks, for: phrase, tag: 2) }
            asciiPhrases = table
        } else {
            asciiPhrases = nil
        }
        asciiPhraseEnds = PhraseEnds(phraseKeys.filter(isASCII).map { Array($0.utf8) })
        longestPhrase = longest
        var lengths = Array(repeating: false, count: longest + 1)
        for phrase in plainPhrases.keys { lengths[phrase.utf8.count] = true }
        for phrase in rawPhrases.keys { lengths[phrase.utf8.count] = true }
        phraseLengths = lengths
        let literals = analysis.literals
        let isRaw = analysis.literalIsRaw
        let wordBounds = Self.wordBounds(literalCount: literals.count, of: lineOrder + blockOrder)
        let longLineLiterals = literals.indices.map { wordBounds[$0] > Self.longLineWords ? literals[$0] : [] }
        let rawLiterals = literals.indices.map { isRaw[$0] ? literals[$0] : [] }
        if let indexes {
            scanner = LiteralScanner(literals: literals, depth: Self.scannerDepth, tables: indexes.all)
            longLineScanner = LiteralScanner(literals: longLineLiterals, depth: Self.scannerDepth, tables: indexes.longLine)
            rawScanner = LiteralScanner(literals: rawLiterals, tables: indexes.raw)
        } else {
            scanner = LiteralScanner(literals: literals, depth: Self.scannerDepth)
            longLineScanner = LiteralScanner(literals: longLineLiterals, depth: Self.scannerDepth)
            rawScanner = LiteralScanner(literals: rawLiterals)
        }
        literalIsRaw = isRaw
        self.literals = literals
        literalCount = literals.count
        readsRaw = rules.contains { $0.match.input == .raw || $0.unless?.input == .raw || $0.unlessNext?.input == .raw }
        regexes = RegexPool(templates: analysis.regexes)
    }

    /// Whether no text of `phrases` that is not ASCII is canonically equivalent to ASCII text
    /// (which a byte lookup would miss): asking ICU for the normal forms loads its tables.
    static func noneNormalizesToASCII(_ phrases: [String]) -> Bool {
        let isASCII: (String) -> Bool = { $0.utf8.allSatisfy { $0 < 0x80 } }
        return phrases.allSatisfy { isASCII($0) || !isASCII(Normalizer.nfc($0)) }
    }

    /// For each literal id, the most words a text may have for a rule that reads the literal
    /// to match it (`Int.max`: some such rule has no word limit). A rule reads a literal when
    /// its match, `unless` or `unless-next` pattern (or one of their branches) looks it up;
    /// its limit is its match's `max-words`, without which it matches no text, and a block
    /// rule's paragraph has at least the words of each of its lines.
    static func wordBounds(literalCount: Int, of entries: [Entry]) -> [Int] {
        var bounds = [Int](repeating: 0, count: literalCount)
        for entry in entries {
            let limit = entry.match.maxWords ?? Int.max
            for pattern in [entry.match, entry.unless, entry.unlessNext] {
                guard let pattern else { continue }
                for id in pattern.literalIDsRead { bounds[id] = max(bounds[id], limit) }
            }
        }
        return bounds
    }

    /// What compiling each rule finds, before the rule set's indexes are built: the part of
    /// the work the generator snapshots for the built-in rules (`BuiltinSnapshot`).
    struct Analysis {
        /// A rule's compiled patterns.
        struct Patterns {
            let match: CompiledPattern
            let unless: CompiledPattern?
            let unlessNext: CompiledPattern?
        }

        let rules: [Rule]
        /// One per rule, in `rules`' order.
        let patterns: [Patterns]
        /// Every literal by id, folded, and whether it is looked for in the raw text.
        let literals: [[UInt8]]
        let literalIsRaw: [Bool]
        /// Every regex by slot.
        let regexes: [RegexTemplate]

        init(rules: [Rule], patterns: [Patterns], literals: [[UInt8]], literalIsRaw: [Bool], regexes: [RegexTemplate]) {
            self.rules = rules
            self.patterns = patterns
            self.literals = literals
            self.literalIsRaw = literalIsRaw
            self.regexes = regexes
        }

        /// Compiles every rule's patterns, checking every regex.
        init(rules: [Rule]) throws(WinnowError) {
            var builder = Builder()
            var patterns: [Patterns] = []
            for rule in rules {
                let match = try builder.compile(rule.match, of: rule)
                let unless = try rule.unless.map { pattern throws(WinnowError) in try builder.compile(pattern, of: rule) }
                let unlessNext = try rule.unlessNext.map { pattern throws(WinnowError) in try builder.compile(pattern, of: rule) }
                patterns.append(Patterns(match: match, unless: unless, unlessNext: unlessNext))
            }
            self.init(
                rules: rules, patterns: patterns, literals: builder.literals, literalIsRaw: builder.literalIsRaw,
                regexes: builder.regexes)
        }
    }

    /// Collects literals and regexes while rules compile.
    private struct Builder {
        var literals: [[UInt8]] = []
        var literalIsRaw: [Bool] = []
        var ids: [String: Int] = [:]
        var regexes: [RegexTemplate] = []

        mutating func literalID(_ literal: [UInt8], _ input: RulePattern.Input) -> Int {
            let key = input.rawValue + ":" + String(decoding: literal, as: UTF8.self)
            if let id = ids[key] { return id }
            literals.append(literal)
            literalIsRaw.append(input == .raw)
            ids[key] = literals.count - 1
            return literals.count - 1
        }

        mutating func compile(_ pattern: RulePattern, of rule: Rule) throws(WinnowError) -> CompiledPattern {
            func form(_ phrase: String) -> [UInt8] {
                pattern.ignoreCase ? MatchSubject.fold(phrase) : Array(phrase.utf8)
            }
            var literalIDs: [Int]?
            var maxBytes: Int?
            var prefixes: PrefixSet?
            var requiresDigit = false
            var exactLiterals: [CompiledPattern.ExactLiteral]?
            var endings: EndingBytes?
            var requiresLineBreak = false
            var requiredTexts: RequiredTexts?
            let test: CompiledPattern.Test
            switch pattern.test {
            case .equals(let phrase):
                test = .equals(form(phrase))
                maxBytes = form(phrase).count
            case .prefix(let phrase):
                test = .prefix(form(phrase))
            case .contains(let phrase):
                test = .contains(form(phrase))
                literalIDs = [literalID(MatchSubject.fold(phrase), pattern.input)]
            case .anyOf(let phrases):
                let forms = phrases.map(form)
                test = .anyOf(Set(forms.map { String(decoding: $0, as: UTF8.self) }))
                // A line may add label punctuation the phrase lacks ("Related …").
                maxBytes = forms.map { $0.count }.max().map { $0 + CompiledRules.labelPunctuationSlack }
            case .regex(let source):
                regexes.append(try Self.template(source, ignoreCase: pattern.ignoreCase, rule: rule))
                let parsed = RequiredLiterals.Parsed(source)
                let grouped = RequiredLiterals.groupedAnchoredPrefixes(parsed)
                // Found on first need (patterns with strong prefixes need none) and kept for
                // the branches and the pattern.
                var knownRequirements: [[String]?]?? = nil
                func requirements() -> [[String]?]? {
                    if case .some(let known) = knownRequirements { return known }
                    let found = RequiredLiterals.alternativeRequirements(parsed)
                    knownRequirements = .some(found)
                    return found
                }
                test = .regex(
                    slot: regexes.count - 1,
                    branches: branches(
                        of: source, parsed: parsed, grouped: grouped?.branches, requirements: requirements, pattern,
                        isBuiltin: rule.location.isBuiltin))
                prefixes = (grouped.map { $0.whole } ?? RequiredLiterals.anchoredPrefixes(parsed)).map { PrefixSet($0) }
                requiresDigit = RequiredLiterals.requiresDigit(parsed)
                requiresLineBreak = RequiredLineBreak.of(regex: source)
                endings = RequiredLiterals.endingBytes(parsed, ignoreCase: pattern.ignoreCase)
                // An anchored pattern is found by its first byte and checked by its prefixes;
                // its inner literals would only add scanner hits, unless its prefixes are short
                // (`#`, `[`) and so common. (A block rule's prefixes flag the paragraphs worth
                // joining through their first line, unless they may reach past it.)
                let prefixesSuffice = prefixes.map { !$0.isWeak && (rule.scope != .block || !$0.containsLineBreak) } ?? false
                let chosen = prefixesSuffice ? nil : requirements().map(RequiredLiterals.of(requirements:)) ?? RequiredLiterals.of(parsed)
                requiredTexts = RequiredTexts(RequiredLiterals.allRequirements(parsed), besides: chosen)
                if let literals = chosen {
                    literalIDs = literals.map { literalID(Array($0.utf8), pattern.input) }
                    if !pattern.ignoreCase, let exact = RequiredLiterals.exact(parsed) {
                        var variants: [Int: [[UInt8]]] = [:]
                        for literal in exact {
                            variants[literalID(MatchSubject.fold(literal), pattern.input), default: []].append(Array(literal.utf8))
                        }
                        exactLiterals = variants.sorted { $0.key < $1.key }.map {
                            CompiledPattern.ExactLiteral(id: $0.key, variants: $0.value)
                        }
                    }
                }
            }
            return CompiledPattern(
                test: test, input: pattern.input, ignoreCase: pattern.ignoreCase, maxLength: pattern.maxLength,
                maxWords: pattern.maxWords, literalIDs: literalIDs, prefixes: prefixes, maxBytes: maxBytes,
                requiresDigit: requiresDigit, exactLiterals: exactLiterals, endings: endings,
                requiresLineBreak: requiresLineBreak, requiredTexts: requiredTexts)
        }

        /// The top-level alternatives of a regex, each compiled with its own prefilter, when
        /// every one has a prefilter (else splitting saves nothing); `[]` otherwise.
        ///
        /// - Parameters:
        ///   - whole: the pattern's parse, which each branch's is taken from where it can be.
        ///   - grouped: the branches' anchored prefixes (`groupedAnchoredPrefixes`), for the
        ///     branches whose parse is taken from the pattern's.
        ///   - requirements: the pattern's `alternativeRequirements`, for the same branches.
        mutating func branches(
            of source: String, parsed whole: RequiredLiterals.Parsed, grouped: [[[UInt8]]?]?,
            requirements: () -> [[String]?]?, _ pattern: RulePattern, isBuiltin: Bool
        ) -> [CompiledPattern.Branch] {
            guard let sources = RegexAlternatives.of(regex: source) else { return [] }
            var prepared: [(regex: RegexTemplate, literals: [String]?, prefixes: PrefixSet?, parsed: RequiredLiterals.Parsed)] = []
            let options: ICURegex.Options = pattern.ignoreCase ? [.caseInsensitive] : []
            for (number, branch) in sources.enumerated() {
                let taken = whole.branch(branch, number: number)
                let parsed = taken ?? RequiredLiterals.Parsed(branch)
                let found =
                    if taken != nil, let grouped, number < grouped.count {
                        grouped[number]
                    } else {
                        RequiredLiterals.anchoredPrefixes(parsed)
                    }
                let prefixes = found.map { PrefixSet($0) }
                // A branch with strong prefixes keeps no literals: they are not derived.
                let literals: [String]? =
                    if prefixes != nil && prefixes?.isWeak != true {
                        nil
                    } else if taken != nil, let required = requirements(), number < required.count {
                        RequiredLiterals.literals(required[number])
                    } else {
                        RequiredLiterals.of(parsed)
                    }
                guard prefixes != nil || literals != nil else { return [] }
                let template: RegexTemplate
                if isBuiltin {
                    template = RegexTemplate(deferred: branch, options: options)
                } else {
                    guard let regex = try? ICURegex(branch, options: options, timeLimit: regexTimeLimit) else { return [] }
                    template = RegexTemplate(compiled: regex, source: branch, options: options)
                }
                prepared.append((template, literals, prefixes, parsed))
            }
            return prepared.map { branch in
                regexes.append(branch.regex)
                return CompiledPattern.Branch(
                    slot: regexes.count - 1,
                    literalIDs: branch.literals.map { $0.map { literalID(Array($0.utf8), pattern.input) } },
                    prefixes: branch.prefixes, requiresDigit: RequiredLiterals.requiresDigit(branch.parsed),
                    endings: RequiredLiterals.endingBytes(branch.parsed, ignoreCase: pattern.ignoreCase),
                    requiresLineBreak: RequiredLineBreak.of(regex: String(decoding: branch.parsed.bytes, as: UTF8.self)),
                    requiredTexts: RequiredTexts(RequiredLiterals.allRequirements(branch.parsed), besides: branch.literals))
            }
        }

        /// A rule's regex: a built-in one deferred to its first use (BuiltinRulesTests compile
        /// and probe every one), a user's one compiled and probed now.
        static func template(_ source: String, ignoreCase: Bool, rule: Rule) throws(WinnowError) -> RegexTemplate {
            let options: ICURegex.Options = ignoreCase ? [.caseInsensitive] : []
            if rule.location.isBuiltin { return RegexTemplate(deferred: source, options: options) }
            let regex = try compileRegex(source, ignoreCase: ignoreCase, rule: rule)
            return RegexTemplate(compiled: regex, source: source, options: options)
        }

        /// Compiles a rule's regex and rejects one that matches the empty string or runs past
        /// the time limit on the rule's own examples or on classic backtracking traps.
        static func compileRegex(_ source: String, ignoreCase: Bool, rule: Rule) throws(WinnowError) -> ICURegex {
            func fail(_ detail: String) -> WinnowError {
                .invalidRuleFile(path: rule.location.path, line: rule.location.line, detail: "rule '\(rule.id)': \(detail)")
            }
            let regex: ICURegex
            do {
                regex = try ICURegex(source, options: ignoreCase ? [.caseInsensitive] : [], timeLimit: regexTimeLimit)
            } catch {
                throw fail("regex /\(source)/ \(error.message)")
            }
            var probes = ["", " ", "a", "x y", "1"]
            let examples = rule.examples.drop + rule.examples.keep + rule.examples.context
            for example in examples {
                probes.append(example.text)
                probes.append(Array(repeating: example.text, count: 4).joined(separator: " ") + "\u{1}")
            }
            for unit in ["a", "a ", "1", "1,", " ", "ab", "a.", "Aa ", "-", "\t"] {
                probes.append(String(repeating: unit, count: 40) + "\u{1}!")
            }
            for probe in probes {
                let found: Range<Int>?
                do {
                    found = try regex.firstMatch(in: probe)
                } catch {
                    let status = error.message.split(separator: " ").last.map(String.init) ?? error.message
                    throw fail(
                        "regex /\(source)/ ran past the time limit (\(status)) on a \(probe.utf8.count)-byte probe; "
                            + "it backtracks catastrophically, rewrite it without nested repetition")
                }
                if let found, found.isEmpty {
                    throw fail("regex /\(source)/ matches the empty string; it would match every line")
                }
            }
            return regex
        }
    }
}
