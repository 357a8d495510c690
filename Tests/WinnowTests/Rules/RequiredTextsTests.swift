import Testing
@testable import Winnow

/// A regex's requirements beyond its prefiltered one (`RequiredLiterals.allRequirements`,
/// `RequiredTexts`): every set is one the regex's matches need, so a line lacking a member of
/// one is turned away with the answer ICU gives.
@Suite struct RequiredTextsTests {
    private func requirements(_ pattern: String) -> [[String]] {
        RequiredLiterals.allRequirements(RequiredLiterals.Parsed(pattern))
    }

    @Test func everySmallRequirementOfTheTopSequence() {
        #expect(requirements("\\b(?:ctrl|strg)\\s*\\+\\s*(?:enter|eingabe)\\b") == [["ctrl", "strg"], ["+"], ["eingabe", "enter"]])
        #expect(requirements("Photo: \\w+ / AP") == [["photo: "], [" / ap"]])
        // Sets of more than `RequiredTexts.largestSet` texts, alternations at the top and
        // groups that are not word lists give none.
        #expect(requirements("x (?:a|b|c|d|e) y").isEmpty)
        #expect(requirements("x\\s(?:a|b|c|d|e) y") == [["x"]])
        #expect(requirements("abc|def").isEmpty)
        #expect(requirements("(?:ab\\d|cd\\d)x") == [["x"]])
        #expect(requirements("").isEmpty)
    }

    @Test func theChosenSetIsLeftOut() throws {
        let texts = try #require(RequiredTexts([["ctrl", "strg"], ["eingabe", "enter"]], besides: ["ctrl", "strg"]))
        func held(_ line: String) -> Bool {
            Array(line.utf8).withUnsafeBytes { texts.areHeld(in: $0) }
        }
        #expect(held("press enter"))
        #expect(held("eingabe"))
        #expect(!held("ctrl"))
        #expect(!held(""))
        #expect(!held("ent er"))
        #expect(held(String(repeating: "é ", count: 5000) + "enter"))
        #expect(RequiredTexts([["ctrl", "strg"]], besides: ["ctrl", "strg"]) == nil)
        #expect(RequiredTexts([["a", "b", "c", "d", "e"]], besides: nil) == nil)
    }


    @Test(arguments: [
        "\\b(?:ctrl|strg)\\s*\\+\\s*(?:enter|eingabe)\\b", "[\\s.](?:foto|bild|photo)\\s*:\\s*\\p{L}[^:]{0,60}\\s*$",
        "^(?:no|one|\\d+) comments? (?:so far|yet)$", "comments? (?:are|is) (?:the )?(?:views?|opinions?) of (?:the|their) authors?",
    ])
    func rulesAnswerAsTheRegexAlone(pattern: String) throws {
        let lines = [
            "Press Ctrl + Enter", "press ctrl+enter to send", "STRG + EINGABE", "ctrl enter", "enter the ctrl room",
            "A picture. Foto: Hans Meier", "Foto Hans Meier", "Bild: AP", "photo: 12", "No comments yet", "3 comments so far",
            "comments yet", "Comments are the views of their authors.", "comments are views of the authors",
            "the views of their authors", "Ünïcödé Ctrl + Enter", "",
            String(repeating: "ctrl and enter and comments ", count: 100),
        ]
        let regex = try ICURegex(pattern, options: [.caseInsensitive])
        let ruleSet = try RuleSet(rules: [TestRule.regex("test.texts", pattern)])
        let dropped = TestRule.dropped(by: ruleSet, in: lines.joined(separator: "\n\n"))
        #expect(dropped == (try lines.filter { try !$0.isEmpty && regex.matches($0) }), "\(pattern)")
    }
}
