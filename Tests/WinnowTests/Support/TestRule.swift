@testable import Winnow

/// Rules made in code for prefilter tests, and what a rule set drops: the rule's examples and
/// location are placeholders (the tests check matching, not the file format).
enum TestRule {
    static func regex(_ id: String, _ pattern: String, ignoreCase: Bool = true, scope: RuleScope = .line) -> Rule {
        Rule(
            id: id, name: id, description: "test rule", scope: scope,
            match: RulePattern(.regex(pattern), ignoreCase: ignoreCase), action: .drop, caption: false,
            examples: RuleExamples(drop: [RuleExample(text: "x", line: 1)], keep: [RuleExample(text: "y", line: 1)]),
            location: RuleLocation(path: "test.yaml", line: 1))
    }

    /// The lines of `text` that `ruleSet` drops.
    static func dropped(by ruleSet: RuleSet, in text: String) -> [String] {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: text))
        ruleSet.apply(to: &document, options: RuleOptions())
        return document.blocks.filter { $0.verdict?.action == .drop }.map(\.text)
    }
}
