/// Runs the examples of rules: the tests behind `swift test` and `winnow rules test`.
///
/// Each example runs against its rule alone, on blocks made by the real `Segmenter`:
/// a `drop` example must be acted on by the rule (every line dropped, or protected for a `keep`
/// rule), a `keep` example must be left alone, and in a `context` snippet exactly the lines
/// marked `↓` must be acted on.
public enum RuleExampleRunner {
    /// One example of one rule.
    public struct Case: Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable { case drop, keep, context }
        public var rule: Rule
        public var kind: Kind
        /// 1-based position among the rule's examples of this kind.
        public var number: Int
        public var example: RuleExample

        /// `captions.wire-photo-code drop#1`
        public var description: String { "\(rule.id) \(kind.rawValue)#\(number)" }
        /// `Rules/captions/wire-photo.yaml:14`
        public var location: RuleLocation { RuleLocation(path: rule.location.path, line: example.line) }
    }

    /// Every example of every rule, in rule order.
    public static func cases(for rules: [Rule]) -> [Case] {
        var cases: [Case] = []
        for rule in rules {
            for (offset, example) in rule.examples.drop.enumerated() {
                cases.append(Case(rule: rule, kind: .drop, number: offset + 1, example: example))
            }
            for (offset, example) in rule.examples.keep.enumerated() {
                cases.append(Case(rule: rule, kind: .keep, number: offset + 1, example: example))
            }
            for (offset, example) in rule.examples.context.enumerated() {
                cases.append(Case(rule: rule, kind: .context, number: offset + 1, example: example))
            }
        }
        return cases
    }

    /// Runs one case; returns `nil` when it passes, or what went wrong.
    public static func run(_ testCase: Case) -> String? {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSet(rules: [testCase.rule])
        } catch {
            return error.description
        }
        return run(testCase, in: ruleSet)
    }

    /// Runs one case with an already compiled one-rule set.
    public static func run(_ testCase: Case, in ruleSet: RuleSet) -> String? {
        let rule = testCase.rule
        var marked: Set<Int> = []
        var text = testCase.example.text
        if testCase.kind == .context {
            var lines: [Substring] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " }
                if trimmed.first == "↓" {
                    let indent = line.prefix { $0 == " " }
                    lines.append(Substring(indent + trimmed.dropFirst()))
                    marked.insert(lines.count)  // 1-based line number in the snippet
                } else {
                    lines.append(line)
                }
            }
            text = lines.joined(separator: "\n")
        }
        var document = Document(id: testCase.description, blocks: Segmenter().blocks(from: text))
        guard !document.blocks.isEmpty else { return "the example has no text" }
        ruleSet.apply(to: &document, options: RuleOptions())
        var problems: [String] = []
        for block in document.blocks {
            let actedOn = block.verdict?.reason.ruleID == rule.id && block.verdict?.action == rule.action
            let shouldAct: Bool
            switch testCase.kind {
            case .drop: shouldAct = true
            case .keep: shouldAct = false
            case .context: shouldAct = marked.contains(block.origin.line)
            }
            if actedOn != shouldAct {
                let verb = rule.action == .drop ? "drop" : "protect"
                problems.append(
                    shouldAct ? "did not \(verb): \(block.text)" : "should not \(verb): \(block.text)")
            }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "\n")
    }
}
