import Testing
@testable import Winnow

/// A case-sensitive regex's literals in the pattern's own case (`RequiredLiterals.exact`) and
/// the gate built on them: a line that holds a literal only in another case is turned away
/// before ICU, with the same answers as the regex alone.
@Suite struct ExactCaseLiteralTests {
    @Test func exactLiteralsKeepThePatternsCase() {
        #expect(RequiredLiterals.exact(regex: "\\.\\s+(?:EFE|AP|dpa)\\s*$") == ["AP", "EFE", "dpa"])
        #expect(RequiredLiterals.exact(regex: "^RTR[0-9A-Z]{4,8}$") == ["RTR"])
        #expect(RequiredLiterals.of(regex: "\\.\\s+(?:EFE|AP|dpa)\\s*$") == ["ap", "dpa", "efe"])
    }

    @Test func inlineFlagsGiveNoExactLiterals() {
        #expect(RequiredLiterals.exact(regex: "(?i)AP photo") == nil)
        #expect(RequiredLiterals.exact(regex: "by (?i:AP) photo") == nil)
        #expect(RequiredLiterals.exact(regex: "(?x) A P") == nil)
        #expect(RequiredLiterals.exact(regex: "x?") == nil)
        // Groups that set no flag keep the literals.
        #expect(RequiredLiterals.exact(regex: "(?:AP|AFP)(?=\\s)(?#note)") == ["AFP", "AP"])
    }



    @Test(arguments: [
        "\\.\\s+(?:EFE|AP|Reuters|REUTERS)\\s*$", "\\bAP\\b", "Straße|STRASSE", "(?:É|é)té\\b", "ap",
    ])
    func caseSensitiveRulesAnswerAsTheRegexAlone(pattern: String) throws {
        let lines = [
            "A happy ending. AP", "A happy ending. ap", "Happy days", "The AP wrote", "snap AP", "the ap", "AP",
            "In der Straße", "IN DER STRASSE", "in der strasse", "Été", "été", "ÉTÉ", "l'été est là", "ap ap AP",
            "Reuters. reuters", "Note. Reuters", "Note. REUTERS", "",
        ]
        let regex = try ICURegex(pattern)
        let ruleSet = try RuleSet(rules: [TestRule.regex("test.exact", pattern, ignoreCase: false)])
        let text = lines.joined(separator: "\n\n")
        let expected = try lines.filter { try !$0.isEmpty && regex.matches($0) }
        #expect(TestRule.dropped(by: ruleSet, in: text) == expected, "\(pattern)")
    }

    @Test func aCaseSensitiveBlockRuleStillMatchesItsParagraph() throws {
        let ruleSet = try RuleSet(rules: [TestRule.regex("test.exact", "Photo: AP$", ignoreCase: false, scope: .block)])
        #expect(TestRule.dropped(by: ruleSet, in: "A caption line\nPhoto: AP") == ["A caption line", "Photo: AP"])
        #expect(TestRule.dropped(by: ruleSet, in: "A caption line\nphoto: ap").isEmpty)
    }
}
