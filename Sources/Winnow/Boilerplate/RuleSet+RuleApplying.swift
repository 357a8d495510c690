extension RuleSet: RuleApplying {
    /// Applies the rules with the remover's caption choice.
    public func applyRules(to document: inout Document, keepCaptions: Bool) {
        apply(to: &document, options: RuleOptions(keepCaptions: keepCaptions))
    }
}
