import Testing

@testable import Winnow

/// A branch's parse taken from its whole pattern's (`Parsed.branch`) is the one parsing the
/// branch alone gives, or there is none (and the branch is parsed).
@Suite struct BranchParseTests {
    /// Every branch `RegexAlternatives` makes of `pattern` parses alike both ways; returns how
    /// many branches were taken from the whole.
    @discardableResult
    func checkBranches(_ pattern: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let whole = RequiredLiterals.Parsed(pattern)
        var taken = 0
        for (number, branch) in (RegexAlternatives.of(regex: pattern) ?? []).enumerated() {
            guard let reused = whole.branch(branch, number: number) else { continue }
            let alone = RequiredLiterals.Parsed(branch)
            #expect(reused.bytes == alone.bytes, "\(branch)", sourceLocation: sourceLocation)
            #expect(reused.alternatives == alone.alternatives, "\(branch)", sourceLocation: sourceLocation)
            #expect(reused.openings == alone.openings, "\(branch)", sourceLocation: sourceLocation)
            taken += 1
        }
        return taken
    }

    /// `groupedAnchoredPrefixes` gives `anchoredPrefixes` of the pattern and of each branch
    /// whose parse is taken from the pattern's; returns whether the pattern has that shape.
    @discardableResult
    func checkGroupedPrefixes(_ pattern: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let whole = RequiredLiterals.Parsed(pattern)
        guard let grouped = RequiredLiterals.groupedAnchoredPrefixes(whole) else { return false }
        #expect(grouped.whole == RequiredLiterals.anchoredPrefixes(whole), "\(pattern)", sourceLocation: sourceLocation)
        for (number, branch) in (RegexAlternatives.of(regex: pattern) ?? []).enumerated()
        where whole.branch(branch, number: number) != nil {
            #expect(number < grouped.branches.count, sourceLocation: sourceLocation)
            guard number < grouped.branches.count else { continue }
            #expect(grouped.branches[number] == RequiredLiterals.anchoredPrefixes(regex: branch), "\(branch)", sourceLocation: sourceLocation)
        }
        return true
    }

    /// `alternativeRequirements` give `of` of the pattern and of each branch whose parse is
    /// taken from the pattern's; returns whether the pattern has that shape.
    @discardableResult
    func checkRequirements(_ pattern: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let whole = RequiredLiterals.Parsed(pattern)
        guard let requirements = RequiredLiterals.alternativeRequirements(whole) else { return false }
        #expect(RequiredLiterals.of(requirements: requirements) == RequiredLiterals.of(whole), "\(pattern)", sourceLocation: sourceLocation)
        for (number, branch) in (RegexAlternatives.of(regex: pattern) ?? []).enumerated()
        where whole.branch(branch, number: number) != nil {
            #expect(number < requirements.count, sourceLocation: sourceLocation)
            guard number < requirements.count else { continue }
            #expect(RequiredLiterals.literals(requirements[number]) == RequiredLiterals.of(regex: branch), "\(branch)", sourceLocation: sourceLocation)
        }
        return true
    }

    @Test func requirementsAreThePatternsAndTheBranches() throws {
        var shaped = 0
        for rule in try RuleSet.builtin().rules {
            for pattern in [rule.match] + (rule.unless.map { [$0] } ?? []) {
                if case .regex(let source) = pattern.test, checkRequirements(source) { shaped += 1 }
            }
        }
        #expect(shaped > 10)
        #expect(checkRequirements("(?:likes|views|shares)"))
        #expect(checkRequirements(#"(?:\bab+c|d\s*e|f?g)"#))
        #expect(checkRequirements(#"x\d|y|z*"#))
        #expect(checkRequirements("(?:a|)"))
        #expect(!checkRequirements("(?:a|b)c"))
    }

    @Test func builtInBranchesParseAlikeEitherWay() throws {
        var taken = 0
        var grouped = 0
        for rule in try RuleSet.builtin().rules {
            for pattern in [rule.match] + (rule.unless.map { [$0] } ?? []) {
                guard case .regex(let source) = pattern.test else { continue }
                taken += checkBranches(source)
                if checkGroupedPrefixes(source) { grouped += 1 }
            }
        }
        #expect(taken > 100)
        #expect(grouped > 10)
    }

    @Test func groupedPrefixesAreThePatternsAndTheBranches() {
        #expect(checkGroupedPrefixes("^(?:ab|c(?:d|e)f)$"))
        #expect(checkGroupedPrefixes(#"^(?:\s*x|y\d)"#))
        #expect(checkGroupedPrefixes(#"^(?:(?:a|b)\s*[*+-]?c|d+|)$"#))
        // More than 256 ways through the group: the pattern has no prefixes, its branches do.
        #expect(checkGroupedPrefixes("^(?:a?b?c?d?e?f?g?h?i?j|x?y?z?w?)"))
        let crowded = "^(?:a?b?c?d?e?f?g?h|i?j?k?l?m?n?o?p|q?r?s?t?u?v?w?x)"
        #expect(checkGroupedPrefixes(crowded))
        #expect(RequiredLiterals.anchoredPrefixes(regex: crowded) == nil)
        #expect(RequiredLiterals.anchoredPrefixes(regex: "^a?b?c?d?e?f?g?h")?.count == 128)
        #expect(!checkGroupedPrefixes("^(?:a|b)c"))
        #expect(!checkGroupedPrefixes("(?:^a|^b)"))
    }

    @Test func joinsAndUnusualSyntaxParseAlikeOrAreParsedAgain() {
        #expect(checkBranches("a|b|c") == 3)
        #expect(checkBranches("^(?:ab|c(?:d|e)f)$") == 2)
        #expect(checkBranches(#"\b(?:likes?|views)\s*$"#) == 2)
        #expect(checkBranches("(?:a|b)c") == 2)
        for pattern in [
            "(?:[|]x|y)z", #"x\|y|z"#, #"(?:a\p{L}|b)$"#, #"(?:a\x|b)c"#, #"(?:a\\|b)Qc"#, "(?:a|b)(?:c|d)",
            "^(?:a*|b+?)$", "(?:(?<n>a)|b)c", "(?:a|)b", "(?:a{2}|b{1,3})", #"(?:[\]|]a|b)"#, "(?:é|ü)ß",
        ] {
            checkBranches(pattern)
        }
    }
}
