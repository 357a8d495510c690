import Testing

@testable import Winnow

/// Anchored prefixes with white-space runs and optional groups, and regexes split into their
/// top-level branches: prefilters that may only let too much through, never too little.
@Suite struct RegexPrefilterTests {
    func rule(_ id: String, _ pattern: String, input: RulePattern.Input, scope: RuleScope = .line) -> Rule {
        Rule(
            id: id, name: id, description: "test rule", scope: scope, match: RulePattern(.regex(pattern), input: input),
            action: .drop,
            examples: RuleExamples(drop: [RuleExample(text: "x", line: 1)], keep: [RuleExample(text: "y", line: 1)]),
            location: RuleLocation(path: "test.yaml", line: 1))
    }

    func prefixes(_ pattern: String) -> [String]? {
        RequiredLiterals.anchoredPrefixes(regex: pattern)?.map { bytes in
            let shown = bytes.map { $0 == RequiredLiterals.spaceRun ? UInt8(ascii: "~") : $0 == RequiredLiterals.digit ? UInt8(ascii: "%") : $0 }
            return String(decoding: shown, as: UTF8.self)
        }
    }

    @Test func anchoredPrefixesFollowSpacesAndOptionalGroups() {
        #expect(prefixes(#"^\[\s*\]\s*(?:Notify me|E-?mail)"#) == ["[~]~e-mail", "[~]~email", "[~]~notify me"])
        #expect(prefixes(#"^(?:#{1,6}\s*|[*+-]\s+)?\[\d"#) == ["#", "*~[%", "+~[%", "-~[%", "[%"])
        #expect(prefixes(#"^RTR[0-9A-Z]{4,8}$"#) == ["rtr"])
        #expect(prefixes(#"^\s*x"#) == nil)  // a prefix never starts with a space run
        #expect(prefixes(#"^(?:\d+ )?people"#) == ["people", "%"])
        #expect(prefixes(#"^(?:\w+ )?people"#) == nil)
        #expect(prefixes(#"^(?:[‹«]\s*)?\d"#) == ["«~%", "‹~%", "%"])
        // Within the limit, every way through is a prefix.
        #expect(
            prefixes(#"^(?:(?:a|b)\s+)?(?:[12]\s*)?\[?\d{1,3} of"#)
                == ["1~[%", "1~%", "2~[%", "2~%", "[%", "a~1~[%", "a~1~%", "a~2~[%", "a~2~%", "a~[%", "a~%"]
                + ["b~1~[%", "b~1~%", "b~2~[%", "b~2~%", "b~[%", "b~%", "%"])
        // Too many ways through: the runs with text stop, the empty one goes on.
        let words = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { "b" + String(UnicodeScalar($0)) }
            + (UInt8(ascii: "a")...UInt8(ascii: "f")).map { "c" + String(UnicodeScalar($0)) }
        #expect(
            prefixes("^(?:(?:" + words.joined(separator: "|") + #")\s+)?(?:[1234567]\s*)?\[?\d{1,3} of"#)
                == (1...7).flatMap { ["\($0)~[%", "\($0)~%"] } + ["[%"] + words + ["%"])
        #expect(prefixes(#"^a \s*b"#) == ["a ~b"])
        #expect(prefixes(#"^a\s* b"#) == ["a~b"])  // the space after the run is part of it
    }

    @Test func spaceRunsMatchAnyWhiteSpace() {
        let set = PrefixSet([Array("[".utf8) + [RequiredLiterals.spaceRun] + Array("]".utf8) + [RequiredLiterals.spaceRun] + Array("name".utf8)])
        #expect(set.isPrefix(of: Array("[] name".utf8)))
        #expect(set.isPrefix(of: Array("[ \t]name: x".utf8)))
        #expect(!set.isPrefix(of: Array("[x] name".utf8)))
        #expect(!set.isPrefix(of: Array("[] nam".utf8)))
        #expect(set.isPrefix(of: Array("[\u{A0}] name".utf8)))  // maybe a Unicode space: let through
        #expect(set.containsLineBreak)
        let digits = PrefixSet([[RequiredLiterals.digit] + Array(" of".utf8)])
        #expect(digits.isPrefix(of: Array("7 of 9".utf8)))
        #expect(!digits.isPrefix(of: Array("x of 9".utf8)))
        #expect(digits.isPrefix(of: Array("٣ of ٧".utf8)))
    }

    @Test func alternationsSplitAtTheTopLevelOnly() {
        #expect(RegexAlternatives.of(regex: "(?:a|b(?:c|d)|[|]e)") == ["a", "b(?:c|d)", "[|]e"])
        #expect(RegexAlternatives.of(regex: #"x\|y|z"#) == [#"x\|y"#, "z"])
        #expect(RegexAlternatives.of(regex: "(?:a|b)c") == ["ac", "bc"])
        #expect(RegexAlternatives.of(regex: "(?:a|b)c|d") == ["(?:a|b)c", "d"])
        #expect(RegexAlternatives.of(regex: "(?:a|b)(?:c|d)") == ["a(?:c|d)", "b(?:c|d)"])
        #expect(RegexAlternatives.of(regex: "(?:a|b)c)|d") == nil)
        #expect(RegexAlternatives.of(regex: "(?i)a|b") == nil)
        #expect(RegexAlternatives.of(regex: #"(a)\1|b"#) == nil)
        #expect(RegexAlternatives.of(regex: "abc") == nil)
    }

    @Test func anchorsAroundAnAlternationGoIntoEveryBranch() {
        #expect(RegexAlternatives.of(regex: "^(?:a|b(?:c|d))") == ["^a", "^b(?:c|d)"])
        #expect(RegexAlternatives.of(regex: "^(?:a|b)$") == ["^a$", "^b$"])
        #expect(RegexAlternatives.of(regex: "^(?:a|b)+") == nil)
        #expect(RegexAlternatives.of(regex: "^(?:a|b)c") == nil)
        #expect(RegexAlternatives.of(regex: #"(?:a|b)\s*$"#) == [#"a\s*$"#, #"b\s*$"#])
        #expect(RegexAlternatives.of(regex: #"\b(?:a|b)c"#) == [#"\bac"#, #"\bbc"#])
        #expect(RegexAlternatives.of(regex: #"\b(?:a|b)*c"#) == nil)
        #expect(RegexAlternatives.of(regex: "^(?:a|b)?c") == nil)
        #expect(RegexAlternatives.of(regex: "^(?:a|b){2}") == nil)
        #expect(RegexAlternatives.of(regex: "^(?>a|ab)$") == nil)
        #expect(RegexAlternatives.of(regex: #"^(?:a|b)\$"#) == nil)
        #expect(RegexAlternatives.of(regex: "^(?:a|)$") == nil)
    }

    /// The same patterns with the prefilters (plain) and without them (`(?-x)` stops both the
    /// prefixes and the split) must drop exactly the same lines, of plain and raw text.
    @Test(arguments: [
        #"^(?:(?:previous|prev)\s+)?(?:[‹«<←]\s*)?\[?\d{1,3}\s*\]?(?:\s+/\s+|\s*(?:of|von)\s+)\d{1,3}$"#,
        #"^\[\s*\]\s*(?:Notify me|Subscribe|E-?mail|Website)"#,
        #"^(?:#{1,6}\s*|[*+-]\s+)?\[(?:\d{4}-\d\d|\p{L}+ \d{4})\]\([^)\s]*\)\s*$"#,
        #"^(?:[«‹←<]\s*[^|]{1,60}+\|\s*(?:main|home)\s*$|[«‹←<]?\s*(?:previous|prev) post\b.{0,60}?\bnext post\b|(?:previous|next)\s*[»›→]$)"#,
        #"^(?:share|share on (?:x|facebook)|print|e-?mail)(?:\s*\|\s*(?:share|print|e-?mail))*$"#,
        #"(?:\brate this comment\b|^report (?:this comment|abuse)\s*[.!]?$|\b(?:log ?in|sign in) or register to comment\b|^(?:\d+ )?(?:people|readers) liked this\.?$)"#,
    ])
    func prefiltersKeepTheAnswers(pattern: String) throws {
        let lines = [
            "[ ] Notify me of new posts", "[] E-mail", "[ ]\u{A0}Website", "[x] Notify me", "Notify me", "[ ]  email address",
            "# [2012-04](/archive/2012/04)", "* [March 2013](/2013/03)  ", "[May 2014](/2014/05)", "- [Home](/)",
            "#[2012-04](/x)", "  * [2012-04](/x)", "Rate this comment", "Please RATE THIS COMMENT now", "report abuse!",
            "Report this comment", "report abuse now", "Log in or register to comment", "12 people liked this.",
            "readers liked this", "Some people liked this", "nothing here", "1 of 6", "‹ 3 / 7", "Previous 1 / 13",
            "٣ of ٧", "[2] of 5", "x 1 of 2", "12 of 2012 days", "prev  4 von 5", "« Older post | Main", "‹ a | HOME ",
            "main street | home", "home", "Previous post Title next post", "previous", "Next »", "next » more",
            "Share | Print | Email", "Share on Facebook", "share it", "print | e-mail | share",
        ]
        var found = 0
        for input in [RulePattern.Input.plain, .raw] {
            var document = Document(id: "t", blocks: Segmenter().blocks(from: lines.joined(separator: "\n\n")))
            var reference = document
            try RuleSet(rules: [rule("t.fast", pattern, input: input)]).apply(to: &document, options: RuleOptions())
            try RuleSet(rules: [rule("t.slow", "(?-x)" + pattern, input: input)]).apply(to: &reference, options: RuleOptions())
            let fast = document.blocks.filter { $0.verdict != nil }.map(\.text)
            let slow = reference.blocks.filter { $0.verdict != nil }.map(\.text)
            #expect(fast == slow, "\(input)")
            found += fast.count
        }
        #expect(found > 0)
    }

    /// An anchored block rule with no literal prefilter is found through its paragraph's first
    /// line, as a memoised line outcome too (the same paragraph twice).
    @Test func anchoredBlockRulesFindTheirParagraphs() throws {
        let pattern = #"\A(?:RT[RSX][0-9A-Z]{4,8}|AP[0-9]{8,14})(?:\n|\z)"#
        let text = "RTR3TDRG\n\nSome report text\nRTR3TDRG\n\nAP12345678\nmore\n\nRTR3TDRG\n\nrtx1234 part"
        var results: [[String]] = []
        for variant in [pattern, "(?-x)" + pattern] {
            var document = Document(id: "t", blocks: Segmenter().blocks(from: text))
            try RuleSet(rules: [rule("t.block", variant, input: .plain, scope: .block)]).apply(to: &document, options: RuleOptions())
            results.append(document.blocks.filter { $0.verdict != nil }.map(\.text))
        }
        #expect(results[0] == results[1])
        #expect(results[0] == ["RTR3TDRG", "AP12345678", "more", "RTR3TDRG"])
    }
}
