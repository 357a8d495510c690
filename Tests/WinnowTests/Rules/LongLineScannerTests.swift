import Testing
@testable import Winnow

/// A line of more than `CompiledRules.longLineWords` words is scanned without the literals
/// only rules of fewer words read (`CompiledRules.longLineScanner`): the rules' verdicts are
/// the ones the full scanner gives.
@Suite struct LongLineScannerTests {
    private func rule(_ id: String, _ test: RulePattern.Test, maxWords: Int?, scope: RuleScope = .line) -> Rule {
        Rule(
            id: "test.\(id)", name: id, description: "test rule", scope: scope,
            match: RulePattern(test, maxWords: maxWords), action: .drop, caption: false,
            examples: RuleExamples(drop: [RuleExample(text: "x", line: 1)], keep: [RuleExample(text: "y", line: 1)]),
            location: RuleLocation(path: "test.yaml", line: 1))
    }

    private var rules: [Rule] {
        [
            rule("short", .contains("shortword"), maxWords: 5),
            rule("any", .contains("anyword"), maxWords: nil),
            rule("longish", .regex("\\blongishword\\b"), maxWords: CompiledRules.longLineWords + 5),
            rule("paragraph", .contains("paraword"), maxWords: 8, scope: .block),
        ]
    }

    private func words(_ count: Int, with word: String) -> String {
        (Array(repeating: "filler", count: count - 1) + [word]).joined(separator: " ")
    }

    @Test func theLongLineScannerLeavesOutBoundedRulesLiterals() throws {
        let compiled = try RuleSet(rules: rules).compiled
        let bounds = CompiledRules.wordBounds(literalCount: compiled.literalCount, of: compiled.lineOrder + compiled.blockOrder)
        func bound(_ literal: String) -> Int? {
            compiled.literals.firstIndex(of: Array(literal.utf8)).map { bounds[$0] }
        }
        #expect(bound("shortword") == 5)
        #expect(bound("anyword") == Int.max)
        #expect(bound("longishword") == CompiledRules.longLineWords + 5)
        #expect(bound("paraword") == 8)
        var found: Set<String> = []
        let text = Array("shortword anyword longishword paraword".utf8)
        text.withUnsafeBytes { bytes in
            compiled.longLineScanner.scan(bytes) { id in found.insert(String(decoding: compiled.literals[id], as: UTF8.self)) }
        }
        #expect(found == ["anyword", "longishword"])
    }

    @Test func verdictsAreTheFullScannersOnLinesOfEveryLength() throws {
        let ruleSet = try RuleSet(rules: rules)
        let limit = CompiledRules.longLineWords
        var lines: [String] = []
        for count in [1, 4, 5, 6, limit - 1, limit, limit + 1, limit + 5, limit + 6, 200] {
            for word in ["shortword", "anyword", "longishword", "paraword", "nothing", "SHORTWORD", "Anyword."] {
                lines.append(words(count, with: word))
            }
        }
        lines.append("anyword")
        let expected = lines.filter { line in
            let count = MatchSubject.wordCount(line)
            let folded = line.lowercased()
            return (folded.contains("shortword") && count <= 5) || folded.contains("anyword")
                || (folded.contains("longishword") && count <= limit + 5) || (folded.contains("paraword") && count <= 8)
        }
        var document = Document(id: "test", blocks: Segmenter().blocks(from: lines.joined(separator: "\n\n")))
        ruleSet.apply(to: &document, options: RuleOptions())
        let dropped = document.blocks.filter { $0.verdict?.action == .drop }.map(\.text)
        #expect(dropped == expected)
    }
}
