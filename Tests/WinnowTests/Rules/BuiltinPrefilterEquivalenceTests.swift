import Foundation
import Testing

@testable import Winnow

/// The built-in rules with their prefilters (literals, anchored prefixes, branch splits, the
/// digit check) and without them (`(?-x)` in front of each regex stops every one) must decide
/// exactly the same lines: on the rules' own examples, and on variants of them made to probe
/// the prefilters' edges (case, checkboxes, list markers, apostrophes, cut lines, mixtures).
@Suite struct BuiltinPrefilterEquivalenceTests {
    /// `rule` with every regex behind `(?-x)`, which no prefilter sees through.
    static func unfiltered(_ rule: Rule) -> Rule {
        var copy = rule
        if case .regex(let source) = rule.match.test { copy.match.test = .regex("(?-x)" + source) }
        if let unless = rule.unless, case .regex(let source) = unless.test { copy.unless?.test = .regex("(?-x)" + source) }
        return copy
    }

    /// The examples' lines and variants of them.
    static func probeLines(_ rules: [Rule], count: Int, seed: UInt64) -> [String] {
        var base: [String] = []
        for rule in rules {
            let examples = rule.examples.drop + rule.examples.keep + rule.examples.context
            for example in examples {
                for line in example.text.split(separator: "\n") {
                    let text = line.replacingOccurrences(of: "↓", with: "").trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty { base.append(text) }
                }
            }
        }
        let fronts = ["", "[ ] ", "[] ", "• ", "* ", "- ", "### ", "M’", "m'", "1. ", "« ", "12:04 pm ", "© ", "[x] "]
        let backs = ["", " reply", " Reply actions", ".", " 2012", " |", " ]", "  ", " ↓", " of 6"]
        var generator = SplitMix(state: seed)
        var lines = base
        for _ in 0..<count {
            let first = base.randomElement(using: &generator) ?? ""
            var line: String
            switch generator.below(6) {
            case 0: line = first.uppercased()
            case 1: line = first.lowercased()
            case 2: line = String(first.prefix(max(1, first.count / 2)))
            case 3: line = String(first.suffix(max(1, first.count / 2)))
            case 4: line = first + " " + (base.randomElement(using: &generator) ?? "")
            default: line = first
            }
            line = (fronts.randomElement(using: &generator) ?? "") + line + (backs.randomElement(using: &generator) ?? "")
            line = line.trimmingCharacters(in: .whitespaces)
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    @Test func builtinRulesDecideTheSameLinesWithoutPrefilters() throws {
        let fast = try RuleSet.builtin()
        let slow = try RuleSet(rules: fast.rules.map(Self.unfiltered))
        let lines = Self.probeLines(fast.rules, count: 6000, seed: 2026)
        RuleSetAgreement.expectSameVerdicts(fast, slow, lines: lines, minimumDecided: 1000)
    }
}
