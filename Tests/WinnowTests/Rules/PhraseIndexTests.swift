import Testing
@testable import Winnow

/// Whole-line phrases (`equals`, `any-of`) found by their bytes for an ASCII line, by `String`
/// equality otherwise: the same lines as before either way.
@Suite struct PhraseIndexTests {
    private func rule(_ id: String, _ test: RulePattern.Test, input: RulePattern.Input = .plain) -> Rule {
        Rule(
            id: id, name: id, description: "test rule", scope: .line, match: RulePattern(test, input: input),
            action: .drop, caption: false,
            examples: RuleExamples(drop: [RuleExample(text: "x", line: 1)], keep: [RuleExample(text: "y", line: 1)]),
            location: RuleLocation(path: "test.yaml", line: 1))
    }

    private func dropped(_ ruleSet: RuleSet, _ lines: [String]) -> [String] {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: lines.joined(separator: "\n\n")))
        ruleSet.apply(to: &document, options: RuleOptions())
        return document.blocks.filter { $0.verdict?.action == .drop }.map(\.text)
    }

    @Test func asciiAndOtherLinesFindTheirPhrases() throws {
        let ruleSet = try RuleSet(rules: [
            rule("a.menu", .anyOf(["Home", "Über uns", "Contact"])),
            rule("a.raw", .equals("[Home](/)"), input: .raw),
            rule("a.share", .equals("Share")),
        ])
        #expect(compiledPhrases(ruleSet) != nil)
        let lines = ["HOME", "home page", "über UNS", "Uber uns", "contact", "[Home](/)", "[home](/)", "SHARE", "Shares"]
        #expect(dropped(ruleSet, lines) == ["HOME", "über UNS", "contact", "[Home](/)", "[home](/)", "SHARE"])
    }

    @Test func aPhraseEquivalentToASCIITextKeepsStringEquality() throws {
        // U+037E GREEK QUESTION MARK is canonically equivalent to `;`: a `String` key would
        // match the ASCII line and bytes would not, so the byte index is off. (The line is
        // shorter than the phrase in bytes, so the length filter turns it away either way.)
        let ruleSet = try RuleSet(rules: [rule("a.mark", .anyOf(["\u{037E}"])), rule("a.word", .equals("Menu"))])
        #expect(compiledPhrases(ruleSet) == nil)
        #expect(dropped(ruleSet, [";", "menu", "x"]) == ["menu"])
    }

    private func compiledPhrases(_ ruleSet: RuleSet) -> LineMemo<[Int32]>? {
        ruleSet.compiled.asciiPhrases
    }
}
