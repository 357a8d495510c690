/// The boilerplate stage: declarative rules first, then the general heuristics.
///
/// Rules decide the lines they name (a keep rule protects a line); the heuristics then find the
/// article among the undecided lines and drop the rest, each drop carrying the heuristic's id,
/// a one-line reason and a score. Blocks are only annotated, never edited.
public struct BoilerplateRemover: Stage {
    public let id = "boilerplate"
    /// The rules applied before the heuristics (`nil`: heuristics only).
    public var rules: (any RuleApplying)?
    /// Mode, captions, heuristics on or off.
    public var options: BoilerplateOptions

    public init(rules: (any RuleApplying)? = nil, options: BoilerplateOptions = BoilerplateOptions()) {
        self.rules = rules
        self.options = options
    }

    public func process(_ document: inout Document) throws(WinnowError) {
        if document.verdict?.action == .drop { return }
        rules?.applyRules(to: &document, keepCaptions: options.keepCaptions)
        guard options.useHeuristics, !document.blocks.isEmpty else { return }
        HeuristicPass(options: options, rulesApplied: rules != nil).run(on: &document)
    }
}
