import Testing
@testable import Winnow

/// A class of rare marks (`[$€£]`) as a regex's required literals (`RequiredLiterals.isRareMark`):
/// the prefilter it makes turns lines away before ICU with the same answers as the regex alone.
@Suite struct ClassRequirementTests {
    @Test func aClassOfRareMarksIsARequirement() {
        let price = "^(?:[$€£]\\s?\\d[\\d,.]*|\\d[\\d,.]*\\s?[$€£])\\s+(?:at|from|@|bei|chez|en|su)\\s+\\S.{0,30}$"
        #expect(RequiredLiterals.of(regex: price) == ["$", "£", "€"])
        #expect(RequiredLiterals.of(regex: "[（(]\\d+[）)]") != nil)
        #expect(RequiredLiterals.of(regex: "\\d+[#@]") == ["#", "@"])
    }

    @Test func commonOrOptionalClassesAreNot() {
        // Letters, digits, spaces and the punctuation of ordinary text would be reported all
        // over a line; an optional class is no requirement at all.
        #expect(RequiredLiterals.of(regex: "\\d+[ab]") == nil)
        #expect(RequiredLiterals.of(regex: "\\d+[.,]") == nil)
        #expect(RequiredLiterals.of(regex: "\\d+[–—]") == nil)
        #expect(RequiredLiterals.of(regex: "\\d+[$€]?") == nil)
        #expect(RequiredLiterals.of(regex: "total[$€]") == ["total"])
    }

    @Test func rareMarks() throws {
        for mark in ["$", "@", "#", "%", "&", "(", ")", "€", "£", "¥", "（", "）", "。", "！"] {
            #expect(RequiredLiterals.isRareMark(try #require(RequiredLiterals.PatternCharacter(Array(mark.utf8)[...]))), "\(mark)")
        }
        for mark in ["a", "Z", "7", " ", ".", ",", "-", "'", "–", "«", "•", "é", "ß"] {
            #expect(!RequiredLiterals.isRareMark(try #require(RequiredLiterals.PatternCharacter(Array(mark.utf8)[...]))), "\(mark)")
        }
    }



    @Test(arguments: [
        "^(?:[$€£]\\s?\\d[\\d,.]*|\\d[\\d,.]*\\s?[$€£])\\s+(?:at|from|@|bei|chez|en|su)\\s+\\S.{0,30}$",
        "^[^。！？!?]{2,60}[（(]\\d{1,2}/\\d{1,2}/\\d{4}[）)]$", "\\d+\\s*[#@]\\w+", "[$]\\d+ off",
    ])
    func classRulesAnswerAsTheRegexAlone(pattern: String) throws {
        let lines = [
            "$19.99 at Amazon", "19,99 € bei Otto", "£5 from Tesco", "19.99 at Amazon", "Price: $5 at shop", "",
            "新しい記事です（1/2/2024）", "新しい記事です(1/2/2024)", "新しい記事です 1/2/2024", "12 #tag", "12 @user",
            "12 tag", "$20 OFF", "20 off", "€20 off", "A very long line that mentions $ and @ and # but no numbers at all",
            String(repeating: "costs $5 at a shop ", count: 200), "ÄÖÜ $5 at Café", "€",
        ]
        let regex = try ICURegex(pattern, options: [.caseInsensitive])
        let ruleSet = try RuleSet(rules: [TestRule.regex("test.class", pattern)])
        let text = lines.joined(separator: "\n\n")
        let expected = try lines.filter { try !$0.isEmpty && regex.matches($0) }
        #expect(TestRule.dropped(by: ruleSet, in: text) == expected, "\(pattern)")
    }
}
