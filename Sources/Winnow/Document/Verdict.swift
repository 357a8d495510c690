/// The decision a stage made about a block or a document, and why.
public struct Verdict: Sendable, Hashable, Codable {
    /// What happens to the text.
    public enum Action: String, Sendable, Hashable, Codable {
        /// Protected: later stages may not drop it.
        case keep
        /// Removed from the clean output.
        case drop
    }

    public var action: Action
    public var reason: Reason

    public init(action: Action, reason: Reason) {
        self.action = action
        self.reason = reason
    }

    public static func drop(_ ruleID: String, _ message: String, score: Double? = nil) -> Verdict {
        Verdict(action: .drop, reason: Reason(ruleID: ruleID, message: message, score: score))
    }

    public static func keep(_ ruleID: String, _ message: String, score: Double? = nil) -> Verdict {
        Verdict(action: .keep, reason: Reason(ruleID: ruleID, message: message, score: score))
    }
}

/// Which rule or heuristic decided, in one sentence.
public struct Reason: Sendable, Hashable, Codable {
    /// `category.kebab-name` for rules, `heuristic.kebab-name` for heuristics.
    public var ruleID: String
    /// One sentence a user can read in the explain view.
    public var message: String
    /// The heuristic's score, when it has one.
    public var score: Double?
    /// What the rule that dropped the text says it is (`RuleSignals`); empty for heuristics
    /// and keep verdicts.
    public var signals: RuleSignals

    public init(ruleID: String, message: String, score: Double? = nil, signals: RuleSignals = []) {
        self.ruleID = ruleID
        self.message = message
        self.score = score
        self.signals = signals
    }
}
