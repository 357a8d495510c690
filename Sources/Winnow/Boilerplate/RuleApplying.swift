/// Declarative rules the boilerplate remover applies before its heuristics.
///
/// `RuleSet` (Sources/Winnow/Rules) conforms; the protocol keeps the remover independent of
/// how rules are stored and lets tests pass a stub.
public protocol RuleApplying: Sendable {
    /// Sets verdicts on the blocks the rules match (undecided blocks only). A drop carries what
    /// its rule tells the heuristics (`Reason.signals`).
    func applyRules(to document: inout Document, keepCaptions: Bool)
}
