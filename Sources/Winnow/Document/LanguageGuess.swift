/// A language decision with its confidence and the runners-up.
public struct LanguageGuess: Sendable, Hashable, Codable {
    /// ISO 639-1 code where one exists (`en`, `th`, `zh`), or `und` when the detector abstains.
    public var code: String
    /// 0...1; low when the text is short or ambiguous.
    public var confidence: Double
    /// The next best candidates, best first.
    public var alternatives: [LanguageScore]

    public init(code: String, confidence: Double, alternatives: [LanguageScore] = []) {
        self.code = code
        self.confidence = confidence
        self.alternatives = alternatives
    }

    /// The "no answer" guess.
    public static let undetermined = LanguageGuess(code: "und", confidence: 0)

    public var isUndetermined: Bool { code == "und" }
}

/// One candidate language and its score.
public struct LanguageScore: Sendable, Hashable, Codable {
    public var code: String
    public var confidence: Double

    public init(code: String, confidence: Double) {
        self.code = code
        self.confidence = confidence
    }
}
