/// A pipeline stage that applies a rule set on its own (the boilerplate remover composes the
/// same rule set with its heuristics).
public struct RuleStage: Stage {
    public let id = "rules"
    public var ruleSet: RuleSet
    public var options: RuleOptions

    public init(ruleSet: RuleSet, options: RuleOptions = RuleOptions()) {
        self.ruleSet = ruleSet
        self.options = options
    }

    public func process(_ document: inout Document) throws(WinnowError) {
        ruleSet.apply(to: &document, options: options)
    }
}
