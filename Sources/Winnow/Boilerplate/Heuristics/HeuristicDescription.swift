/// What a heuristic is, where it comes from, and the examples that test it.
///
/// Heuristics are described the way rules are (id, description, examples on both sides), so
/// one test runs every heuristic's examples and `winnow explain` can cite the id.
public struct HeuristicDescription: Sendable, Hashable {
    /// `heuristic.kebab-name`; the id written into `Verdict.Reason.ruleID`.
    public var id: String
    /// A short name.
    public var name: String
    /// What it drops and why that is boilerplate.
    public var description: String
    /// The method it borrows from and its thresholds there (jusText, C4, Gopher, BTE…).
    public var source: String
    /// Examples: lines or snippets it must drop and must keep.
    public var examples: [HeuristicExample]

    public init(id: String, name: String, description: String, source: String, examples: [HeuristicExample]) {
        self.id = id
        self.name = name
        self.description = description
        self.source = source
        self.examples = examples
    }
}

/// One example of a heuristic at work.
///
/// A snippet is a whole page run through the heuristics (no rules) in balanced mode; lines
/// marked with a leading `↓` must be dropped by this heuristic, and every other line must be
/// kept. Writing the examples as pages tests the heuristic in the context it needs.
public struct HeuristicExample: Sendable, Hashable {
    /// Page text with `↓` marking the lines this heuristic must drop.
    public var markedText: String
    /// The mode the example runs in.
    public var mode: BoilerplateOptions.Mode

    public init(_ markedText: String, mode: BoilerplateOptions.Mode = .balanced) {
        self.markedText = markedText
        self.mode = mode
    }
}
