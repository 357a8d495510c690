import Testing

@testable import Winnow

/// `EndingBytes` turns a line away from a `$`-anchored regex by its last byte; it may only let
/// too much through: whenever ICU finds a match, the filter admits the text.
@Suite struct EndingBytesTests {
    private func endings(_ pattern: String, ignoreCase: Bool = false) -> EndingBytes? {
        RequiredLiterals.endingBytes(regex: pattern, ignoreCase: ignoreCase)
    }

    private func admits(_ set: EndingBytes, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { set.admits(UnsafeRawBufferPointer($0)) }
    }

    private func icuMatches(_ pattern: String, ignoreCase: Bool, _ text: String) throws -> Bool {
        let regex = try ICURegex(pattern, options: ignoreCase ? [.caseInsensitive] : [], timeLimit: 100)
        return try regex.firstMatch(in: text) != nil
    }

    @Test func derivesTheLastCharacterBeforeTheEnd() {
        #expect(endings(#"\([^)\s]*\)\s*$"#) == EndingBytes(Array(")".utf8)))
        #expect(endings(#"foo$|ba[rz]\z"#) == EndingBytes(Array("orz".utf8)))
        #expect(endings(#"^Foo\b\s*$"#, ignoreCase: true) == EndingBytes(Array("oO".utf8)))
        #expect(endings(#"(?:\d+|x)(?: ?y)?$"#) == EndingBytes(Array("0123456789xy".utf8)))
        #expect(endings(#"(?:a$|b\Z)"#) == EndingBytes(Array("ab".utf8)))
        // Case-sensitive non-ASCII: only texts ending in a non-ASCII byte pass.
        #expect(endings("é$") == EndingBytes())
    }

    @Test func givesUpWhenUnsure() {
        for pattern in [
            "foo", "foo$|bar", ".$", #"\w$"#, "a?$", "(?:a|)$", "[ a]$", "(?i)a$", "(?m)a$", "(?-x)a$", "a(?=b)$",
            #"a\Q)\E$"#, "[^a]$", "(?<=a)$", #"(a)\1$"#, "^$", "a$ *",
        ] {
            #expect(endings(pattern) == nil, "\(pattern)")
        }
        // A case-insensitive non-ASCII character may match ASCII (`ß` and `ss`, the Kelvin sign).
        #expect(endings("ß$", ignoreCase: true) == nil)
        #expect(endings("ß$") != nil)
    }

    @Test func admitsByTheLastByteBeforeTrailingWhiteSpace() throws {
        let set = EndingBytes(Array(")".utf8))
        #expect(admits(set, "a (b)"))
        #expect(admits(set, "a (b) \t\r\n"))
        #expect(!admits(set, "a (b) c"))
        #expect(admits(set, "a (b)\u{A0}"))
        #expect(admits(set, "a (b)\u{2028}"))
        #expect(admits(set, "   "))
        #expect(admits(set, ""))
        #expect(try icuMatches(#"\)$"#, ignoreCase: false, "a (b)\u{2028}"))
    }

    /// Random small patterns over a small alphabet, each compiled with ICU: every text ICU
    /// finds a match in is admitted.
    @Test func randomPatternsNeverLoseAMatch() throws {
        var generator = SplitMix(state: 0xE4D5)
        let atoms = [
            "a", "b", "A", #"\)"#, #"\s"#, " ", #"\d"#, "[ab]", "[b)]", "(?:a|b\\s*)", "(?:x|)", "é", "ß", #"\b"#, "$", #"\z"#,
            #"\Z"#, "(?:a$|b)", "(?:k|\\))", ".", "K",
        ]
        let quantifiers = ["", "", "", "?", "+", "*", "{0,2}"]
        let ends = ["$", #"\s*$"#, #"\z"#, "", #"$\s*"#, #"\b$"#]
        let textPieces = ["a", "A", "b", "B", ")", " ", "\t", "\n", "\r\n", "1", "x", "é", "É", "ß", "ss", "S", "\u{A0}", "\u{2028}", "k", "\u{212A}"]
        var filtered = 0
        var turnedAway = 0
        for _ in 0..<3000 {
            let alternatives = (0..<(1 + generator.below(2))).map { _ in
                (0..<(1 + generator.below(4))).map { _ in
                    atoms[generator.below(atoms.count)] + quantifiers[generator.below(quantifiers.count)]
                }.joined() + ends[generator.below(ends.count)]
            }
            let pattern = alternatives.joined(separator: "|")
            let ignoreCase = generator.below(2) == 0
            guard let set = endings(pattern, ignoreCase: ignoreCase),
                let regex = try? ICURegex(pattern, options: ignoreCase ? [.caseInsensitive] : [], timeLimit: 100)
            else { continue }
            filtered += 1
            for _ in 0..<40 {
                let text = (0..<generator.below(7)).map { _ in textPieces[generator.below(textPieces.count)] }.joined()
                if admits(set, text) { continue }
                turnedAway += 1
                #expect(try regex.firstMatch(in: text) == nil, "pattern \(pattern) ignoreCase \(ignoreCase) text \(Array(text.utf8))")
            }
        }
        #expect(filtered > 300)
        #expect(turnedAway > 5000)
    }

    /// The built-in regexes (and their top-level branches) with an ending filter, on the rules'
    /// example lines and variants of them with other endings: the filter turns away no line
    /// ICU finds a match in.
    @Test func builtinRulesNeverLoseAMatch() throws {
        let rules = try RuleSet.builtin().rules
        let lines = BuiltinPrefilterEquivalenceTests.probeLines(rules, count: 3000, seed: 606)
        let tails = ["", " ", ")", ".", " x", "\u{A0}", "\r\n", "]", "1", " |", "…", "\u{2028}"]
        var patterns: [(source: String, ignoreCase: Bool)] = []
        for rule in rules {
            for pattern in [rule.match] + (rule.unless.map { [$0] } ?? []) {
                guard case .regex(let source) = pattern.test else { continue }
                patterns.append((source, pattern.ignoreCase))
                for branch in RegexAlternatives.of(regex: source) ?? [] { patterns.append((branch, pattern.ignoreCase)) }
            }
        }
        var filtered = 0
        var turnedAway = 0
        for (source, ignoreCase) in patterns {
            guard let set = endings(source, ignoreCase: ignoreCase) else { continue }
            filtered += 1
            let regex = try ICURegex(source, options: ignoreCase ? [.caseInsensitive] : [], timeLimit: 100)
            for (index, line) in lines.enumerated() {
                let text = line + tails[index % tails.count]
                if admits(set, text) { continue }
                turnedAway += 1
                #expect(try regex.firstMatch(in: text) == nil, "/\(source)/ on \(text)")
            }
        }
        #expect(filtered > 20)
        #expect(turnedAway > 10_000)
        // The rule the filter was made for.
        let dateIndex = try #require(rules.first { $0.id == "navigation.date-index-link" })
        guard case .regex(let source) = dateIndex.match.test else { Issue.record("not a regex"); return }
        #expect(endings(source, ignoreCase: dateIndex.match.ignoreCase) == EndingBytes(Array(")".utf8)))
    }
}
