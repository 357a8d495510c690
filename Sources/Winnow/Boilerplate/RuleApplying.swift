/// Declarative rules the boilerplate remover applies before its heuristics.
///
/// `RuleSet` (Sources/Winnow/Rules) conforms; the protocol keeps the remover independent of
/// how rules are stored and lets tests pass a stub.
public protocol RuleApplying: Sendable {
    /// Sets verdicts on the blocks the rules match (undecided blocks only).
    func applyRules(to document: inout Document, keepCaptions: Bool)
    /// The ids of the rules that drop a widget as a section (a heading and what it heads) that
    /// may sit inside an article: the heuristics let the article go on past it.
    var sectionRuleIDs: Set<String> { get }
}

extension RuleApplying {
    public var sectionRuleIDs: Set<String> { [] }
}
