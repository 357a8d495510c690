/// A rule set compiled for matching: patterns, literal scanners and the regex pool.
///
/// Built once per `RuleSet` and shared read-only by every worker; the only mutable part, the
/// regexes, lives in `RegexPool`.
final class CompiledRules: Sendable {
    struct Entry: Sendable {
        let rule: Rule
        let match: CompiledPattern
        let unless: CompiledPattern?
    }

    let rules: [Rule]
    let entries: [Entry]
    let plainScanner: LiteralScanner
    let rawScanner: LiteralScanner
    let readsRaw: Bool
    let regexes: RegexPool

    /// ICU's time limit for one match, in its steps (roughly milliseconds).
    static let regexTimeLimit: Int32 = 100

    init(rules: [Rule]) throws(WinnowError) {
        var builder = Builder()
        var entries: [Entry] = []
        for rule in rules {
            let match = try builder.compile(rule.match, of: rule)
            let unless = try rule.unless.map { pattern throws(WinnowError) in try builder.compile(pattern, of: rule) }
            entries.append(Entry(rule: rule, match: match, unless: unless))
        }
        self.rules = rules
        self.entries = entries
        plainScanner = LiteralScanner(literals: builder.plainLiterals)
        rawScanner = LiteralScanner(literals: builder.rawLiterals)
        readsRaw = rules.contains { $0.match.input == .raw || $0.unless?.input == .raw }
        regexes = RegexPool(templates: builder.regexes)
    }

    /// Collects literals and regexes while rules compile.
    private struct Builder {
        var plainLiterals: [[UInt8]] = []
        var rawLiterals: [[UInt8]] = []
        var plainIDs: [[UInt8]: Int] = [:]
        var rawIDs: [[UInt8]: Int] = [:]
        var regexes: [ICURegex] = []

        mutating func literalID(_ literal: [UInt8], _ input: RulePattern.Input) -> Int {
            switch input {
            case .plain:
                if let id = plainIDs[literal] { return id }
                plainLiterals.append(literal)
                plainIDs[literal] = plainLiterals.count - 1
                return plainLiterals.count - 1
            case .raw:
                if let id = rawIDs[literal] { return id }
                rawLiterals.append(literal)
                rawIDs[literal] = rawLiterals.count - 1
                return rawLiterals.count - 1
            }
        }

        mutating func compile(_ pattern: RulePattern, of rule: Rule) throws(WinnowError) -> CompiledPattern {
            func form(_ phrase: String) -> [UInt8] {
                pattern.ignoreCase ? MatchSubject.fold(phrase) : Array(phrase.utf8)
            }
            var literalIDs: [Int]?
            var maxBytes: Int?
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
                test = .anyOf(Set(forms))
                maxBytes = forms.map(\.count).max()
            case .regex(let source):
                let regex = try Self.compileRegex(source, ignoreCase: pattern.ignoreCase, rule: rule)
                regexes.append(regex)
                test = .regex(slot: regexes.count - 1)
                if let literals = RequiredLiterals.of(regex: source) {
                    literalIDs = literals.map { literalID(Array($0.utf8), pattern.input) }
                }
            }
            return CompiledPattern(
                test: test, input: pattern.input, ignoreCase: pattern.ignoreCase, maxLength: pattern.maxLength,
                maxWords: pattern.maxWords, literalIDs: literalIDs, maxBytes: maxBytes)
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
                    throw fail(
                        "regex /\(source)/ ran past the time limit (\(error.message)) on a \(probe.utf8.count)-byte probe; "
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
